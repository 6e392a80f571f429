package io.parbench.bench.strategy;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A parallel stream over the chunks, run inside a ForkJoinPool of {@code threads} (made once per trial): a
 * parallel stream started from a ForkJoin worker uses that worker's pool instead of the common pool.
 */
public final class ParallelStreamStrategy implements CpuStrategy {

    private final Chunking chunking;
    private final ForkJoinPool pool;

    public ParallelStreamStrategy(Chunking chunking) {
        this.chunking = chunking;
        this.pool = new ForkJoinPool(chunking.threads());
    }

    @Override
    public String id() {
        return "stream";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        List<Chunking.Range> chunks = chunking.split(workload.units());
        try {
            return pool.submit(() -> IntStream.range(0, chunks.size())
                    .parallel()
                    .mapToLong(i -> workload.computeRange(chunks.get(i).from(), chunks.get(i).to()))
                    .sum()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw StrategyFailure.unwrap(id(), e);
        }
    }

    @Override
    public void close() {
        Cleanup.stop(pool, 10);
    }
}
