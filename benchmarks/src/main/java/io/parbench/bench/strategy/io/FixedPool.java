package io.parbench.bench.strategy.io;

import io.parbench.bench.workload.io.IoWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
        List<Future<Long>> futures = new ArrayList<>(workload.tasks());
        for (int i = 0; i < workload.tasks(); i++) {
            int task = i;
            futures.add(pool.submit(() -> workload.task(task)));
        }
        return IoStrategies.sum(id(), futures);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
