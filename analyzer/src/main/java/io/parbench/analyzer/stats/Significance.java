package io.parbench.analyzer.stats;

import io.parbench.analyzer.model.Samples;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.stat.inference.TTest;

/** Tests of difference between benchmarks, and Holm's correction for testing several at once. */
public final class Significance {

    private Significance() {
    }

    /**
     * Welch's two-sided t-test p-value (unequal variances) between two sets of samples, from commons-math3;
     * NaN when either has fewer than two samples.
     */
    public static double welchP(Samples a, Samples b) {
        double[] x = a.expanded(10_000);
        double[] y = b.expanded(10_000);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        if (variance(x) == 0 && variance(y) == 0) {
            return Summary.of(a).mean() == Summary.of(b).mean() ? 1.0 : 0.0;
        }
        return new TTest().tTest(x, y);
    }

    private static double variance(double[] v) {
        return new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(v);
    }

    /**
     * Holm's step-down adjusted p-values (Holm, Scand. J. Statistics 6(2), 1979): sort ascending, multiply the
     * i-th smallest (0-based) by (m - i), carry the running maximum, cap at 1. NaN inputs stay NaN and do not count
     * towards m.
     */
    public static double[] holm(double[] p) {
        Integer[] order = ascending(p);
        int m = (int) Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Benjamini and Hochberg's step-up adjusted p-values (q-values; J. Royal Statistical Society B 57(1), 1995): sort
     * ascending, the i-th smallest (1-based) times m / i, the running minimum from the largest down, capped at 1.
     * Rejecting q &lt; alpha keeps the expected share of false discoveries below alpha, and, when no change is real
     * (an A/A run), the chance of any false one too. NaN inputs stay NaN and do not count towards m.
     */
    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = ascending(p);
        int m = (int) Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--) {
            int i = order[rank];
            running = Math.min(running, p[i] * m / (rank + 1));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The indexes of {@code p} from the smallest p-value up, NaN last. */
    private static Integer[] ascending(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
        return order;
    }

    /** How many samples lie outside Tukey's fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR). */
    public static int tukeyOutliers(Samples s) {
        double[] v = s.expanded(100_000);
        if (v.length < 4) {
            return 0;
        }
        Arrays.sort(v);
        double q1 = Bootstrap.quantile(v, 0.25);
        double q3 = Bootstrap.quantile(v, 0.75);
        double iqr = q3 - q1;
        int outliers = 0;
        for (double x : v) {
            if (x < q1 - 1.5 * iqr || x > q3 + 1.5 * iqr) {
                outliers++;
            }
        }
        return outliers;
    }
}
