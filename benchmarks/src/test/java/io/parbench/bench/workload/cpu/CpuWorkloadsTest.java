package io.parbench.bench.workload.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuWorkloadsTest {

    @Test
    void primesKnownAnswers() {
        // 24,268 primes in [100,000, 400,000): pi(400000) - pi(100000) = 33,860 - 9,592.
        assertEquals(24_268, PrimeCount.ofSize(300_000).computeAll());
        assertEquals(25, new PrimeCount(0, 100).computeAll()); // pi(100)
        assertEquals(168, new PrimeCount(0, 1000).computeAll()); // pi(1000)
        assertEquals(9_592, new PrimeCount(0, 100_000).computeAll()); // pi(10^5)
        assertEquals(0, PrimeCount.ofSize(0).computeAll());
        assertEquals(1, new PrimeCount(2, 1).computeAll());
        assertEquals(0, new PrimeCount(1, 1).computeAll());
    }

    @Test
    void sumOfSquaresMatchesTheClosedFormEvenWhenItWraps() {
        for (long n : new long[] {0, 1, 2, 3, 10, 1_000, 123_457, 5_000_000}) {
            assertEquals(SumOfSquares.closedForm(n), new SumOfSquares(n).computeAll(), "n=" + n);
        }
        assertEquals(285, new SumOfSquares(10).computeAll()); // 0 + 1 + 4 + ... + 81
        // Past about 3.8 million the true sum exceeds 2^63: the loop and the closed form must still agree mod 2^64.
        assertTrue(java.math.BigInteger.valueOf(5_000_000).pow(3).compareTo(java.math.BigInteger.ONE.shiftLeft(63)) > 0);
    }

    @Test
    void collatzKnownStoppingTimes() {
        assertEquals(0, CollatzSteps.stoppingTime(1));
        assertEquals(111, CollatzSteps.stoppingTime(27));
        assertEquals(18, CollatzSteps.stoppingTime(28));
        assertEquals(350, CollatzSteps.stoppingTime(77_031)); // the longest below 100,000
        // 1..10: 0 + 1 + 7 + 2 + 5 + 8 + 16 + 3 + 19 + 6
        assertEquals(67, new CollatzSteps(10).computeAll());
        assertThrows(IllegalArgumentException.class, () -> CollatzSteps.stoppingTime(0));
    }

    @Test
    void matmulElementsAreDotProductsAndTheChecksumIgnoresThePartition() {
        var m = new MatrixMultiply(17);
        double expected = 0;
        for (int k = 0; k < 17; k++) {
            expected += m.a(3, k) * m.b(k, 5);
        }
        assertEquals(expected, m.element(3, 5), 0.0);
        long whole = m.computeAll();
        long byRows = 0;
        for (int r = 0; r < 17; r++) {
            byRows += m.computeRange(r, r + 1);
        }
        assertEquals(whole, byRows);
        assertEquals(whole, m.computeRange(0, 9) + m.computeRange(9, 17));
        // The same size always makes the same matrices: a child JVM rebuilds them from the size alone.
        assertEquals(whole, new MatrixMultiply(17).computeAll());
        assertEquals(0, new MatrixMultiply(0).computeAll());
    }

    @Test
    void everyWorkloadSplitsExactly() {
        for (String id : CpuWorkloads.ids()) {
            RangeWorkload w = CpuWorkloads.create(id, id.equals("matmul") ? 40 : 10_000);
            long units = w.units();
            long a = units / 3;
            long b = 2 * units / 3;
            assertEquals(w.computeAll(), w.computeRange(0, a) + w.computeRange(a, b) + w.computeRange(b, units), id);
        }
    }

    @Test
    void aSpecRebuildsTheSameWorkload() {
        for (RangeWorkload w : new RangeWorkload[] {PrimeCount.ofSize(1000), new PrimeCount(1_000_000_000L, 500),
                new SumOfSquares(77), new CollatzSteps(99), new MatrixMultiply(9)}) {
            RangeWorkload copy = CpuWorkloads.fromSpec(w.spec());
            assertEquals(w.spec(), copy.spec());
            assertEquals(w.computeAll(), copy.computeAll(), w.spec());
        }
        assertEquals("primes/500/lo=1000000000", new PrimeCount(1_000_000_000L, 500).spec());
        assertThrows(IllegalArgumentException.class, () -> CpuWorkloads.fromSpec("primes"));
    }

    @Test
    void badInputIsRefusedWithTheValidValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuWorkloads.create("fibonacci", 10));
        assertEquals("unknown CPU workload 'fibonacci'; valid workloads: primes, sumsq, collatz, matmul", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SumOfSquares(-1));
        assertThrows(IllegalArgumentException.class, () -> new SumOfSquares(10).computeRange(5, 11));
        assertThrows(IllegalArgumentException.class, () -> new SumOfSquares(10).computeRange(6, 5));
    }
}
