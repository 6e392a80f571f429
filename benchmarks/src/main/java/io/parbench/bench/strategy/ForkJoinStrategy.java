package io.parbench.bench.strategy;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * RecursiveTask splitting on a ForkJoinPool of {@code threads}, made once per trial. A range is halved until it
 * is no longer than the chunking's grain (units / (threads x chunksPerThread), rounded up); idle workers steal.
 */
public final class ForkJoinStrategy implements CpuStrategy {

    private final Chunking chunking;
    private final ForkJoinPool pool;

    public ForkJoinStrategy(Chunking chunking) {
        this.chunking = chunking;
        this.pool = new ForkJoinPool(chunking.threads());
    }

    @Override
    public String id() {
        return "forkjoin";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        long units = workload.units();
        try {
            return pool.invoke(new RangeTask(workload, 0, units, chunking.grain(units)));
        } catch (RuntimeException e) {
            throw StrategyFailure.unwrap(id(), e);
        }
    }

    @Override
    public void close() {
        Cleanup.stop(pool, 10);
    }

    private static final class RangeTask extends RecursiveTask<Long> {
        private final RangeWorkload workload;
        private final long from;
        private final long to;
        private final long grain;

        RangeTask(RangeWorkload workload, long from, long to, long grain) {
            this.workload = workload;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected Long compute() {
            if (to - from <= grain) {
                return workload.computeRange(from, to);
            }
            long mid = from + (to - from) / 2;
            RangeTask left = new RangeTask(workload, from, mid, grain);
            left.fork();
            long right = new RangeTask(workload, mid, to, grain).compute();
            return right + left.join();
        }
    }
}
