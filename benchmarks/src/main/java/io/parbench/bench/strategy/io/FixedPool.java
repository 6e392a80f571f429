package io.parbench.bench.strategy.io;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.io.IoWorkload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * A fixed pool of {@code threads} platform threads, made (and started) at trial set-up; every task is submitted to
 * it. Each waiting task holds one of the pool's threads, so at most {@code threads} wait at once: the classic
 * server design, whose throughput is threads / latency until the threads' own cost (memory, scheduling) shows.
 */
final class FixedPool implements IoStrategy {

    private final int threads;
    private final ExecutorService pool;

    FixedPool(int threads) {
        this.threads = threads;
        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("parbench-io-pool-", 0).daemon(true).factory());
        executor.prestartAllCoreThreads();
        this.pool = executor;
    }

    @Override
    public String id() {
        return "pool";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long run(IoWorkload workload) {
        return IoStrategies.submitAll(id(), pool, workload.tasks(), task -> () -> workload.task(task));
    }

    @Override
    public void close() {
        Cleanup.stop(pool, 30);
    }
}
