package io.parbench.bench.strategy;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A fixed pool of {@code threads} platform threads, made once per trial; each chunk is a submitted task. */
public final class ThreadPoolStrategy implements CpuStrategy {

    private final Chunking chunking;
    private final ExecutorService pool;

    public ThreadPoolStrategy(Chunking chunking) {
        this.chunking = chunking;
        this.pool = Executors.newFixedThreadPool(chunking.threads(),
                Thread.ofPlatform().name("parbench-pool-", 0).daemon(true).factory());
    }

    @Override
    public String id() {
        return "pool";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (Chunking.Range r : chunking.split(workload.units())) {
            tasks.add(() -> workload.computeRange(r.from(), r.to()));
        }
        try {
            long total = 0;
            for (Future<Long> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException | ExecutionException e) {
            throw StrategyFailure.unwrap(id(), e);
        }
    }

    @Override
    public void close() {
        Cleanup.stop(pool, 10);
    }
}
