package io.parbench.analyzer.stats;

import io.parbench.analyzer.model.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the ratio of two means (Efron and Tibshirani, An Introduction to the Bootstrap, 1993,
 * ch. 13): both samples are resampled with replacement, independently, and the ratio of the resampled means is
 * collected. A fixed seed makes every report reproducible.
 *
 * <p>Samples from several forks are resampled at two levels, as Kalibera and Jones do ("Quantifying performance
 * changes with effect size confidence intervals", 2012; libkalibera's bootstrap_quotient): first the forks, with
 * replacement, then the iterations inside each chosen fork. The interval then sees how much one JVM differs from the
 * next, which resampling the pooled iterations hides. Samples of one fork are resampled at one level only: such an
 * interval cannot see the variance between forks, and {@link #forks(Samples)} lets callers say so.
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
        MeanResampler a = resampler(numerator);
        MeanResampler b = resampler(denominator);
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            ratios[i] = a.mean(random) / b.mean(random);
        }
        Arrays.sort(ratios);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(ratios, tail), quantile(ratios, 1 - tail));
    }

    /** The {@code p} quantile of sorted values, interpolated linearly between neighbours. */
    public static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The {@code level} percentile interval of the mean, resampling forks first when there are several. */
    public Interval mean(Samples samples, double level) {
        double estimate = Summary.of(samples).mean();
        if (samples.count() < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        MeanResampler r = resampler(samples);
        double[] means = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            means[i] = r.mean(random);
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(means, tail), quantile(means, 1 - tail));
    }

    /**
     * {@code replicates} joint resamples of several benchmarks' means: row r holds, for each of {@code samples}, the
     * mean of its r-th resample (forks first where there are several), every benchmark resampled independently, as
     * its own run. For the interval of a statistic of several means (a law fitted to speedups). Seeded: the same input
     * gives the same rows.
     */
    public double[][] jointMeans(java.util.List<Samples> samples, int replicates) {
        SplittableRandom random = new SplittableRandom(seed);
        MeanResampler[] resamplers = samples.stream().map(Bootstrap::resampler).toArray(MeanResampler[]::new);
        double[][] rows = new double[replicates][resamplers.length];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < resamplers.length; i++) {
                rows[r][i] = resamplers[i].mean(random);
            }
        }
        return rows;
    }

    /** How many forks the samples come from. */
    public static int forks(Samples s) {
        return s.byFork().size();
    }

    private static MeanResampler resampler(Samples s) {
        return forks(s) > 1 ? new ForkResampler(s) : new Resampler(s);
    }

    /** Draws one resample and returns its mean. */
    interface MeanResampler {
        double mean(SplittableRandom random);
    }

    /**
     * Two levels: draws as many forks as there are, with replacement, and inside each drawn fork as many iterations as
     * it has; the mean of everything drawn.
     */
    private static final class ForkResampler implements MeanResampler {
        private final Resampler[] forks;
        private final long[] counts;

        ForkResampler(Samples s) {
            java.util.List<Samples> byFork = s.byFork();
            forks = new Resampler[byFork.size()];
            counts = new long[byFork.size()];
            for (int k = 0; k < forks.length; k++) {
                forks[k] = new Resampler(byFork.get(k));
                counts[k] = Math.min(byFork.get(k).count(), 5_000);
            }
        }

        @Override
        public double mean(SplittableRandom random) {
            double sum = 0;
            double n = 0;
            for (int i = 0; i < forks.length; i++) {
                int f = random.nextInt(forks.length);
                sum += forks[f].mean(random) * counts[f];
                n += counts[f];
            }
            return sum / n;
        }
    }

    /** Draws a resample of the original size (at most 5,000 draws for large histograms) and returns its mean. */
    static final class Resampler implements MeanResampler {
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

        @Override
        public double mean(SplittableRandom random) {
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
