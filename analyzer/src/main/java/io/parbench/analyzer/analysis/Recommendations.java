package io.parbench.analyzer.analysis;

import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.StudentT;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The "which strategy to use" table, from the measured data only: for each kind of work (a suite), at the thread
 * count nearest the physical cores (for I/O work: at the highest concurrency measured), which strategies tie for
 * the best over the kind's workloads, which are slower, and which to avoid.
 *
 * <p>The question a reader asks is not "which won each workload" (with strategies a few per cent apart, that changes
 * from one run to the next) but "which can I use without losing much, whatever the workload". So each strategy's
 * time is compared with the fastest strategy's on average over the workloads: the geometric mean of its time ratios,
 * with a 95% interval from each benchmark's moderated variance between forks ({@link ForkLevel}). A strategy ties
 * when that interval reaches within {@link #MARGIN} of the fastest, that is when the data do not show it to be more
 * than 5% slower (a non-inferiority test: Wellek, Testing Statistical Hypotheses of Equivalence and Noninferiority,
 * 2010); it is slower when the whole interval lies beyond. One shown, the same way, to take more than 5% longer than
 * not parallelising at all (sequential) is one to avoid. On eight default runs of the cpu suite here the four
 * strategies a few per cent apart (pool, virtual, forkjoin, stream) tied in all eight and process-cold was the one to
 * avoid, where the workload-by-workload verdicts recommended six different sets.
 */
public final class Recommendations {

    /** A strategy whose time, on average over the workloads, is not shown to exceed the fastest's by this, ties. */
    public static final double MARGIN = 0.05;

    private Recommendations() {
    }

    /**
     * One row: a kind of work and what the data say to use and to avoid there. {@code standings}: each strategy's
     * average time ratio to the fastest with its interval, fastest first.
     */
    public record Row(String suite, String kind, int threads, int workloads, List<String> use, List<String> avoid,
            String reason, List<Standing> standings) {
    }

    /**
     * A strategy over one kind's workloads: the geometric mean of its time ratios to {@code reference} (the fastest on
     * that average, over the workloads both ran), its 95% interval, over how many workloads, and whether it ties (see
     * {@link #MARGIN}; never for a strategy measured in half the workloads or fewer, which is listed but not ranked).
     */
    public record Standing(String strategy, double ratio, double low, double high, int workloads, boolean tie) {
    }

    /**
     * The kind of work a group is, from what the launcher recorded: cpu, io or sync, prefixed "python-" for CPython's;
     * a group nothing is known of keeps its suite ("other").
     */
    static String kindOfWork(ScalingGroup g) {
        String work = Throughput.applies(g) ? "io" : g.traits().work() != null ? g.traits().work() : g.suite();
        return g.traits().cpython() ? "python-" + work : work;
    }

    /** @param order the order strategies are listed in (the run's recorded registries) */
    public static List<Row> of(List<ScalingGroup> groups, int physicalCores, ForkLevel forkLevel, StrategyOrder order) {
        Map<String, List<ScalingGroup>> bySuite = new TreeMap<>();
        // CPython's CPU-bound and I/O-bound workloads are two kinds of work, as the JVM's cpu and io suites are
        groups.forEach(g -> bySuite.computeIfAbsent(kindOfWork(g), k -> new ArrayList<>()).add(g));
        List<Row> rows = new ArrayList<>();
        for (var e : bySuite.entrySet()) {
            List<ScalingGroup.Ranking> counted = new ArrayList<>();
            int unsettled = 0;
            for (ScalingGroup g : e.getValue()) {
                // I/O work is compared where concurrency is highest, CPU work where the cores run out
                ScalingGroup.Ranking r = Throughput.applies(g) && !g.rankings().isEmpty()
                        ? g.rankings().get(g.rankings().size() - 1) : nearest(g.rankings(), physicalCores);
                if (r == null) {
                    continue;
                }
                if (r.contested()) {
                    unsettled++; // a strategy that did not settle might have won
                    continue;
                }
                counted.add(r);
            }
            if (counted.isEmpty()) {
                continue;
            }
            rows.add(row(e.getKey(), counted, unsettled, forkLevel, order));
        }
        return rows;
    }

    private static Row row(String suite, List<ScalingGroup.Ranking> counted, int unsettled, ForkLevel forkLevel,
            StrategyOrder order) {
        int n = counted.size();
        int threads = counted.stream().mapToInt(ScalingGroup.Ranking::threads).max().orElse(0);
        // each workload's strategies, and each strategy's log time there with its variance
        List<Map<String, ForkLevel.LogMean>> byWorkload = new ArrayList<>();
        java.util.Set<String> measured = new java.util.HashSet<>();
        for (ScalingGroup.Ranking r : counted) {
            Map<String, ForkLevel.LogMean> times = new LinkedHashMap<>();
            for (ScalingGroup.Ranking.Entry en : r.entries()) {
                times.put(en.strategy(), logTime(en.stats(), forkLevel));
                measured.add(en.strategy());
            }
            byWorkload.add(times);
        }
        List<String> strategies = measured.stream()
                .sorted(order)
                .toList();
        // ranked: the strategies measured in most of the workloads (a pipeline's own strategies, measured in one, are
        // no answer for the kind of work as a whole); the reference is the fastest of them on average
        List<String> most = strategies.stream()
                .filter(s -> 2 * byWorkload.stream().filter(w -> w.containsKey(s)).count() > byWorkload.size()).toList();
        List<String> candidates = most.isEmpty() ? strategies : most;
        String reference = candidates.stream().min(Comparator.comparingDouble(s -> averageToFastest(s, candidates,
                byWorkload))).orElseThrow();
        List<Standing> standings = new ArrayList<>();
        for (String s : strategies) {
            Standing st = standing(s, reference, byWorkload);
            if (st != null) {
                boolean tie = candidates.contains(s)
                        && (s.equals(reference) || (Double.isNaN(st.low()) ? st.ratio() : st.low()) <= 1 + MARGIN);
                standings.add(new Standing(s, st.ratio(), st.low(), st.high(), st.workloads(), tie));
            }
        }
        standings.sort(Comparator.comparingDouble(Standing::ratio));
        // the others are listed with their figures, but neither recommended nor to avoid
        List<Standing> partial = standings.stream().filter(x -> !candidates.contains(x.strategy())).toList();
        standings.removeAll(partial);
        boolean untested = standings.stream().anyMatch(x -> !x.strategy().equals(reference) && Double.isNaN(x.low()));
        List<String> use = standings.stream().filter(Standing::tie).map(Standing::strategy)
                .sorted(order).toList();
        // avoid: shown to be slower than not parallelising at all (more than the margin, on average)
        Map<String, Standing> againstSequential = new LinkedHashMap<>();
        if (strategies.contains(SEQUENTIAL)) {
            for (Standing x : standings) {
                Standing v = x.tie() || x.strategy().equals(SEQUENTIAL) ? null : standing(x.strategy(), SEQUENTIAL, byWorkload);
                if (v != null && (Double.isNaN(v.low()) ? v.ratio() : v.low()) > 1 + MARGIN) {
                    againstSequential.put(x.strategy(), v);
                }
            }
        }
        List<String> avoid = List.copyOf(againstSequential.keySet());
        String kind = switch (suite) {
            case "cpu" -> "CPU-bound";
            case "io" -> "I/O-bound";
            case "sync" -> "coordination";
            case "python-cpu" -> "CPU-bound, CPython";
            case "python-io" -> "I/O-bound, CPython";
            default -> "other";
        };
        String where = String.format(Locale.ROOT, "%d workload%s at %d %s", n, n == 1 ? "" : "s", threads,
                suite.endsWith("io") ? "in flight" : threads == 1 ? "thread" : "threads");
        StringBuilder reason = new StringBuilder();
        List<Standing> ties = standings.stream().filter(x -> x.tie() && !x.strategy().equals(reference)).toList();
        List<Standing> slower = standings.stream().filter(x -> !x.tie() && !avoid.contains(x.strategy())).toList();
        if (ties.isEmpty()) {
            reason.append(String.format(Locale.ROOT, "%s fastest on average over %s", reference, where));
        } else {
            reason.append(String.format(Locale.ROOT, "%s tie: on average over %s none is shown to be more than %.0f%% "
                    + "slower than %s, the fastest (%s)", Format.list(use), where, MARGIN * 100, reference,
                    ties.stream().map(Recommendations::ratioText).collect(Collectors.joining(", "))));
        }
        if (!slower.isEmpty()) {
            reason.append("; slower: ").append(slower.stream().map(Recommendations::ratioText)
                    .collect(Collectors.joining(", ")));
        }
        List<String> unranked = strategies.stream().filter(x -> !candidates.contains(x)).toList();
        if (!unranked.isEmpty()) {
            reason.append("; measured in too few workloads to rank for the kind: ").append(unranked.stream().map(x -> {
                long in = byWorkload.stream().filter(w -> w.containsKey(x)).count();
                Standing st = partial.stream().filter(p -> p.strategy().equals(x)).findFirst().orElse(null);
                return String.format(Locale.ROOT, "%s in %d of %d", x, in, n) + (st == null ? ""
                        : " (" + ratioText(st).substring(x.length() + 1) + " " + reference + "'s time there)");
            }).collect(Collectors.joining(", ")));
        }
        if (untested) {
            reason.append("; point estimates only: too few samples for an interval");
        }
        if (unsettled > 0) {
            reason.append(String.format(Locale.ROOT, "; %d workload%s left out: a strategy there that might have won "
                    + "reached no steady state", unsettled, unsettled == 1 ? "" : "s"));
        }
        if (!avoid.isEmpty()) {
            reason.append("; avoid ").append(avoid.stream().map(s -> String.format(Locale.ROOT, "%s (slower than "
                    + "sequential: %.2fx its time on average)", s, againstSequential.get(s).ratio()))
                    .collect(Collectors.joining(", ")));
        }
        List<Standing> all = new ArrayList<>(standings);
        all.addAll(partial);
        return new Row(suite, kind, threads, n, use, avoid, reason + ".", List.copyOf(all));
    }

    /** The baseline every group has: not parallelising at all. */
    static final String SEQUENTIAL = "sequential";

    /**
     * {@code s} against {@code reference} over the workloads where both were measured: the geometric mean of the time
     * ratios and its 95% interval (Student t, Welch and Satterthwaite's degrees of freedom; NaN bounds when a benchmark
     * had too few samples for a variance); null when they never ran side by side. {@code tie} is left false.
     */
    private static Standing standing(String s, String reference, List<Map<String, ForkLevel.LogMean>> byWorkload) {
        List<ForkLevel.LogMean[]> pairs = byWorkload.stream().filter(w -> w.containsKey(s) && w.containsKey(reference))
                .map(w -> new ForkLevel.LogMean[] {w.get(s), w.get(reference)}).toList();
        if (pairs.isEmpty()) {
            return null;
        }
        if (s.equals(reference)) {
            return new Standing(s, 1, 1, 1, pairs.size(), false);
        }
        Bootstrap.Interval r = ForkLevel.ratio(pairs);
        return new Standing(s, r.estimate(), r.low(), r.high(), pairs.size(), false);
    }

    /** "pool 1.02x [0.99, 1.05]", or without an interval when none could be computed. */
    private static String ratioText(Standing s) {
        return s.strategy() + " " + Format.speedup(new Bootstrap.Interval(s.ratio(),
                s.low() == s.high() ? Double.NaN : s.low(), s.high()));
    }

    /**
     * The mean over the workloads that measured {@code s} of log(its time / the fastest of {@code among} there): a
     * strategy alone among them in a workload is the fastest there.
     */
    private static double averageToFastest(String s, List<String> among, List<Map<String, ForkLevel.LogMean>> byWorkload) {
        return byWorkload.stream().filter(w -> w.containsKey(s)).mapToDouble(w -> w.get(s).value()
                - among.stream().filter(w::containsKey).mapToDouble(x -> w.get(x).value()).min().orElse(0))
                .average().orElse(0);
    }

    /**
     * A benchmark's log time with its variance: the run's moderated variance between forks where there is one; else
     * from its own 95% interval (over its iterations with one fork: it cannot see between forks); else none.
     */
    static ForkLevel.LogMean logTime(BenchmarkStats s, ForkLevel forkLevel) {
        ForkLevel.LogMean m = forkLevel.logTime(s);
        if (m != null) {
            return m;
        }
        double value = ForkLevel.logTimeOf(s);
        double se = Double.isFinite(s.ci95()) && s.mean() > 0 && s.n() >= 2
                ? s.ci95() / StudentT.quantile(s.n() - 1, 0.975) / s.mean() : Double.NaN;
        return new ForkLevel.LogMean(value, se * se, s.n() >= 2 ? s.n() - 1 : Double.POSITIVE_INFINITY);
    }

    /** The ranking at the physical core count, else the highest thread count below it, else the lowest above. */
    static ScalingGroup.Ranking nearest(List<ScalingGroup.Ranking> rankings, int physical) {
        if (rankings.isEmpty()) {
            return null;
        }
        if (physical <= 0) {
            return rankings.get(rankings.size() - 1);
        }
        ScalingGroup.Ranking below = null;
        for (ScalingGroup.Ranking r : rankings) {
            if (r.threads() == physical) {
                return r;
            }
            if (r.threads() < physical) {
                below = r;
            }
        }
        return below != null ? below : rankings.get(0);
    }
}
