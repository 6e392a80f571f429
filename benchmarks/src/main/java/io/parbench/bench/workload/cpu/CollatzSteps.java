package io.parbench.bench.workload.cpu;

/**
 * The sum of the Collatz stopping times (steps to reach 1) of every n in {@code [1, size]}.
 *
 * <p>Very irregular per unit: neighbours can differ by hundreds of steps (27 takes 111, 28 takes 18), so a
 * static split can leave one worker with far more work than another; dynamic scheduling helps here.
 */
public record CollatzSteps(long size) implements RangeWorkload {

    public CollatzSteps {
        // Starting values stay far below the point where 3n + 1 could overflow a long on the way up.
        if (size < 0 || size > 1L << 40) {
            throw new IllegalArgumentException("collatz needs 0 <= size <= 2^40; got " + size);
        }
    }

    @Override
    public String id() {
        return "collatz";
    }

    @Override
    public long units() {
        return size;
    }

    @Override
    public long computeRange(long from, long to) {
        checkRange(from, to);
        long total = 0;
        for (long i = from; i < to; i++) {
            total += stoppingTime(i + 1);
        }
        return total;
    }

    /** Steps of n -> n/2 (even) or 3n+1 (odd) until n reaches 1; 0 for n = 1. */
    public static int stoppingTime(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("Collatz stopping time needs n >= 1; got " + n);
        }
        int steps = 0;
        while (n != 1) {
            n = (n & 1) == 0 ? n >>> 1 : 3 * n + 1;
            steps++;
        }
        return steps;
    }
}
