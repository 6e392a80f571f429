package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ModeratedVariance;
import io.parbench.analyzer.stats.StudentT;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;

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

    private final ModeratedVariance prior;
    /**
     * Each benchmark's log mean, computed once: every speedup, test and recommendation reads them again. Keyed by the
     * result, so that its statistics with a moderated interval ({@link BenchmarkStats#moderated}) find it too.
     */
    private final Map<io.parbench.analyzer.model.BenchmarkResult, LogMean> logMeans = new IdentityHashMap<>();

    private ForkLevel(ModeratedVariance prior) {
        this.prior = prior;
    }

    /** No prior: every caller falls back to its bootstrap. */
    public static final ForkLevel NONE = new ForkLevel(null);

    /** The prior fitted to {@code stats} (see the class comment for which count). */
    public static ForkLevel of(Collection<BenchmarkStats> stats) {
        List<BenchmarkStats> fits = stats.stream().filter(s -> usable(s) && s.forks() >= 2 && !s.unsettled()).toList();
        ForkLevel level = new ForkLevel(ModeratedVariance.fit(
                fits.stream().mapToDouble(s -> StatUtils.variance(logForkMeans(s))).toArray(),
                fits.stream().mapToDouble(s -> s.forks() - 1).toArray()));
        if (level.prior != null) {
            stats.stream().filter(ForkLevel::usable).forEach(s -> level.logMeans.put(s.result(), level.compute(s)));
        }
        return level; // read-only from here: groups are analysed in parallel
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
        LogMean m = logMeans.get(s.result());
        return m != null ? m : compute(s);
    }

    private LogMean compute(BenchmarkStats s) {
        double[] logs = logForkMeans(s);
        ModeratedVariance.Posterior post = prior.posterior(logs.length >= 2 ? StatUtils.variance(logs) : Double.NaN,
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
        return b == null || c == null ? null : ratio(java.util.Collections.singletonList(new LogMean[] {b, c}));
    }

    /**
     * The geometric mean over {@code pairs} of exp(numerator - denominator) (each pair {numerator, denominator} on the
     * log scale) with its 95% interval: Student t on the sum of the variances, Welch and Satterthwaite's degrees of
     * freedom. NaN bounds when a variance is unknown (NaN); no width when every variance is 0.
     */
    static Bootstrap.Interval ratio(List<LogMean[]> pairs) {
        double sum = 0;
        double variance = 0;
        LogMean[] parts = new LogMean[2 * pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            LogMean[] p = pairs.get(i);
            sum += p[0].value() - p[1].value();
            variance += p[0].variance() + p[1].variance();
            parts[2 * i] = p[0];
            parts[2 * i + 1] = p[1];
        }
        int k = pairs.size();
        double d = sum / k;
        double se = Math.sqrt(variance) / k;
        if (Double.isNaN(se)) {
            return new Bootstrap.Interval(Math.exp(d), Double.NaN, Double.NaN);
        }
        double h = se == 0 ? 0 : StudentT.quantile(welchDf(parts), 0.975) * se;
        return new Bootstrap.Interval(Math.exp(d), Math.exp(d - h), Math.exp(d + h));
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
        return 2 * StudentT.cdf(welchDf(x, y), -Math.abs(x.value() - y.value()) / se);
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

    private static double[] logForkMeans(BenchmarkStats s) {
        return Arrays.stream(s.forkMeans()).map(Math::log).toArray();
    }
}
