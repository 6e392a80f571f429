package io.parbench.bench.workload.cpu;

import java.util.SplittableRandom;

/**
 * C = A x B for dense {@code size x size} double matrices, partitioned by rows of C.
 *
 * <p>The memory-bound contrast to the arithmetic workloads: every row of C reads all of B, so the caches and
 * the memory bandwidth, not the cores alone, set the speed. A and B are filled from a fixed seed, so a child
 * JVM rebuilds exactly the same matrices from the size alone.
 *
 * <p>The checksum of a row is the wrapping sum of the IEEE bit patterns of its elements. Each element is
 * computed by the same loop in the same order whoever computes its row, and whole-row checksums are summed
 * with wrapping long addition, so the answer does not depend on the partitioning (floating-point sums of
 * partial results would).
 */
public final class MatrixMultiply implements RangeWorkload {

    private static final long SEED = 0x5EED_0F_ABCDL;
    private static final int MAX_SIZE = 8192;

    private final int n;
    private final double[] a; // row-major n x n
    private final double[] bT; // B transposed, so the inner loop walks both operands contiguously

    public MatrixMultiply(long size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("matmul needs 0 <= size <= " + MAX_SIZE + "; got " + size);
        }
        this.n = (int) size;
        var random = new SplittableRandom(SEED);
        this.a = new double[n * n];
        double[] b = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1.0, 1.0);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextDouble(-1.0, 1.0);
        }
        this.bT = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                bT[c * n + r] = b[r * n + c];
            }
        }
    }

    @Override
    public String id() {
        return "matmul";
    }

    @Override
    public long size() {
        return n;
    }

    @Override
    public long units() {
        return n;
    }

    @Override
    public long computeRange(long from, long to) {
        checkRange(from, to);
        long checksum = 0;
        for (int row = (int) from; row < to; row++) {
            int rowBase = row * n;
            for (int col = 0; col < n; col++) {
                int colBase = col * n;
                double dot = 0.0;
                for (int k = 0; k < n; k++) {
                    dot += a[rowBase + k] * bT[colBase + k];
                }
                checksum += Double.doubleToLongBits(dot);
            }
        }
        return checksum;
    }

    /** Element (row, col) of C, computed by the same loop as {@link #computeRange}; for tests. */
    double element(int row, int col) {
        double dot = 0.0;
        for (int k = 0; k < n; k++) {
            dot += a[row * n + k] * bT[col * n + k];
        }
        return dot;
    }

    /** Element (row, k) of A; for tests. */
    double a(int row, int k) {
        return a[row * n + k];
    }

    /** Element (k, col) of B; for tests. */
    double b(int k, int col) {
        return bT[col * n + k];
    }
}
