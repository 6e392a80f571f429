package io.parbench.bench.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * How work over {@code [0, units)} is cut into chunks: {@code threads x chunksPerThread} contiguous ranges of
 * near-equal length (never more chunks than units, never an empty chunk).
 *
 * <p>{@link #DEFAULT_CHUNKS_PER_THREAD} is 4: one chunk per thread leaves the whole range's imbalance to the
 * slowest thread (primes get dearer along the range, Collatz is uneven everywhere); four lets a thread that
 * finishes early take more work, while keeping the per-chunk overhead (a task, a pipe round trip) small.
 */
public record Chunking(int threads, int chunksPerThread) {

    public static final int DEFAULT_CHUNKS_PER_THREAD = 4;

    public Chunking {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + threads);
        }
        if (chunksPerThread < 1) {
            throw new IllegalArgumentException("chunksPerThread must be at least 1; got " + chunksPerThread);
        }
    }

    public static Chunking of(int threads) {
        return new Chunking(threads, DEFAULT_CHUNKS_PER_THREAD);
    }

    /** How many chunks {@code units} units are cut into. */
    public int chunkCount(long units) {
        return (int) Math.min(units, (long) threads * chunksPerThread);
    }

    /** The chunks, in order, covering {@code [0, units)} exactly once. */
    public List<Range> split(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0; got " + units);
        }
        int count = chunkCount(units);
        List<Range> ranges = new ArrayList<>(count);
        long base = count == 0 ? 0 : units / count;
        long extra = count == 0 ? 0 : units % count;
        long from = 0;
        for (int i = 0; i < count; i++) {
            long to = from + base + (i < extra ? 1 : 0);
            ranges.add(new Range(from, to));
            from = to;
        }
        return ranges;
    }

    /** The largest chunk length that {@link #split} produces: ForkJoin's splitting threshold. */
    public long grain(long units) {
        int count = chunkCount(units);
        return count == 0 ? 1 : (units + count - 1) / count;
    }

    /** A half-open range of units {@code [from, to)}. */
    public record Range(long from, long to) {
        public Range {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
            }
        }

        public long length() {
            return to - from;
        }

        @Override
        public String toString() {
            return "[" + from + ", " + to + ")";
        }
    }
}
