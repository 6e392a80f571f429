package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ModeratedVariance;
import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How much one fork (one JVM) of a run differs from the next, for every benchmark of the run at once: the variance
 * of each benchmark's log fork means, moderated towards the run's common level ({@link ModeratedVariance}, Smyth
 * 2004). Speedups and the comparisons between strategies are ratios, so they are worked on the log scale: a
 * benchmark's log mean time has variance s~^2 / forks on d0 + forks - 1 degrees of freedom, a ratio's log the sum of
 * its two, with Welch and Satterthwaite's degrees of freedom.
 *
 * <p>The prior is fitted to the settled benchmarks with two forks or more and unweighted samples (every mode but
 * sample). With fewer than three such benchmarks there is no prior ({@link #available()} is false) and callers keep
 * the fork-first bootstrap: with one fork per benchmark nothing can see the variance between forks.
 */
public final class ForkLevel {

    /** A benchmark's mean log time per operation (any unit, inverted for throughput), its variance and df. */
    public record LogMean(double value, double variance, double df) {
    }

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private final ModeratedVariance prior;

    private ForkLevel(ModeratedVariance prior) {
        this.prior = prior;
    }

    /** No prior: every caller falls back to its bootstrap. */
    public static final ForkLevel NONE = new ForkLevel(null);

    /** The prior fitted to {@code stats} (see the class comment for which count). */
    public static ForkLevel of(Collection<BenchmarkStats> stats) {
        double[] variances = stats.stream().filter(ForkLevel::fits).mapToDouble(s -> sampleVariance(logForkMeans(s)))
                .toArray();
        double[] df = stats.stream().filter(ForkLevel::fits).mapToDouble(s -> s.forks() - 1).toArray();
        return new ForkLevel(ModeratedVariance.fit(variances, df));
    }

    private static boolean fits(BenchmarkStats s) {
        return usable(s) && s.forks() >= 2 && !s.unsettled();
    }

    private static boolean usable(BenchmarkStats s) {
        return s.fromRawSamples() && s.steady().unweighted() && s.forks() >= 1 && s.mean() > 0;
    }

    public boolean available() {
        return prior != null;
    }

    /** The fitted prior, or null. */
    public ModeratedVariance prior() {
        return prior;
    }

    /** The benchmark's log time per operation (its steady mean) with its moderated variance; null without a prior. */
    public LogMean logTime(BenchmarkStats s) {
        if (prior == null || !usable(s)) {
            return null;
        }
        double[] logs = logForkMeans(s);
        ModeratedVariance.Posterior post = prior.posterior(logs.length >= 2 ? sampleVariance(logs) : Double.NaN,
                logs.length - 1);
        return new LogMean(logTimeOf(s), post.variance() / logs.length, post.df());
    }

    /** log(time per operation in seconds) from the benchmark's steady mean (JMH's score when it kept no samples). */
    static double logTimeOf(BenchmarkStats s) {
        double mean = Math.log(s.mean() * s.result().primary().unit().toBase());
        return s.result().primary().unit().kind() == Unit.Kind.OPS_PER_TIME ? -mean : mean;
    }

    /**
     * The speedup of {@code r} over {@code base} (above 1: {@code r} takes less time per operation) with its 95%
     * interval, or null when either has no moderated variance. The estimate is the ratio of the steady means, as the
     * bootstrap's is; the interval is symmetric about it on the log scale.
     */
    public Bootstrap.Interval speedup(BenchmarkStats base, BenchmarkStats r) {
        LogMean b = logTime(base);
        LogMean c = logTime(r);
        if (b == null || c == null) {
            return null;
        }
        double estimate = Math.exp(b.value() - c.value());
        double se = Math.sqrt(b.variance() + c.variance());
        double h = quantile(welchDf(b, c)) * se;
        return new Bootstrap.Interval(estimate, estimate * Math.exp(-h), estimate * Math.exp(h));
    }

    /** Two-sided p of "a and b take the same time", moderated Welch t on the log means; NaN without a prior. */
    public double p(BenchmarkStats a, BenchmarkStats b) {
        LogMean x = logTime(a);
        LogMean y = logTime(b);
        if (x == null || y == null) {
            return Double.NaN;
        }
        double se = Math.sqrt(x.variance() + y.variance());
        if (se == 0) {
            return x.value() == y.value() ? 1 : 0;
        }
        double t = Math.abs(x.value() - y.value()) / se;
        double df = welchDf(x, y);
        return 2 * (Double.isInfinite(df) ? NORMAL.cumulativeProbability(-t)
                : new TDistribution(df).cumulativeProbability(-t));
    }

    /** Welch and Satterthwaite's degrees of freedom of a sum of independent variances (infinite df add nothing). */
    static double welchDf(LogMean... parts) {
        double sum = 0;
        double denominator = 0;
        for (LogMean p : parts) {
            sum += p.variance();
            if (Double.isFinite(p.df())) {
                denominator += p.variance() * p.variance() / p.df();
            }
        }
        return denominator == 0 ? Double.POSITIVE_INFINITY : sum * sum / denominator;
    }

    /** The 97.5% quantile of Student's t on {@code df} degrees of freedom (the normal's when df is infinite). */
    static double quantile(double df) {
        return Double.isInfinite(df) || df > 1e6 ? NORMAL.inverseCumulativeProbability(0.975)
                : new TDistribution(df).inverseCumulativeProbability(0.975);
    }

    private static double[] logForkMeans(BenchmarkStats s) {
        return Arrays.stream(s.forkMeans()).map(Math::log).toArray();
    }

    private static double sampleVariance(double[] v) {
        return new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(v);
    }
}
