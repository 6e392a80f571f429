package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmarks run at several JMH thread counts (contention benchmarks, where JMH's threads are the contenders):
 * one chart per benchmark method, a line per param combination, score against contenders.
 *
 * @param title  the benchmark's short name and mode
 * @param series label (the params, "primitive=atomic") to points sorted by contenders
 */
public record ContentionView(String title, String unit, Map<String, List<Point>> series) {

    public record Point(int contenders, BenchmarkStats stats) {
    }

    /** One view per benchmark method that ran at two or more JMH thread counts. */
    public static List<ContentionView> of(Run run, Map<BenchmarkResult, BenchmarkStats> stats) {
        Map<String, List<BenchmarkResult>> byMethod = new LinkedHashMap<>();
        for (BenchmarkResult r : run.results()) {
            if (r.key().param("strategy") == null) {
                byMethod.computeIfAbsent(r.key().benchmark() + "|" + r.key().mode() + "|" + r.primary().unitText(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<ContentionView> views = new ArrayList<>();
        for (List<BenchmarkResult> rs : byMethod.values()) {
            if (rs.stream().map(r -> r.key().jmhThreads()).distinct().count() < 2) {
                continue;
            }
            Map<String, List<Point>> series = new TreeMap<>();
            for (BenchmarkResult r : rs) {
                String label = r.key().params().isEmpty() ? "score" : r.key().params().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
                series.computeIfAbsent(label, k -> new ArrayList<>()).add(new Point(r.key().jmhThreads(), stats.get(r)));
            }
            series.values().forEach(l -> l.sort(Comparator.comparingInt(Point::contenders)));
            BenchmarkResult first = rs.get(0);
            views.add(new ContentionView(first.key().shortName() + " (" + first.key().mode() + ")",
                    first.primary().unitText(), series));
        }
        return views;
    }

    /** Every result this view shows. */
    public List<BenchmarkResult> results() {
        return series.values().stream().flatMap(List::stream).map(p -> p.stats().result()).toList();
    }
}
