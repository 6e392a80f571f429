package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.stats.Bootstrap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a report shows, computed once from a run: per-benchmark statistics, the scaling groups with their
 * findings, the "which strategy" table, the sweeps over a concurrency axis (JMH's threads or a param), and
 * the plain groups (the other benchmarks, by class, mode and unit). Writers only format this; they compute
 * nothing.
 */
public record Analysis(Run run, Map<BenchmarkResult, BenchmarkStats> stats, List<ScalingGroup> groups,
        List<Finding> findings, List<Recommendations.Row> recommendations, List<ContentionView> contention,
        List<PlainGroup> plain, ForkLevel forkLevel) {

    /** Benchmarks of one class, mode and unit that are not part of a scaling group. */
    public record PlainGroup(String title, String unit, List<BenchmarkStats> stats) {
    }

    /** Bootstrap resamples behind every speedup and gain interval (with a fixed seed: the same input, the same report). */
    public static final int RESAMPLES = 2_000;

    public static Analysis of(Run run) {
        return of(run, null);
    }

    /**
     * Each benchmark's statistics (warm-up segments dropped by the steady-state check), its score's 95% interval
     * moderated towards the run's variance between forks as the speedups' are ({@link BenchmarkStats#moderated}; the
     * prior is fitted to the log fork means, so moderating the intervals does not move it).
     */
    public static Map<BenchmarkResult, BenchmarkStats> stats(Run run) {
        Map<BenchmarkResult, BenchmarkStats> stats = unmoderated(run);
        moderate(stats, ForkLevel.of(inRunOrder(run, stats)));
        return stats;
    }

    private static Map<BenchmarkResult, BenchmarkStats> unmoderated(Run run) {
        Map<BenchmarkResult, BenchmarkStats> stats = new IdentityHashMap<>();
        run.results().parallelStream().map(r -> BenchmarkStats.of(r, run.iterations().warmupOf(r.key()))).toList()
                .forEach(s -> stats.put(s.result(), s));
        return stats;
    }

    /**
     * The statistics in the file's order: the prior's fit sums over them, and an IdentityHashMap's order changes from
     * one JVM to the next, which moved the last digits of the tables' intervals between two reports of one run.
     */
    private static List<BenchmarkStats> inRunOrder(Run run, Map<BenchmarkResult, BenchmarkStats> stats) {
        return run.results().stream().map(stats::get).toList();
    }

    private static void moderate(Map<BenchmarkResult, BenchmarkStats> stats, ForkLevel level) {
        if (level.available()) {
            stats.replaceAll((r, s) -> s.moderated(level.logTime(s)));
        }
    }

    /**
     * @param scalingParam the param to sweep as a concurrency axis in benchmarks without a strategy param (null: JMH's
     *                     threads, or a param with a concurrency name; see {@link ContentionView})
     */
    public static Analysis of(Run run, String scalingParam) {
        Map<BenchmarkResult, BenchmarkStats> stats = unmoderated(run);
        ForkLevel forkLevel = ForkLevel.of(inRunOrder(run, stats)); // keyed by result: the moderated stats find it
        moderate(stats, forkLevel);
        StrategyOrder order = StrategyOrder.of(run.environment());
        ScalingAnalysis scaling = new ScalingAnalysis(new Bootstrap(RESAMPLES, Bootstrap.SEED), forkLevel, order);
        List<ScalingGroup> groups = scaling.analyze(run, stats);
        List<Finding> findings = new ArrayList<>();
        for (ScalingGroup g : groups) {
            findings.addAll(Findings.of(g, run.environment().logicalCpus().orElse(0)));
        }
        for (BenchmarkResult r : run.results()) {
            BenchmarkStats s = stats.get(r);
            if (s.unsettled()) {
                findings.add(new Finding(r.key().label(), "unsettled", r.key().label() + " did not reach a steady state ("
                        + s.steadyNote() + "): it is left out of the rankings, findings and recommendations.",
                        Map.of("forks", s.forks(),
                                "states", s.forkStates().stream().map(x -> x.kind().toString()).toList(),
                                "warmupTooShort", s.warmupTooShort())));
            } else if (s.noisy() || s.outliers() > 0) {
                findings.add(new Finding(r.key().label(), "noise", r.key().label() + ": " + s.noiseNote()
                        + "; treat its ranking with care.", Map.of("cv", s.cv(), "outliers", s.outliers())));
            }
        }
        List<Recommendations.Row> recommendations = Recommendations.of(groups,
                run.environment().physicalCores().orElse(-1), forkLevel, order);
        Set<BenchmarkResult> grouped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<ContentionView> contention = ContentionView.of(run, stats, scalingParam, scaling);
        contention.forEach(v -> grouped.addAll(v.results()));
        for (ScalingGroup g : groups) {
            grouped.add(g.baseline().result());
            g.curves().forEach(c -> c.points().forEach(p -> grouped.add(p.stats().result())));
        }
        Map<String, List<BenchmarkStats>> plain = new LinkedHashMap<>();
        for (BenchmarkResult r : run.results()) {
            if (!grouped.contains(r)) {
                String title = r.key().className().substring(r.key().className().lastIndexOf('.') + 1) + " ("
                        + r.key().mode() + ", " + r.primary().unitText() + ")";
                plain.computeIfAbsent(title, k -> new ArrayList<>()).add(stats.get(r));
            }
        }
        // by title, and by label within a group: results.json holds the benchmarks in the rounds' random order
        List<PlainGroup> plainGroups = plain.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PlainGroup(e.getKey(), e.getValue().get(0).unit(), e.getValue().stream()
                        .sorted(java.util.Comparator.comparing((BenchmarkStats x) -> x.result().key(), BenchmarkKey.NATURAL))
                        .toList()))
                .toList();
        return new Analysis(run, stats, groups, findings, recommendations, contention, plainGroups, forkLevel);
    }

    public List<Finding> findingsFor(ScalingGroup g) {
        return findings.stream().filter(f -> f.group().equals(g.title())).toList();
    }
}
