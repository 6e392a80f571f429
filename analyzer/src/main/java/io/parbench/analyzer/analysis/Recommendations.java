package io.parbench.analyzer.analysis;

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
 * count nearest the physical cores (for I/O work: at the highest concurrency measured), which strategies were best
 * or within noise of the best in how many workloads, and which were slowest.
 */
public final class Recommendations {

    private Recommendations() {
    }

    /** One row: a kind of work and what the data say to use and to avoid there. */
    public record Row(String suite, String kind, int threads, int workloads, List<String> use, List<String> avoid,
            String reason) {
    }

    /**
     * The kind of work a group is, from what the launcher recorded: cpu, io or sync, prefixed "python-" for CPython's;
     * a group nothing is known of keeps its suite ("other").
     */
    static String kindOfWork(ScalingGroup g) {
        String work = Throughput.applies(g) ? "io" : g.traits().work() != null ? g.traits().work() : g.suite();
        return g.traits().cpython() ? "python-" + work : work;
    }

    public static List<Row> of(List<ScalingGroup> groups, int physicalCores) {
        Map<String, List<ScalingGroup>> bySuite = new TreeMap<>();
        // CPython's CPU-bound and I/O-bound workloads are two kinds of work, as the JVM's cpu and io suites are
        groups.forEach(g -> bySuite.computeIfAbsent(kindOfWork(g), k -> new ArrayList<>()).add(g));
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> unsettled = new LinkedHashMap<>();
        for (var e : bySuite.entrySet()) {
            Map<String, Integer> good = new LinkedHashMap<>();
            Map<String, Double> worstRatio = new LinkedHashMap<>();
            int counted = 0;
            int chosenThreads = 0;
            for (ScalingGroup g : e.getValue()) {
                // I/O work is compared where concurrency is highest, CPU work where the cores run out
                ScalingGroup.Ranking r = Throughput.applies(g) && !g.rankings().isEmpty()
                        ? g.rankings().get(g.rankings().size() - 1) : nearest(g.rankings(), physicalCores);
                if (r == null) {
                    continue;
                }
                if (r.contested()) {
                    unsettled.merge(e.getKey(), 1, Integer::sum); // a strategy that did not settle might have won
                    continue;
                }
                counted++;
                chosenThreads = Math.max(chosenThreads, r.threads());
                for (ScalingGroup.Ranking.Entry en : r.entries()) {
                    if (en.verdict().good()) {
                        good.merge(en.strategy(), 1, Integer::sum);
                    }
                    worstRatio.merge(en.strategy(), en.ratio(), Math::max);
                }
            }
            if (counted == 0) {
                continue;
            }
            int top = good.values().stream().max(Integer::compare).orElse(0);
            List<String> use = good.entrySet().stream().filter(x -> x.getValue() == top).map(Map.Entry::getKey)
                    .sorted(Comparator.comparingInt(ScalingAnalysis::strategyRank)).toList();
            List<String> avoid = worstRatio.entrySet().stream().filter(x -> x.getValue() >= 2.0 && !good.containsKey(x.getKey()))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            String kind = switch (e.getKey()) {
                case "cpu" -> "CPU-bound";
                case "io" -> "I/O-bound";
                case "sync" -> "coordination";
                case "python-cpu" -> "CPU-bound, CPython";
                case "python-io" -> "I/O-bound, CPython";
                default -> "other";
            };
            final int n = counted;
            String reason = String.format(Locale.ROOT, "%s best or within noise of the best in %d of %d workload%s at %d %s",
                    String.join(", ", use), top, n, n == 1 ? "" : "s", chosenThreads,
                    e.getKey().endsWith("io") ? "in flight" : chosenThreads == 1 ? "thread" : "threads");
            if (unsettled.containsKey(e.getKey())) {
                int u = unsettled.get(e.getKey());
                reason += String.format(Locale.ROOT, "; %d workload%s left out: a strategy there that might have won reached no steady state",
                        u, u == 1 ? "" : "s");
            }
            if (!avoid.isEmpty()) {
                reason += "; " + avoid.stream().map(s -> String.format(Locale.ROOT, "%s up to %.1fx slower", s, worstRatio.get(s)))
                        .collect(Collectors.joining(", "));
            }
            rows.add(new Row(e.getKey(), kind, chosenThreads, n, use, avoid, reason + "."));
        }
        return rows;
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
