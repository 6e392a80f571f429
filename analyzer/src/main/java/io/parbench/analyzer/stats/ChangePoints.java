package io.parbench.analyzer.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Steps in a series of runs (a benchmark's score across the history), the way Apache Otava (formerly Hunter: Fleming
 * et al., "Hunter: Using Change Point Detection to Hunt for Performance Regressions", ICPE 2023) finds them: the
 * E-divisive means statistic of Matteson and James (JASA 109(505), 2014; as in Daly et al., ICPE 2020) proposes the
 * split of a segment, and a two-sample t-test between the two sides accepts it (Welch's, p below
 * {@link #MAX_PVALUE}, Otava's default) instead of E-divisive's permutation test, which is slow and, on the short
 * series of a CI history, unstable. Accepted splits are searched again on each side (binary segmentation) until no
 * side splits. Otava's window (50 points) is left out: a history here is shorter than that.
 */
public final class ChangePoints {

    /** Otava's default significance for a change point. */
    public static final double MAX_PVALUE = 0.001;
    /** Each side of a split keeps at least this many points (a t-test needs two). */
    public static final int MIN_SIDE = 2;

    /** A step at index {@code index} (the first point after it), with the two sides' means and the test's p-value. */
    public record Step(int index, double meanBefore, double meanAfter, double p) {

        /** The relative change: above 0 means the score went up. */
        public double change() {
            return meanAfter / meanBefore - 1;
        }
    }

    private ChangePoints() {
    }

    /** Every step in {@code series}, in order of index. */
    public static List<Step> of(double[] series) {
        List<Step> out = new ArrayList<>();
        split(series, 0, series.length, out);
        out.sort(Comparator.comparingInt(Step::index));
        return out;
    }

    private static void split(double[] z, int from, int to, List<Step> out) {
        if (to - from < 2 * MIN_SIDE) {
            return;
        }
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int tau = from + MIN_SIDE; tau <= to - MIN_SIDE; tau++) {
            double q = qHat(z, from, tau, to);
            if (q > bestQ) {
                bestQ = q;
                best = tau;
            }
        }
        double[] left = Arrays.copyOfRange(z, from, best);
        double[] right = Arrays.copyOfRange(z, best, to);
        double p = Significance.welchP(io.parbench.analyzer.model.Samples.of(left),
                io.parbench.analyzer.model.Samples.of(right));
        if (!(p < MAX_PVALUE)) {
            return;
        }
        out.add(new Step(best, mean(left), mean(right), p));
        split(z, from, best, out);
        split(z, best, to, out);
    }

    /**
     * Matteson and James's divergence of X = z[from, tau) and Y = z[tau, to) with alpha = 1: q = mn / (m + n) x
     * (2 / (mn) sum |x - y| - sum_{i<j} |x_i - x_j| / C(m, 2) - sum_{i<j} |y_i - y_j| / C(n, 2)).
     */
    static double qHat(double[] z, int from, int tau, int to) {
        int m = tau - from;
        int n = to - tau;
        double between = 0;
        for (int i = from; i < tau; i++) {
            for (int j = tau; j < to; j++) {
                between += Math.abs(z[i] - z[j]);
            }
        }
        double e = 2 * between / ((double) m * n) - within(z, from, tau) - within(z, tau, to);
        return (double) m * n / (m + n) * e;
    }

    private static double within(double[] z, int from, int to) {
        int k = to - from;
        if (k < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                sum += Math.abs(z[i] - z[j]);
            }
        }
        return sum / (k * (k - 1) / 2.0);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
