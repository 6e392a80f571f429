package io.parbench.analyzer.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A measurement with two levels, forks (JVMs) and iterations inside them, after Kalibera and Jones, "Rigorous
 * Benchmarking in Reasonable Time" (ISMM 2013), with the corrected estimator of their revised paper as libkalibera
 * implements it:
 * <ul>
 *   <li>S1^2 = sum_i sum_j (y_ij - mean_i)^2 / (n (r - 1)): the variance between iterations of one fork;</li>
 *   <li>S2^2 = sum_i (mean_i - mean)^2 / (n - 1): the variance of the fork means;</li>
 *   <li>T1^2 = S1^2 and T2^2 = S2^2 - S1^2 / r: unbiased estimates of each level's own variance (T2^2 can come out
 *       negative when the forks agree better than their iterations suggest: no variance between forks is seen);</li>
 *   <li>the optimal iterations per fork, r = sqrt((c_fork / c_iteration) (T1^2 / T2^2)): where a fork (a JVM start and
 *       its warm-up) is expensive and the forks differ little, iterate more; where forks differ, fork more.</li>
 * </ul>
 * With unequal iteration counts r is their harmonic mean (the design is assumed balanced, as JMH's is).
 */
public record TwoLevel(int forks, double iterationsPerFork, double mean, double s1, double s2, double t1, double t2) {

    /** The two levels of {@code byFork} (one array of iteration values per fork). */
    public static TwoLevel of(double[][] byFork) {
        int n = byFork.length;
        double[] forkMeans = new double[n];
        double within = 0;
        int withinDf = 0;
        double inverseR = 0;
        double total = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double[] f = byFork[i];
            forkMeans[i] = Arrays.stream(f).average().orElse(Double.NaN);
            for (double v : f) {
                within += (v - forkMeans[i]) * (v - forkMeans[i]);
                total += v;
                count++;
            }
            withinDf += f.length - 1;
            inverseR += 1.0 / f.length;
        }
        double r = n / inverseR;
        double grand = Arrays.stream(forkMeans).average().orElse(Double.NaN);
        double s1 = withinDf > 0 ? within / withinDf : Double.NaN;
        double between = 0;
        for (double m : forkMeans) {
            between += (m - grand) * (m - grand);
        }
        double s2 = n > 1 ? between / (n - 1) : Double.NaN;
        double t2 = s2 - s1 / r;
        return new TwoLevel(n, r, count == 0 ? Double.NaN : grand, s1, s2, s1, t2);
    }

    /** True when the forks differ more than their iterations explain (T2^2 > 0): forking more is what helps. */
    public boolean betweenForkVarianceSeen() {
        return forks > 1 && t2 > 0;
    }

    /**
     * Kalibera and Jones's optimal iterations per fork for these costs (seconds per fork, including its start and
     * warm-up, and per measured iteration), not rounded; infinite when no variance between forks is seen.
     */
    public double optimalIterations(double forkCost, double iterationCost) {
        if (!(t2 > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(forkCost / iterationCost * t1 / t2);
    }

    /**
     * The forks that would bring the {@code level} interval of the mean to {@code relativeHalfWidth} of it with
     * {@code iterations} per fork: Var(mean) = (T2^2 + T1^2 / r) / n (a negative T2^2 counts as zero), with the
     * Student t quantile of n - 1 degrees of freedom. At least 2; {@link Integer#MAX_VALUE} if no count reaches it.
     */
    public int forksFor(double relativeHalfWidth, int iterations, double level) {
        double perFork = Math.max(t2, 0) + (Double.isNaN(t1) ? 0 : t1) / iterations;
        double target = relativeHalfWidth * Math.abs(mean);
        if (!(perFork >= 0) || !(target > 0)) {
            return Integer.MAX_VALUE;
        }
        for (int n = 2; n <= 10_000; n++) {
            double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
            if (t * Math.sqrt(perFork / n) <= target) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }
}
