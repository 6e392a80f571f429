package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.stats.Significance;
import io.parbench.analyzer.stats.SteadyState;
import io.parbench.analyzer.stats.Summary;
import io.parbench.analyzer.stats.TwoLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The statistics of one benchmark's primary metric, in its own unit.
 *
 * <p>Each fork's iteration series (its warm-up iterations too, where the launcher recorded them) is checked for a
 * steady state ({@link SteadyState}); measured iterations that belong to a warm-up segment are dropped, and a fork
 * without a steady state flags the benchmark as unsettled. With two or more forks that differ beyond what their
 * iterations explain (Kalibera and Jones's T2^2 > 0), the 95% interval is theirs: Student t over the fork means
 * (n - 1 degrees of freedom), which sees how much one JVM differs from the next; where the forks agree within their
 * iterations' noise, the iterations are effectively independent and the pooled interval stands. {@link #levels()}
 * holds the variance of each level. In a run's analysis, the interval is then moderated towards the run's common
 * variance between forks ({@link #moderated}), as the speedups are. The 99.9% error stays JMH's (Student t over every
 * iteration pooled), so that the score reads as JMH prints it. With one fork the interval is Student t over the
 * iterations and cannot see the variance between forks ({@link #oneFork()}). JMH's score and error stand in when
 * the file kept no samples.
 *
 * @param steady the samples the score is computed from: the raw samples less the dropped warm-up iterations
 * @param forkStates one steady-state verdict per fork, empty when the file kept no samples or in sample mode
 * @param dropped how many measured iterations were dropped as warm-up
 * @param levels the two levels' variances, or null with fewer than two forks (or weighted samples)
 */
public record BenchmarkStats(BenchmarkResult result, long n, double mean, double ci95, double ci999, double cv,
        int outliers, boolean fromRawSamples, Samples steady, int forks, List<SteadyState> forkStates, int dropped,
        TwoLevel levels) {

    /** A CV at or above this marks a benchmark as noisy. */
    public static final double NOISY_CV = 0.10;

    public static BenchmarkStats of(BenchmarkResult r) {
        return of(r, List.of());
    }

    /** The statistics of {@code r}; {@code warmups} holds each fork's warm-up scores when they were recorded. */
    public static BenchmarkStats of(BenchmarkResult r, List<double[]> warmups) {
        Samples samples = r.primary().samples();
        if (samples.isEmpty()) {
            double err = r.primary().jmhError();
            return new BenchmarkStats(r, 0, r.primary().score(), Double.NaN, err, Double.NaN, 0, false, samples, 0,
                    List.of(), 0, null);
        }
        List<Samples> byFork = samples.byFork();
        boolean weighted = !samples.unweighted();
        List<SteadyState> states = new ArrayList<>();
        int dropped = 0;
        Samples steady = samples;
        if (!weighted) {
            boolean higherIsBetter = r.primary().unit().kind() == io.parbench.analyzer.model.Unit.Kind.OPS_PER_TIME;
            List<Double> values = new ArrayList<>();
            List<Integer> forkOf = new ArrayList<>();
            for (int f = 0; f < byFork.size(); f++) {
                double[] measured = byFork.get(f).values();
                double[] warm = warmups.size() == byFork.size() ? warmups.get(f) : new double[0];
                double[] series = new double[warm.length + measured.length];
                System.arraycopy(warm, 0, series, 0, warm.length);
                System.arraycopy(measured, 0, series, warm.length, measured.length);
                double[] lowerIsBetter = higherIsBetter ? Arrays.stream(series).map(v -> 1 / v).toArray() : series;
                SteadyState state = SteadyState.classify(lowerIsBetter);
                states.add(state);
                int firstKept = state.kind() == SteadyState.Kind.WARMUP ? Math.max(0, state.steadyFrom() - warm.length) : 0;
                if (firstKept >= measured.length) {
                    firstKept = 0; // the steady part lies in the warm-up alone: keep what JMH measured
                }
                dropped += firstKept;
                for (int j = firstKept; j < measured.length; j++) {
                    values.add(measured[j]);
                    forkOf.add(byFork.get(f).fork(j));
                }
            }
            if (dropped > 0) {
                long[] w = new long[values.size()];
                Arrays.fill(w, 1);
                steady = new Samples(values.stream().mapToDouble(Double::doubleValue).toArray(), w,
                        forkOf.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Summary s = Summary.of(steady);
        int forks = byFork.size();
        double ci95 = s.halfWidth(0.95);
        double ci999 = s.halfWidth(0.999);
        List<Samples> steadyForks = dropped > 0 ? steady.byFork() : byFork;
        TwoLevel levels = null;
        if (forks >= 2 && !weighted) {
            levels = TwoLevel.of(steadyForks.stream().map(Samples::values).toArray(double[][]::new));
            if (levels.betweenForkVarianceSeen()) {
                // The forks differ beyond what their iterations explain: the fork means are the samples. Never
                // narrower than the pooled interval (two fork means can agree by chance). ci999 stays JMH's pooled
                // error, so the score reads as JMH prints it.
                ci95 = Math.max(ci95, forkHalfWidth(levels, 0.95));
            }
        }
        return new BenchmarkStats(r, s.n(), s.mean(), ci95, ci999, s.cv(), outliers(steadyForks), true,
                steady, forks, List.copyOf(states), dropped, levels);
    }

    /**
     * Tukey's outliers counted within each fork, against that fork's own quartiles. Pooled over forks, a fork that
     * runs at another level than the others (a JVM's JIT and layout: the "between forks" variance, reported on its
     * own) would have every one of its iterations called an outlier: a real JMH file of five forks of 20 iterations
     * (a HashMap benchmark at 71.5 to 72.8 ms/op, one fork 1.5% above the rest, CV 1%) showed "18 outliers" so.
     */
    static int outliers(List<Samples> forks) {
        return forks.stream().mapToInt(Significance::tukeyOutliers).sum();
    }

    /**
     * These statistics with the 95% interval the run's moderated variance between forks gives ({@code m}, from
     * {@link ForkLevel}: Student t on the log scale with the moderated degrees of freedom, as the speedups have it),
     * never narrower than the pooled iterations' interval; unchanged with one fork or without {@code m}. With two or
     * three forks Student t over the fork means alone is wide (t(1) = 12.7: a score of 244 ms/op read [0, 661]), where
     * the run's other benchmarks say how much forks differ here.
     */
    public BenchmarkStats moderated(ForkLevel.LogMean m) {
        if (m == null || forks < 2 || !(mean > 0) || !(m.variance() >= 0)) {
            return this;
        }
        double t = io.parbench.analyzer.stats.StudentT.quantile(m.df(), 0.975);
        double half = Math.max(Summary.of(steady).halfWidth(0.95), mean * t * Math.sqrt(m.variance()));
        return new BenchmarkStats(result, n, mean, half, ci999, cv, outliers, fromRawSamples, steady, forks, forkStates,
                dropped, levels);
    }

    /** Kalibera and Jones's interval of the mean: t(n - 1) x sqrt(S2^2 / n) over the fork means. */
    private static double forkHalfWidth(TwoLevel t, double level) {
        return new TDistribution(t.forks() - 1).inverseCumulativeProbability(1 - (1 - level) / 2)
                * Math.sqrt(t.s2() / t.forks());
    }

    private static double[][] byFork(Samples s) {
        return s.byFork().stream().map(Samples::values).toArray(double[][]::new);
    }

    /** The mean of each fork's steady samples. */
    public double[] forkMeans() {
        return Arrays.stream(byFork(steady)).mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN)).toArray();
    }

    public boolean noisy() {
        return cv >= NOISY_CV;
    }

    /** True when the interval comes from one fork's iterations: it cannot see the variance between forks. */
    public boolean oneFork() {
        return fromRawSamples && forks < 2;
    }

    /** True when a fork reached no steady state (a slowdown, or still changing at its end): no finding rests on it. */
    public boolean unsettled() {
        return forkStates.stream().anyMatch(BenchmarkStats::unsettled);
    }

    /** A fork that makes its benchmark unsettled: a slowdown, or no steady state ("too short to tell" does not). */
    private static boolean unsettled(SteadyState fork) {
        return fork.kind() == SteadyState.Kind.SLOWDOWN || fork.kind() == SteadyState.Kind.NO_STEADY_STATE;
    }

    /**
     * True when the benchmark is unsettled only because forks were still getting faster at their last iteration: its
     * warm-up was longer than the run's, and more warm-up time would let it settle.
     */
    public boolean warmupTooShort() {
        return unsettled() && forkStates.stream().filter(BenchmarkStats::unsettled).allMatch(SteadyState::fasterAtEnd);
    }

    /** "3 forks: 2 flat, 1 warm-up (2 iterations dropped)", or "" without per-fork checks. */
    public String steadyNote() {
        if (forkStates.isEmpty()) {
            return "";
        }
        java.util.Map<SteadyState.Kind, Long> counts = new java.util.EnumMap<>(SteadyState.Kind.class);
        forkStates.forEach(st -> counts.merge(st.kind(), 1L, Long::sum));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d fork%s: ", forkStates.size(),
                forkStates.size() == 1 ? "" : "s"));
        // only a fork with no steady state can be faster at its end
        long faster = forkStates.stream().filter(SteadyState::fasterAtEnd).count();
        long noSteady = counts.getOrDefault(SteadyState.Kind.NO_STEADY_STATE, 0L);
        String stillFaster = faster == 0 ? "" : noSteady == 1 ? " (still getting faster at its end)"
                : " (" + (faster == noSteady ? "all" : Long.toString(faster)) + " still getting faster at their end)";
        sb.append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()
                + (e.getKey() == SteadyState.Kind.NO_STEADY_STATE ? stillFaster : ""))
                .reduce((a, b) -> a + ", " + b).orElse(""));
        if (dropped > 0) {
            sb.append(String.format(Locale.ROOT, " (%d warm-up iteration%s dropped)", dropped, dropped == 1 ? "" : "s"));
        }
        return sb.toString();
    }

    public String unit() {
        return result.primary().unitText();
    }

    /** "CV 14%, 2 outliers", or "" when there is nothing to say. */
    public String noiseNote() {
        StringBuilder sb = new StringBuilder();
        if (noisy()) {
            sb.append(String.format(Locale.ROOT, "noisy: CV %.0f%%", cv * 100));
        }
        if (outliers > 0) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(outliers).append(outliers == 1 ? " outlier" : " outliers");
        }
        if (unsettled()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("unsettled: ").append(steadyNote());
        }
        if (!fromRawSamples) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("no raw samples");
        } else if (n < 2) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("one sample: no interval");
        }
        return sb.toString();
    }
}
