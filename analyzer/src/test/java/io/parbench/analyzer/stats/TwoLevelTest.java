package io.parbench.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.model.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoLevelTest {

    /** The two-level worked example of Kalibera and Jones, as libkalibera's test_worked_example_2_level states it. */
    private static final double[][] WORKED = {{9, 5, 8, 3}, {10, 6, 7, 11}, {1, 12, 2, 4}};

    @Test
    void varianceComponentsMatchLibkaliberasWorkedExample() {
        TwoLevel t = TwoLevel.of(WORKED);
        // libkalibera asserts these rounded to one decimal; exactly, S1^2 = 114.5 / 9 and S2^2 = 3.5833.
        assertEquals(6.5, t.mean(), 1e-12);
        assertEquals(12.7, t.s1(), 0.05);
        assertEquals(3.6, t.s2(), 0.05);
        assertEquals(12.7, t.t1(), 0.05);
        assertEquals(0.4, t.t2(), 0.05);
        assertEquals(114.5 / 9, t.s1(), 1e-12, "squares within forks 22.75 + 17 + 74.75 over 3 x 3 degrees of freedom");
        assertEquals((0.0625 + 4 + 3.0625) / 2, t.s2(), 1e-12, "fork means 6.25, 8.5, 4.75 around 6.5");
        assertTrue(t.betweenForkVarianceSeen());
    }

    @Test
    void optimalIterationsFollowTheirFormula() {
        // libkalibera's test_optimal_reps: T_1^2 = 0.7266667 and T_2^2 = 0.262777778 (its three-level data) with costs
        // 20 (a fork) and 3 (an iteration) give 4.2937 iterations. The same two variances here give the same count.
        TwoLevel t = new TwoLevel(2, 3, 1, 0.7266667, 0.262777778 + 0.7266667 / 3, 0.7266667, 0.262777778);
        assertEquals(4.2937, t.optimalIterations(20, 3), 0.001);
        TwoLevel none = new TwoLevel(3, 4, 1, 0.5, 0.1, 0.5, -0.02);
        assertEquals(Double.POSITIVE_INFINITY, none.optimalIterations(20, 3), "no variance between forks: iterate");
        assertFalse(none.betweenForkVarianceSeen());
    }

    @Test
    void forksForAPrecisionUseTheStudentQuantile() {
        // Fork means vary with variance 0.0004 (sd 2% of the mean 1): a 2% half-width at 95% needs t(n-1)/sqrt(n) <= 1.
        TwoLevel t = new TwoLevel(3, 10, 1.0, 0, 0, 0, 0.0004);
        int n = t.forksFor(0.02, 10, 0.95);
        assertEquals(7, n, "t(5)/sqrt(6) = 1.05 > 1, t(6)/sqrt(7) = 0.925");
        assertEquals(Integer.MAX_VALUE, new TwoLevel(3, 10, 0, 0, 0, 0, 1).forksFor(0.02, 10, 0.95), "zero mean");
    }

    /**
     * Simulated forks with a known variance between them (sd 5%) and between iterations (sd 2%): the fork-first
     * bootstrap's 95% interval should contain the true mean near 95% of the time; pooling the iterations (what one
     * fork's interval does) misses it far more often. 400 simulated experiments of 10 forks x 10 iterations, fixed
     * seeds: coverage is deterministic. Tolerance: the percentile bootstrap with 10 clusters is known to run a few
     * points short of nominal, so [0.85, 0.99].
     */
    @Test
    void forkFirstBootstrapCoversTheTrueMeanNearNominal() {
        SplittableRandom random = new SplittableRandom(7);
        int runs = 400;
        int covered = 0;
        int pooledCovered = 0;
        Bootstrap bootstrap = new Bootstrap(1_000, Bootstrap.SEED);
        for (int run = 0; run < runs; run++) {
            int forks = 10;
            int iterations = 10;
            double[] v = new double[forks * iterations];
            int[] f = new int[v.length];
            for (int i = 0; i < forks; i++) {
                double forkMean = 1 + 0.05 * gaussian(random);
                for (int j = 0; j < iterations; j++) {
                    v[i * iterations + j] = forkMean + 0.02 * gaussian(random);
                    f[i * iterations + j] = i;
                }
            }
            long[] w = new long[v.length];
            Arrays.fill(w, 1);
            if (bootstrap.mean(new Samples(v, w, f), 0.95).contains(1.0)) {
                covered++;
            }
            if (bootstrap.mean(new Samples(v, w, new int[v.length]), 0.95).contains(1.0)) {
                pooledCovered++;
            }
        }
        double coverage = covered / (double) runs;
        double pooled = pooledCovered / (double) runs;
        assertTrue(coverage >= 0.85 && coverage <= 0.99, "fork-first coverage " + coverage);
        assertTrue(pooled < 0.7, "pooling iterations ignores the forks' own variance: coverage " + pooled);
    }

    @Test
    void aRatioOfForkedSamplesIsWiderThanItsPooledInterval() {
        SplittableRandom random = new SplittableRandom(11);
        double[] v = new double[30];
        int[] f = new int[30];
        for (int i = 0; i < 3; i++) {
            double m = 1 + 0.1 * (i - 1);
            for (int j = 0; j < 10; j++) {
                v[i * 10 + j] = m + 0.01 * gaussian(random);
                f[i * 10 + j] = i;
            }
        }
        long[] w = new long[30];
        Arrays.fill(w, 1);
        Samples forked = new Samples(v, w, f);
        Samples pooled = new Samples(v, w, new int[30]);
        Samples other = Samples.of(1, 1.01, 0.99, 1, 1.02, 0.98);
        Bootstrap b = new Bootstrap(2_000, Bootstrap.SEED);
        Bootstrap.Interval two = b.ratioOfMeans(forked, other, 0.95);
        Bootstrap.Interval one = b.ratioOfMeans(pooled, other, 0.95);
        assertEquals(one.estimate(), two.estimate(), 1e-12);
        assertTrue(two.high() - two.low() > 2 * (one.high() - one.low()), one + " vs " + two);
        assertEquals(3, Bootstrap.forks(forked));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
