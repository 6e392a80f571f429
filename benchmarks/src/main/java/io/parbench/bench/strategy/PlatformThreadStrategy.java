package io.parbench.bench.strategy;

import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New platform threads for every operation: {@code threads} of them are started, take chunks from a shared
 * counter until none is left, and are joined. The creation and start of OS threads is part of the cost measured.
 *
 * <p>Exactly {@code threads} threads run at once, so the parallelism is the one the sweep names (one thread per
 * chunk would run {@code chunksPerThread} times as many).
 */
public final class PlatformThreadStrategy implements CpuStrategy {

    private final Chunking chunking;

    public PlatformThreadStrategy(Chunking chunking) {
        this.chunking = chunking;
    }

    @Override
    public String id() {
        return "platform";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        List<Chunking.Range> chunks = chunking.split(workload.units());
        int workers = Math.min(chunking.threads(), Math.max(chunks.size(), 1));
        AtomicInteger next = new AtomicInteger();
        long[] partial = new long[workers];
        Throwable[] failure = new Throwable[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads[w] = Thread.ofPlatform().name("parbench-platform-", w).unstarted(() -> {
                try {
                    long sum = 0;
                    for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                        Chunking.Range r = chunks.get(i);
                        sum += workload.computeRange(r.from(), r.to());
                    }
                    partial[worker] = sum;
                } catch (Throwable t) {
                    failure[worker] = t;
                }
            });
            threads[w].start();
        }
        long total = 0;
        try {
            for (int w = 0; w < workers; w++) {
                threads[w].join(); // join() publishes partial[w] and failure[w] to this thread
                if (failure[w] != null) {
                    throw StrategyFailure.unwrap(id(), failure[w]);
                }
                total += partial[w];
            }
        } catch (InterruptedException e) {
            throw StrategyFailure.unwrap(id(), e);
        }
        return total;
    }

    @Override
    public void close() {
        // threads live for one operation only
    }
}
