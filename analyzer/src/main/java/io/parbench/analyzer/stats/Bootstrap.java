package io.parbench.analyzer.stats;

import io.parbench.analyzer.model.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the ratio of two means (Efron and Tibshirani, An Introduction to the Bootstrap, 1993,
 * ch. 13): both samples are resampled with replacement, independently, and the ratio of the resampled means is
 * collected. A fixed seed makes every report reproducible.
 */
public final class Bootstrap {

    public static final long SEED = 20261123L;

    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples; got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** An interval with its point estimate. */
    public record Interval(double estimate, double low, double high) {
        public boolean contains(double v) {
            return v >= low && v <= high;
        }
    }

    /** mean(numerator) / mean(denominator) with its {@code level} percentile interval. */
    public Interval ratioOfMeans(Samples numerator, Samples denominator, double level) {
        double estimate = Summary.of(numerator).mean() / Summary.of(denominator).mean();
        if (numerator.count() < 2 || denominator.count() < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Resampler a = new Resampler(numerator);
        Resampler b = new Resampler(denominator);
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            ratios[i] = a.mean(random) / b.mean(random);
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(ratios, tail), quantile(ratios, 1 - tail));
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Draws a resample of the original size (at most 5,000 draws for large histograms) and returns its mean. */
    private static final class Resampler {
        private final double[] values;
        private final long[] cumulative;
        private final long total;
        private final int draws;
        private final boolean unweighted;

        Resampler(Samples s) {
            values = s.values();
            cumulative = new long[s.size()];
            long c = 0;
            for (int i = 0; i < s.size(); i++) {
                c += s.weight(i);
                cumulative[i] = c;
            }
            total = c;
            draws = (int) Math.min(total, 5_000);
            unweighted = total == values.length;
        }

        double mean(SplittableRandom random) {
            double sum = 0;
            if (unweighted) { // rawData: every sample once
                for (int k = 0; k < draws; k++) {
                    sum += values[random.nextInt(values.length)];
                }
                return sum / draws;
            }
            for (int k = 0; k < draws; k++) {
                long r = random.nextLong(total);
                int i = Arrays.binarySearch(cumulative, r + 1);
                sum += values[i >= 0 ? i : -i - 1];
            }
            return sum / draws;
        }
    }
}
