package io.parbench.bench.strategy;

import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per chunk (newVirtualThreadPerTaskExecutor), with at most {@code threads} of them working
 * at once (a semaphore), so that the sweep's parallelism means the same as for the other strategies.
 *
 * <p>Virtual threads run on the JDK's carrier pool, whose size is the JVM's available processors (unless
 * {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise): for CPU-bound work they cannot beat the
 * cores, they only make waiting cheap.
 */
public final class VirtualThreadStrategy implements CpuStrategy {

    private final Chunking chunking;

    public VirtualThreadStrategy(Chunking chunking) {
        this.chunking = chunking;
    }

    @Override
    public String id() {
        return "virtual";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        Semaphore permits = new Semaphore(chunking.threads());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> futures = new ArrayList<>();
            for (Chunking.Range r : chunking.split(workload.units())) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return workload.computeRange(r.from(), r.to());
                    } finally {
                        permits.release();
                    }
                }));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException | ExecutionException e) {
            throw StrategyFailure.unwrap(id(), e);
        }
    }

    @Override
    public void close() {
        // the executor lives for one operation only
    }
}
