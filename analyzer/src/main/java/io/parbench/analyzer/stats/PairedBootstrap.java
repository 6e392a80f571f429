package io.parbench.analyzer.stats;

import io.parbench.analyzer.model.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The change between two versions measured in pairs (one fork of each per round, run back to back on one machine:
 * {@code parbench ab}). Each pair gives a within-pair log ratio, log(candidate fork's location / base fork's
 * location), so whatever the round shared (the machine's state) cancels; the change is the geometric mean of the
 * pairs' ratios. A fork's location is its {@link ForkSummary}, by default its <em>fastest</em> iteration (the minimum
 * time per operation): on a shared machine a neighbour's burst lands on some iterations of one fork, not on both forks
 * of a pair, and only ever adds time; timing noise is positive and heavy-tailed, and for such noise the minimum is the
 * robust estimator of what the code costs (Chen and Revels, "Robust benchmarking in noisy environments", 2016, arXiv
 * 1608.04295). Measured here (README: "The fork's summary"): sixteen A/B folders judged again with each summary;
 * over the seven A/B runs among them the minimum found 69 of 105 slowed benchmarks, the median 55, and it raised no
 * false alarm where the median raised three (it found fewer in one run of the seven). Its cost: a change that slows
 * only some iterations moves the minimum less than the median ({@link ForkSummary#MEDIAN} keeps the median).
 * Histogram forks (sample mode) keep their mean whatever the summary.
 *
 * <p>The interval resamples pairs (rounds) with replacement and keeps each drawn pair's iterations as they are: the
 * first of Davison and Hinkley's two-stage strategies (Bootstrap Methods and their Application, 1997, section 3.8),
 * which resamples the top level with replacement and the lower level without; drawing the iterations with
 * replacement again (their second strategy, and Kalibera and Jones's bootstrap at every level) counts the
 * iterations' noise twice, since the spread between pairs already holds it. Measured here: resampling iterations too
 * made the 95% intervals 1.34 to 1.86 times wider (median over the benchmarks of each of five A/B runs; README). With the
 * handful of pairs an A/B run affords, a percentile interval is too narrow (it behaves like a z interval with
 * the variance divided by n instead of n - 1), so the interval is the <em>expanded percentile</em> interval of
 * Hesterberg ("What Teachers Should Know About the Bootstrap", The American Statistician 69(4), 2015, section 4.4):
 * the bootstrap distribution's quantiles at the tail probability alpha' with Phi^-1(alpha'/2) = sqrt(n / (n - 1)) x
 * t(alpha/2, n - 1), which keeps the bootstrap's shape and has the coverage of Student's t. The test is the paired
 * t-test on the log ratios.
 *
 * <p>{@link #moderated}: when many benchmarks are judged at once (an A/B run of 30), each one's spread of log ratios
 * on n - 1 degrees of freedom is moderated towards all of theirs ({@link ModeratedVariance}, Smyth 2004: limma's
 * moderated paired t). The interval is then Student t's on the posterior standard deviation and its d0 + n - 1
 * degrees of freedom, and the test and the minimum detectable effect use them too: six pairs borrow the strength of
 * thirty benchmarks' spreads.
 *
 * @param n pairs
 * @param meanLog the mean within-pair log ratio (the estimate is its exponential)
 * @param sdLog the standard deviation of the within-pair log ratios (n - 1 in the denominator; NaN for one pair); the
 *              posterior's when moderated
 * @param priorDf the degrees of freedom a moderating prior adds (0 when the benchmark stands alone; infinite when
 *                every benchmark shares one spread): the test has {@link #df()} = priorDf + n - 1
 */
public record PairedBootstrap(int n, double meanLog, double sdLog, Bootstrap.Interval ratio, double priorDf) {

    /** The power at which {@link #minimumDetectableEffect} is stated. */
    public static final double POWER = 0.80;

    /** How one fork's measured iterations become the one number its side brings to a pair. */
    public enum ForkSummary {
        /** The fastest iteration (lowest time per operation): the default. */
        MIN,
        /** The median iteration. */
        MEDIAN,
        /** The mean of the iterations, as JMH's score. */
        MEAN;

        /** The summary named {@code name} (min, median or mean, any case), or null. */
        public static ForkSummary named(String name) {
            for (ForkSummary f : values()) {
                if (f.name().equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            return null;
        }

        /** Lower case, as the command line and compare.json write it. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * The location of fork {@code s}, lower is better (time per operation): its iterations summarised, or the
         * mean of a sample-mode histogram (whose minimum would be its one fastest operation).
         */
        public double location(Samples s) {
            if (!s.unweighted()) {
                return Summary.of(s).mean();
            }
            double[] v = s.values();
            return switch (this) {
                case MIN -> Arrays.stream(v).min().orElseThrow();
                case MEDIAN -> new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
                case MEAN -> Arrays.stream(v).average().orElseThrow();
            };
        }
    }

    /** The paired change, each fork summarised by its fastest iteration ({@link ForkSummary#MIN}). */
    public static PairedBootstrap of(List<Samples[]> pairs, double level, int resamples, long seed) {
        return of(pairs, ForkSummary.MIN, level, resamples, seed);
    }

    /**
     * The paired change of {@code pairs} (each {base fork, candidate fork}, lower is better: time per operation), each
     * fork summarised by {@code summary}, with its {@code level} interval from {@code resamples} resamples seeded with
     * {@code seed}.
     */
    public static PairedBootstrap of(List<Samples[]> pairs, ForkSummary summary, double level, int resamples,
            long seed) {
        int n = pairs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        double[] logs = pairs.stream().mapToDouble(p -> Math.log(summary.location(p[1]) / summary.location(p[0])))
                .toArray();
        double meanLog = Arrays.stream(logs).average().orElseThrow();
        double sd = n < 2 ? Double.NaN : Math.sqrt(Arrays.stream(logs).map(x -> (x - meanLog) * (x - meanLog)).sum() / (n - 1));
        if (n < 2) {
            return new PairedBootstrap(n, meanLog, sd, new Bootstrap.Interval(Math.exp(meanLog), Double.NaN, Double.NaN), 0);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += logs[random.nextInt(n)];
            }
            draws[b] = sum / n;
        }
        Arrays.sort(draws);
        double tail = expandedTail(1 - level, n);
        double low = Bootstrap.quantile(draws, tail);
        double high = Bootstrap.quantile(draws, 1 - tail);
        return new PairedBootstrap(n, meanLog, sd, new Bootstrap.Interval(Math.exp(meanLog), Math.exp(low), Math.exp(high)),
                0);
    }

    /**
     * This benchmark judged with its spread moderated by {@code prior} (fitted to every benchmark's sdLog^2 on n - 1
     * degrees of freedom): the posterior standard deviation, the prior's degrees of freedom added, and Student t's
     * {@code level} interval on them. Unchanged with fewer than two pairs.
     */
    public PairedBootstrap moderated(ModeratedVariance prior, double level) {
        if (n < 2 || prior == null) {
            return this;
        }
        ModeratedVariance.Posterior post = prior.posterior(sdLog * sdLog, n - 1);
        double sd = Math.sqrt(post.variance());
        double added = post.df() - (n - 1);
        double h = StudentT.quantile(post.df(), 1 - (1 - level) / 2) * sd / Math.sqrt(n);
        return new PairedBootstrap(n, meanLog, sd, new Bootstrap.Interval(Math.exp(meanLog), Math.exp(meanLog - h),
                Math.exp(meanLog + h)), added);
    }

    /** The test's degrees of freedom: n - 1, plus the prior's when moderated (infinite: the normal). */
    public double df() {
        return priorDf + n - 1;
    }

    /** Hesterberg's expanded tail: alpha'/2 = Phi(sqrt(n / (n - 1)) x t(alpha/2, n - 1)). */
    static double expandedTail(double alpha, int n) {
        double t = new TDistribution(n - 1).inverseCumulativeProbability(alpha / 2);
        return new NormalDistribution().cumulativeProbability(Math.sqrt(n / (n - 1.0)) * t);
    }

    /** The standard error of the mean log ratio (NaN for one pair). */
    public double standardError() {
        return sdLog / Math.sqrt(n);
    }

    /**
     * The one-sided p-value of "the change is no more than {@code bound}" (a ratio; a regression test with bound 1 +
     * threshold) from the paired t-test; {@code above} false tests "no less than bound" (an improvement).
     */
    public double pBeyond(double bound, boolean above) {
        if (n < 2) {
            return 1;
        }
        double diff = meanLog - Math.log(bound);
        double se = standardError();
        if (se == 0) {
            return above ? (diff > 0 ? 0 : 1) : (diff < 0 ? 0 : 1);
        }
        double stat = diff / se;
        return above ? 1 - StudentT.cdf(df(), stat) : StudentT.cdf(df(), stat);
    }

    /** The two-sided paired t-test p-value of "no change". */
    public double pChange() {
        if (n < 2) {
            return Double.NaN;
        }
        double se = standardError();
        if (se == 0) {
            return meanLog == 0 ? 1 : 0;
        }
        return 2 * (1 - StudentT.cdf(df(), Math.abs(meanLog) / se));
    }

    /**
     * The smallest change (as a fraction: 0.03 for 3%) that {@code pairs} pairs with this spread would find
     * significant (two-sided, 5%) with {@link #POWER} probability: (t(0.975, n - 1) + t(POWER, n - 1)) x sd /
     * sqrt(n), on the log scale. NaN with fewer than two pairs.
     */
    public static double minimumDetectableEffect(double sdLog, int pairs) {
        return minimumDetectableEffect(sdLog, pairs, 0);
    }

    /** The same with {@code priorDf} degrees of freedom added by a moderating prior (df = priorDf + pairs - 1). */
    static double minimumDetectableEffect(double sdLog, int pairs, double priorDf) {
        if (pairs < 2 || !Double.isFinite(sdLog)) {
            return Double.NaN;
        }
        double df = priorDf + pairs - 1;
        double k = StudentT.quantile(df, 0.975) + StudentT.quantile(df, POWER);
        return Math.exp(k * sdLog / Math.sqrt(pairs)) - 1;
    }

    public double minimumDetectableEffect() {
        return minimumDetectableEffect(sdLog, n, priorDf);
    }

    /**
     * The smallest slowdown (a fraction) that a verdict of regression catches with {@link #POWER} probability when the
     * threshold is {@code threshold}: a regression needs the interval's lower end beyond 1 + threshold, not just
     * beyond 1, so the change must clear the threshold by the minimum detectable effect: (1 + threshold) x (1 + MDE)
     * - 1 (before the family's correction, which can only raise it). With a 2% threshold and an MDE of 4.5%, a
     * slowdown is caught four times in five from 6.6%, and a 5% slowdown about half the time. NaN when the MDE is.
     */
    public double smallestCaught(double threshold) {
        return (1 + threshold) * (1 + minimumDetectableEffect()) - 1;
    }

    /** How many more pairs (rounds) would halve the minimum detectable effect, at this spread; -1 if unknown. */
    public int moreRoundsToHalve() {
        double mde = minimumDetectableEffect();
        if (!Double.isFinite(mde) || mde == 0) {
            return -1;
        }
        for (int m = n + 1; m <= 100_000; m++) {
            if (minimumDetectableEffect(sdLog, m, priorDf) <= mde / 2) {
                return m - n;
            }
        }
        return -1;
    }
}
