package io.parbench.analyzer.report;

import static io.parbench.analyzer.report.Cells.ci95;
import static io.parbench.analyzer.report.Cells.explain;
import static io.parbench.analyzer.report.Cells.params;
import static io.parbench.analyzer.report.Cells.quantiles;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.chart.ScoreCharts;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.report.ReportDocument.ChartJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmarks no other section claims, by class, mode and unit: a bar chart and a table per group. */
final class PlainSection extends Section {

    PlainSection(Analysis a, List<Block> blocks, List<ChartJob> charts) {
        super(a, blocks, charts);
    }

    @Override
    void add() {
        if (a.plain().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, a.groups().isEmpty() ? "Results" : "Other benchmarks", "plain"));
        int index = 0;
        for (Analysis.PlainGroup g : a.plain()) {
            index++;
            String name = String.format(Locale.ROOT, "p%03d-%s", index, ReportDocument.slug(g.title()));
            blocks.add(new Block.Heading(3, g.title(), name));
            explain(blocks, g.title());
            List<String> marks = marks(g.stats());
            long repeated = marks.stream().filter(m -> m.equals(" #1")).count();
            if (repeated > 0) {
                blocks.add(new Block.Note("warning", String.format(Locale.ROOT, "%d benchmark%s here %s more than one "
                        + "result with the same name, mode, threads and params (runs appended into one file?): each is "
                        + "shown, numbered #1, #2, ... in the file's order; compare cannot pair such a file.", repeated,
                        repeated == 1 ? "" : "s", repeated == 1 ? "has" : "have")));
            }
            List<List<String>> split = seriesAndCategories(g.stats());
            charts.add(new ChartJob(name, () -> ScoreCharts.scores(g.title(), g.unit(), g.stats(), split.get(0), split.get(1)),
                    900, ScoreCharts.height(g.stats().size())));
            blocks.add(new Block.Figure(name, "Scores of " + g.title(), "Mean with 99.9% intervals." + (g.stats().size()
                    > ScoreCharts.MAX_BARS ? String.format(Locale.ROOT, " The chart shows the first %d of %d; the table "
                    + "below lists every one, as does tables/results.csv.", ScoreCharts.MAX_BARS, g.stats().size()) : "")));
            // sample mode times every operation: its median and p99 say more than the mean (timers, latencies)
            boolean sampled = g.stats().stream().anyMatch(s -> !quantiles(s).isEmpty());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < g.stats().size(); i++) {
                BenchmarkStats s = g.stats().get(i);
                List<String> row = new ArrayList<>(List.of(s.result().key().shortName() + marks.get(i), params(s.result()),
                        s.result().key().mode(), Format.score(s), ci95(s)));
                if (sampled) {
                    row.add(quantiles(s));
                }
                row.addAll(List.of(Long.toString(s.n()), Double.isNaN(s.cv()) ? "n/a" : Format.percent(s.cv()), s.noiseNote()));
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of("Benchmark", "Params", "Mode", "Score (99.9% CI)", "95% CI"));
            if (sampled) {
                headers.add("Median / p99");
            }
            headers.addAll(List.of("Samples", "CV", "Notes"));
            boolean[] right = new boolean[headers.size()];
            for (int i = 3; i < right.length - 1; i++) {
                right[i] = true;
            }
            blocks.add(new Block.Table(headers, rows, right));
        }
    }

    /**
     * How to lay out a plain group's bars: when every benchmark has the same params and one dimension (a param, or
     * the method name when there are several) has 2 to 4 values, that dimension colours the bars and the rest labels
     * them (HandOffLatency: platform and virtual side by side per mechanism); otherwise one bar per benchmark.
     */
    static List<List<String>> seriesAndCategories(List<BenchmarkStats> stats) {
        List<String> marks = marks(stats);
        List<Map<String, String>> dims = new ArrayList<>();
        for (BenchmarkStats s : stats) {
            Map<String, String> d = new java.util.TreeMap<>(s.result().key().params());
            String b = s.result().key().benchmark();
            d.put("", b.substring(b.lastIndexOf('.') + 1)); // the method
            dims.add(d);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            labels.add(barLabel(stats.get(i).result()) + marks.get(i));
        }
        java.util.Set<java.util.Set<String>> keySets = new java.util.HashSet<>();
        dims.forEach(d -> keySets.add(d.keySet()));
        String chosen = null;
        long fewest = Long.MAX_VALUE;
        if (keySets.size() == 1) {
            for (String key : dims.get(0).keySet()) {
                long distinct = dims.stream().map(d -> d.get(key)).distinct().count();
                if (distinct >= 2 && distinct <= 4 && distinct < stats.size() && distinct < fewest) {
                    chosen = key;
                    fewest = distinct;
                }
            }
        }
        if (chosen == null) {
            return List.of(java.util.Collections.nCopies(stats.size(), "score"), labels);
        }
        List<String> series = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Map<String, String> d = dims.get(i);
            String key = chosen;
            series.add(key.isEmpty() ? d.get(key) : key + "=" + d.get(key));
            boolean oneMethod = dims.stream().map(x -> x.get("")).distinct().count() == 1;
            categories.add(d.entrySet().stream().filter(e -> !e.getKey().equals(key) && !(e.getKey().isEmpty() && oneMethod))
                    .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")) + marks.get(i));
        }
        return List.of(series, categories);
    }

    private static List<String> marks(List<BenchmarkStats> stats) {
        Map<BenchmarkResult, String> marks = Cells.repeatMarks(stats.stream().map(BenchmarkStats::result).toList());
        return stats.stream().map(x -> marks.get(x.result())).toList();
    }

    private static String barLabel(BenchmarkResult r) {
        String p = params(r);
        String name = r.key().benchmark().substring(r.key().benchmark().lastIndexOf('.') + 1);
        return p.isEmpty() ? name : name + " " + p;
    }
}
