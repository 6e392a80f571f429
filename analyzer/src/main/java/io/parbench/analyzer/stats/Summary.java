package io.parbench.analyzer.stats;

import io.parbench.analyzer.model.Samples;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, spread and Student-t confidence intervals of weighted samples, the way JMH computes its score error:
 * half-width = t(1 - alpha/2, n - 1) x sd / sqrt(n), so the 99.9% interval matches JMH's printed "±".
 */
public record Summary(long n, double mean, double sd, double min, double max) {

    public static Summary of(Samples s) {
        long n = s.count();
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            sum += s.value(i) * s.weight(i);
            min = Math.min(min, s.value(i));
            max = Math.max(max, s.value(i));
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < s.size(); i++) {
            double d = s.value(i) - mean;
            ss += d * d * s.weight(i);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        return new Summary(n, mean, sd, min, max);
    }

    /** Half-width of the confidence interval at {@code level} (0.999 for JMH's); NaN with fewer than 2 samples. */
    public double halfWidth(double level) {
        if (n < 2 || !(sd >= 0)) {
            return Double.NaN;
        }
        return tQuantile(n - 1, 1 - (1 - level) / 2) * sd / Math.sqrt(n);
    }

    private static final java.util.Map<String, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Student-t quantiles are costly to invert and few distinct ones are needed: keep them. */
    private static double tQuantile(long df, double p) {
        return T_QUANTILES.computeIfAbsent(df + "/" + p, k -> new TDistribution(df).inverseCumulativeProbability(p));
    }

    /** The coefficient of variation (sd / mean); NaN with fewer than 2 samples. */
    public double cv() {
        return n < 2 || mean == 0 ? Double.NaN : sd / Math.abs(mean);
    }
}
