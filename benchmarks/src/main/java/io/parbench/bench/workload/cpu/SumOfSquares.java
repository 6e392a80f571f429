package io.parbench.bench.workload.cpu;

/**
 * The sum of {@code i * i} for {@code i} in {@code [0, size)}, in wrapping long arithmetic.
 *
 * <p>Cheap and regular: one multiply-add per unit, so the cost of splitting and joining is easy to see.
 * Wrapping addition keeps the answer exact (modulo 2^64) whatever the order of the partial sums.
 */
public record SumOfSquares(long size) implements RangeWorkload {

    public SumOfSquares {
        if (size < 0) {
            throw new IllegalArgumentException("sumsq needs size >= 0; got " + size);
        }
    }

    @Override
    public String id() {
        return "sumsq";
    }

    @Override
    public long units() {
        return size;
    }

    @Override
    public long computeRange(long from, long to) {
        checkRange(from, to);
        long sum = 0;
        for (long i = from; i < to; i++) {
            sum += i * i;
        }
        return sum;
    }

    /** The closed form (n-1)n(2n-1)/6, computed exactly and reduced modulo 2^64 like the loop. */
    public static long closedForm(long n) {
        if (n <= 0) {
            return 0;
        }
        var big = java.math.BigInteger.valueOf(n);
        return big.subtract(java.math.BigInteger.ONE)
                .multiply(big)
                .multiply(big.shiftLeft(1).subtract(java.math.BigInteger.ONE))
                .divide(java.math.BigInteger.valueOf(6))
                .longValue(); // low 64 bits: the same as wrapping arithmetic
    }
}
