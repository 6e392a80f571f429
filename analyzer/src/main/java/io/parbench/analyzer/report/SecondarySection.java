package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Metric;
import io.parbench.analyzer.report.ReportDocument.ChartJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JMH reported beside the primary score. Sample mode's percentiles (JMH writes them as secondary metrics:
 * {@code p0.00} to {@code p1.00}, named {@code run·p0.99} by older versions) get a table of their own, a row per
 * benchmark and a column per percentile; the other metrics (profilers' such as {@code gc.alloc.rate.norm},
 * {@code @AuxCounters}) a row each, with their units.
 */
final class SecondarySection extends Section {

    /** A sample-mode percentile's name: "p0.99", or with the benchmark's method and JMH's separator before it. */
    static final Pattern PERCENTILE = Pattern.compile("(?:.*[·:])?p((?:0\\.\\d+)|(?:1\\.0+))");

    SecondarySection(Analysis a, List<Block> blocks, List<ChartJob> charts) {
        super(a, blocks, charts);
    }

    @Override
    void add() {
        List<List<String>> rows = new ArrayList<>();
        Map<BenchmarkResult, Map<String, Metric>> percentiles = new LinkedHashMap<>();
        TreeSet<String> columns = new TreeSet<>(Comparator.comparingDouble((String p) -> Double.parseDouble(p.substring(1)))
                .thenComparing(Comparator.naturalOrder()));
        Map<BenchmarkResult, String> marks = Cells.repeatMarks(a.run().results());
        for (BenchmarkResult r : a.run().results()) {
            for (Metric m : r.secondary().values()) {
                String p = percentile(r, m);
                if (p != null) {
                    percentiles.computeIfAbsent(r, x -> new LinkedHashMap<>()).put(p, m);
                    columns.add(p);
                    continue;
                }
                rows.add(List.of(r.key().label() + marks.get(r), m.name(), Format.num(m.score()) + (Double.isNaN(m.jmhError()) ? ""
                        : " ± " + Format.num(m.jmhError())) + " " + m.unitText()));
            }
        }
        if (rows.isEmpty() && percentiles.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Secondary metrics", "secondary"));
        if (!percentiles.isEmpty()) {
            blocks.add(new Block.Paragraph("Sample mode times single operations; JMH reports the percentiles of those "
                    + "times (p0.50 is the median, p1.00 the slowest), one row per benchmark."));
            List<String> header = new ArrayList<>(List.of("Benchmark", "Unit"));
            header.addAll(columns);
            List<List<String>> table = new ArrayList<>();
            percentiles.forEach((r, byName) -> {
                String unit = byName.values().iterator().next().unitText();
                List<String> row = new ArrayList<>(List.of(r.key().label() + marks.get(r), unit));
                for (String c : columns) {
                    Metric m = byName.get(c);
                    row.add(m == null ? "-" : Format.num(m.score()));
                }
                table.add(row);
            });
            boolean[] numeric = new boolean[header.size()];
            Arrays.fill(numeric, 2, numeric.length, true);
            blocks.add(new Block.Table(header, table, numeric));
        }
        if (!rows.isEmpty()) {
            blocks.add(new Block.Paragraph("What profilers and @AuxCounters added (for example -prof gc's allocation "
                    + "rate), as JMH reported them."));
            blocks.add(new Block.Table(List.of("Benchmark", "Metric", "Score"), rows, new boolean[] {false, false, true}));
        }
    }

    /** "p0.99" when {@code m} is one of sample mode's percentiles of {@code r}'s operation times, else null. */
    static String percentile(BenchmarkResult r, Metric m) {
        if (!"sample".equals(r.key().mode())) {
            return null;
        }
        Matcher matcher = PERCENTILE.matcher(m.name());
        return matcher.matches() ? "p" + matcher.group(1) : null;
    }
}
