package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.model.Traits;
import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ScalingLaws;
import io.parbench.analyzer.stats.Significance;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups a run's benchmarks by workload (everything but {@code strategy} and {@code threads}), measures each
 * strategy against {@code sequential}, fits the scaling laws and ranks the strategies at every thread count.
 * Benchmarks without both params, or groups without a sequential baseline, are left to the plain report.
 */
public final class ScalingAnalysis {

    /** Welch p below this, after Holm's correction, means "slower than the best". */
    public static final double ALPHA = 0.05;
    /**
     * Differences smaller than this (3%) count as noise even when a test finds them significant: with many samples
     * a test separates strategies that no user could tell apart (Criterion.rs reports a change only when it is both
     * significant and larger than its noise threshold).
     */
    public static final double NOISE_THRESHOLD = 0.03;

    private final Bootstrap bootstrap;
    private final ForkLevel forkLevel;
    private final StrategyOrder order;

    /**
     * @param forkLevel the run's moderated variance between forks; {@link ForkLevel#NONE} keeps the bootstrap
     * @param order     the order strategies are listed in (the run's recorded registries)
     */
    public ScalingAnalysis(Bootstrap bootstrap, ForkLevel forkLevel, StrategyOrder order) {
        this.bootstrap = bootstrap;
        this.forkLevel = forkLevel;
        this.order = order;
    }

    public List<ScalingGroup> analyze(Run run, Map<BenchmarkResult, BenchmarkStats> stats) {
        Map<String, List<BenchmarkResult>> families = new LinkedHashMap<>();
        for (BenchmarkResult r : run.results()) {
            if (r.key().param("strategy") == null || threadsOf(r) < 1) {
                continue;
            }
            String family = r.key().benchmark() + "|" + r.key().mode() + "|" + r.key().jmhThreads() + "|"
                    + r.key().paramsWithout("strategy", "threads", "size");
            families.computeIfAbsent(family, k -> new ArrayList<>()).add(r);
        }
        int physical = run.environment().physicalCores().orElse(-1);
        // Groups are independent and every bootstrap seeds its own generator: analyse them in parallel, keep the order.
        return families.values().parallelStream().flatMap(family -> {
            List<ScalingGroup> groups = new ArrayList<>();
            if (isWeakScaling(family)) {
                group(run, family, true, physical, stats).ifPresent(groups::add);
                return groups.stream();
            }
            Map<String, List<BenchmarkResult>> bySize = new LinkedHashMap<>();
            for (BenchmarkResult r : family) {
                bySize.computeIfAbsent(String.valueOf(r.key().param("size")), k -> new ArrayList<>()).add(r);
            }
            for (List<BenchmarkResult> g : bySize.values()) {
                group(run, g, false, physical, stats).ifPresent(groups::add);
            }
            return groups.stream();
        }).sorted(GROUP_ORDER).toList();
    }

    /** The suites in the order reports show them; others after, by name. */
    static final List<String> SUITE_ORDER = List.of("cpu", "io", "sync", "python", "other");

    /**
     * Groups in a fixed order, whatever order the rounds ran (and results.json holds) the benchmarks in: by suite, then
     * benchmark, then size, so a suite's workloads stand together and two runs' reports read alike.
     */
    static final Comparator<ScalingGroup> GROUP_ORDER = Comparator
            .comparingInt((ScalingGroup g) -> SUITE_ORDER.indexOf(g.suite()) < 0 ? SUITE_ORDER.size()
                    : SUITE_ORDER.indexOf(g.suite()))
            .thenComparing(ScalingGroup::suite)
            .thenComparing(ScalingGroup::benchmark)
            .thenComparingLong(g -> sizeOf(g.baseline().result()))
            .thenComparing(ScalingGroup::title);

    static int threadsOf(BenchmarkResult r) {
        try {
            return Integer.parseInt(r.key().param("threads"));
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    static long sizeOf(BenchmarkResult r) {
        try {
            return Long.parseLong(r.key().param("size"));
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    /**
     * Weak scaling: every parallel strategy ran each thread count at exactly one size, there are at least two sizes,
     * and size / threads is the same everywhere (the problem grows with the workers).
     */
    static boolean isWeakScaling(List<BenchmarkResult> family) {
        TreeSet<Long> sizes = new TreeSet<>();
        Map<String, Map<Integer, Long>> byStrategy = new TreeMap<>();
        Double perThread = null;
        for (BenchmarkResult r : family) {
            long size = sizeOf(r);
            if (size <= 0) {
                return false;
            }
            if (r.key().param("strategy").equals("sequential")) {
                continue;
            }
            int t = threadsOf(r);
            Long previous = byStrategy.computeIfAbsent(r.key().param("strategy"), k -> new TreeMap<>()).put(t, size);
            if (previous != null && previous != size) {
                return false;
            }
            sizes.add(size);
            double ratio = (double) size / t;
            if (perThread == null) {
                perThread = ratio;
            } else if (Math.abs(ratio - perThread) > 0.01 * perThread) {
                return false;
            }
        }
        return sizes.size() >= 2;
    }

    private java.util.Optional<ScalingGroup> group(Run run, List<BenchmarkResult> results, boolean weak, int physical,
            Map<BenchmarkResult, BenchmarkStats> stats) {
        List<BenchmarkResult> sequential = results.stream()
                .filter(r -> r.key().param("strategy").equals("sequential"))
                .sorted(Comparator.comparingLong(ScalingAnalysis::sizeOf)).toList();
        if (sequential.isEmpty()) {
            return java.util.Optional.empty();
        }
        BenchmarkResult base = sequential.get(0);
        boolean higherIsBetter = base.primary().unit().kind() == Unit.Kind.OPS_PER_TIME;
        Map<String, List<BenchmarkResult>> byStrategy = new TreeMap<>(order);
        for (BenchmarkResult r : results) {
            if (!r.key().param("strategy").equals("sequential")) {
                byStrategy.computeIfAbsent(r.key().param("strategy"), k -> new ArrayList<>()).add(r);
            }
        }
        List<ScalingGroup.Curve> curves = new ArrayList<>();
        for (var e : byStrategy.entrySet()) {
            List<ScalingGroup.Point> points = new ArrayList<>();
            for (BenchmarkResult r : e.getValue().stream().sorted(Comparator.comparingInt(ScalingAnalysis::threadsOf)).toList()) {
                int t = threadsOf(r);
                Bootstrap.Interval s = speedup(stats.get(base), stats.get(r), higherIsBetter);
                if (weak) {
                    double scale = (double) sizeOf(r) / sizeOf(base);
                    s = new Bootstrap.Interval(s.estimate() * scale, s.low() * scale, s.high() * scale);
                }
                points.add(new ScalingGroup.Point(t, stats.get(r), s, s.estimate() / t,
                        ScalingLaws.karpFlatt(s.estimate(), t)));
            }
            curves.add(curve(e.getKey(), points, weak, physical, higherIsBetter, stats.get(base)));
        }
        BenchmarkResult first = results.get(0);
        SortedMap<String, String> fixed = first.key().paramsWithout("strategy", "threads");
        if (weak) {
            fixed.remove("size");
        }
        String title = first.key().shortName() + (fixed.isEmpty() ? "" : " " + fixed.entrySet().stream()
                .map(x -> x.getKey() + "=" + x.getValue()).reduce((a, b) -> a + ", " + b).orElse(""))
                + (weak ? " (weak scaling)" : "");
        Traits traits = run.traits(first.key().benchmark());
        return java.util.Optional.of(new ScalingGroup(title, first.key().benchmark(), fixed, stats.get(base), weak,
                curves, rankings(base, byStrategy, stats, higherIsBetter), traits));
    }

    /** Bootstrap replicates behind a fitted law's interval (closed-form fits: a millisecond per curve). */
    static final int FIT_REPLICATES = 1_000;

    /**
     * The 95% interval of a serial fraction: the law refitted to the speedups of {@link #FIT_REPLICATES} joint
     * resamples of the baseline's and every point's samples (forks first), the 2.5th and 97.5th percentiles of the
     * fits. NaN when a benchmark has no raw samples.
     */
    private double[] fitInterval(List<ScalingGroup.Point> points, BenchmarkStats base, boolean weak, boolean higherIsBetter,
            int limit) {
        List<ScalingGroup.Point> used = points.stream().filter(p -> p.threads() <= limit).toList();
        List<Samples> samples = new ArrayList<>();
        samples.add(base.steady().scaled(base.result().primary().unit().toBase()));
        used.forEach(p -> samples.add(p.stats().steady().scaled(p.stats().result().primary().unit().toBase())));
        if (used.isEmpty() || samples.stream().anyMatch(x -> x.count() < 2)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[][] rows = bootstrap.jointMeans(samples, FIT_REPLICATES);
        double[] fits = new double[rows.length];
        int n = 0;
        for (double[] row : rows) {
            List<ScalingLaws.Point> pts = new ArrayList<>();
            for (int i = 0; i < used.size(); i++) {
                double s = higherIsBetter ? row[i + 1] / row[0] : row[0] / row[i + 1];
                if (weak) {
                    s *= (double) sizeOf(used.get(i).stats().result()) / sizeOf(base.result());
                }
                pts.add(new ScalingLaws.Point(used.get(i).threads(), s));
            }
            double f = weak ? ScalingLaws.fitGustafson(pts) : ScalingLaws.fitAmdahl(pts);
            if (!Double.isNaN(f)) {
                fits[n++] = f;
            }
        }
        if (n < rows.length / 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = java.util.Arrays.copyOf(fits, n);
        java.util.Arrays.sort(sorted);
        return new double[] {Bootstrap.quantile(sorted, 0.025), Bootstrap.quantile(sorted, 0.975)};
    }

    private ScalingGroup.Curve curve(String strategy, List<ScalingGroup.Point> points, boolean weak, int physical,
            boolean higherIsBetter, BenchmarkStats base) {
        List<ScalingLaws.Point> all = points.stream()
                .map(p -> new ScalingLaws.Point(p.threads(), p.speedup().estimate())).toList();
        ScalingGroup.Fit amdahl;
        ScalingGroup.Fit gustafson;
        if (weak) {
            double s = ScalingLaws.fitGustafson(all);
            int upTo = points.stream().mapToInt(ScalingGroup.Point::threads).max().orElse(0);
            double[] ci = Double.isNaN(s) ? new double[] {Double.NaN, Double.NaN}
                    : fitInterval(points, base, true, higherIsBetter, Integer.MAX_VALUE);
            gustafson = new ScalingGroup.Fit(s, upTo, Double.isNaN(s) ? "no point above 1 thread" : "", ci[0], ci[1]);
            amdahl = new ScalingGroup.Fit(Double.NaN, 0, "weak scaling: the problem grows with the threads, so "
                    + "Gustafson's law applies instead of Amdahl's");
        } else {
            gustafson = new ScalingGroup.Fit(Double.NaN, 0, "strong scaling: the problem size is fixed");
            int limit = physical > 0 ? physical : Integer.MAX_VALUE;
            List<ScalingLaws.Point> upToCores = all.stream().filter(p -> p.threads() <= limit).toList();
            double f = ScalingLaws.fitAmdahl(upToCores);
            int upTo = (int) upToCores.stream().mapToDouble(ScalingLaws.Point::threads).max().orElse(0);
            String note = "";
            if (Double.isNaN(f)) {
                note = "no measured point between 2 threads and the " + (physical > 0 ? physical + " physical cores"
                        : "physical core count") + ", so Amdahl's law cannot be fitted";
            } else if (physical <= 0) {
                note = "the physical core count is unknown (no environment.json), so the fit uses every point";
            }
            double[] ci = Double.isNaN(f) ? new double[] {Double.NaN, Double.NaN}
                    : fitInterval(points, base, false, higherIsBetter, limit);
            amdahl = new ScalingGroup.Fit(f, upTo, note, ci[0], ci[1]);
        }
        UniversalScalability usl = null;
        String uslNote;
        List<UniversalScalability.Point> throughput = new ArrayList<>();
        for (ScalingGroup.Point p : points) {
            double mean = p.stats().mean();
            throughput.add(new UniversalScalability.Point(p.threads(), higherIsBetter ? mean : 1.0 / mean));
        }
        try {
            usl = UniversalScalability.fit(throughput);
            uslNote = "";
        } catch (IllegalArgumentException e) {
            uslNote = e.getMessage();
        }
        return new ScalingGroup.Curve(strategy, points, amdahl, gustafson, usl, uslNote);
    }

    /**
     * The speedup of {@code r} over {@code base} (above 1: {@code r} is better, whichever way the unit points) with its
     * 95% interval, from each one's steady samples (warm-up segments dropped). Where the run has several forks per
     * benchmark, the interval is Student t on the log scale with each benchmark's variance between forks moderated
     * towards the run's ({@link ForkLevel}); otherwise the samples are bootstrapped (forks first where there are
     * several, see {@link Bootstrap}). Without raw samples, the scores' ratio with no interval. The sweeps' gains use it
     * too.
     */
    Bootstrap.Interval speedup(BenchmarkStats baseStats, BenchmarkStats rStats, boolean higherIsBetter) {
        BenchmarkResult base = baseStats.result();
        BenchmarkResult r = rStats.result();
        Samples b = baseStats.steady().scaled(base.primary().unit().toBase());
        Samples c = rStats.steady().scaled(r.primary().unit().toBase());
        if (b.isEmpty() || c.isEmpty()) { // no raw samples: the scores alone, with no interval
            return new Bootstrap.Interval(base.scoreSecondsPerOp() / r.scoreSecondsPerOp(), Double.NaN, Double.NaN);
        }
        Bootstrap.Interval moderated = forkLevel.speedup(baseStats, rStats);
        if (moderated != null) {
            return moderated;
        }
        return higherIsBetter ? bootstrap.ratioOfMeans(c, b, 0.95) : bootstrap.ratioOfMeans(b, c, 0.95);
    }

    private List<ScalingGroup.Ranking> rankings(BenchmarkResult base, Map<String, List<BenchmarkResult>> byStrategy,
            Map<BenchmarkResult, BenchmarkStats> stats, boolean higherIsBetter) {
        TreeMap<Integer, List<BenchmarkResult>> byThreads = new TreeMap<>();
        byStrategy.values().forEach(list -> list.forEach(r -> byThreads.computeIfAbsent(threadsOf(r), k -> new ArrayList<>()).add(r)));
        List<ScalingGroup.Ranking> out = new ArrayList<>();
        for (var e : byThreads.entrySet()) {
            List<BenchmarkResult> contenders = new ArrayList<>(e.getValue());
            contenders.add(base); // not parallelising at all is always an option
            List<String> unsettled = contenders.stream().filter(r -> stats.get(r).unsettled())
                    .map(r -> r.key().param("strategy")).toList();
            List<BenchmarkResult> unsettledResults = contenders.stream().filter(r -> stats.get(r).unsettled()).toList();
            contenders.removeIf(r -> stats.get(r).unsettled()); // no steady state: no claim rests on it
            if (contenders.isEmpty()) {
                continue;
            }
            double bestSettled = contenders.stream().mapToDouble(BenchmarkResult::scoreSecondsPerOp).min().orElse(Double.NaN);
            boolean contested = unsettledResults.stream()
                    .anyMatch(r -> r.scoreSecondsPerOp() < bestSettled * (1 + NOISE_THRESHOLD));
            contenders.sort(Comparator.comparingDouble(BenchmarkResult::scoreSecondsPerOp));
            BenchmarkResult best = contenders.get(0);
            double bestTime = best.scoreSecondsPerOp();
            double[] p = new double[contenders.size()];
            p[0] = Double.NaN;
            for (int i = 1; i < contenders.size(); i++) {
                p[i] = welch(stats.get(best), stats.get(contenders.get(i)));
            }
            double[] adjusted = Significance.holm(p);
            List<ScalingGroup.Ranking.Entry> entries = new ArrayList<>();
            for (int i = 0; i < contenders.size(); i++) {
                BenchmarkResult r = contenders.get(i);
                double ratio = r.scoreSecondsPerOp() / bestTime;
                ScalingGroup.Ranking.Verdict verdict = i == 0 ? ScalingGroup.Ranking.Verdict.BEST
                        : ratio < 1 + NOISE_THRESHOLD ? ScalingGroup.Ranking.Verdict.TIE
                        : Double.isNaN(adjusted[i]) ? ScalingGroup.Ranking.Verdict.UNKNOWN
                        : adjusted[i] >= ALPHA ? ScalingGroup.Ranking.Verdict.TIE : ScalingGroup.Ranking.Verdict.SLOWER;
                entries.add(new ScalingGroup.Ranking.Entry(r.key().param("strategy"), stats.get(r), ratio, adjusted[i],
                        verdict));
            }
            out.add(new ScalingGroup.Ranking(e.getKey(), entries, unsettled, contested));
        }
        return out;
    }

    /**
     * Welch's test between two benchmarks: on their log means with the run's moderated variance between forks where
     * there is one ({@link ForkLevel#p}); else over their fork means when both have two forks or more and either one's
     * forks differ beyond their iterations' noise (iterations of one JVM are then not independent samples of the
     * next), else over their steady samples.
     */
    private double welch(BenchmarkStats a, BenchmarkStats b) {
        double moderated = forkLevel.p(a, b);
        if (!Double.isNaN(moderated)) {
            return moderated;
        }
        if (a.levels() != null && b.levels() != null
                && (a.levels().betweenForkVarianceSeen() || b.levels().betweenForkVarianceSeen())) {
            double fa = a.result().primary().unit().toBase();
            double fb = b.result().primary().unit().toBase();
            return Significance.welchP(Samples.of(java.util.Arrays.stream(a.forkMeans()).map(v -> v * fa).toArray()),
                    Samples.of(java.util.Arrays.stream(b.forkMeans()).map(v -> v * fb).toArray()));
        }
        return Significance.welchP(a.steady().scaled(a.result().primary().unit().toBase()),
                b.steady().scaled(b.result().primary().unit().toBase()));
    }

}
