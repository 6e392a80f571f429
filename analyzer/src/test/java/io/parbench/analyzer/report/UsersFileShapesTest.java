package io.parbench.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes of users' JMH files met in real result files of public projects (README: "A wider set of real files"):
 * sample mode's percentiles, a run with forks 0, a numeric param whose values sort differently as text.
 */
class UsersFileShapesTest {

    @TempDir
    Path tmp;

    private String markdown(SyntheticJmh jmh) throws IOException {
        Path file = tmp.resolve("jmh-result.json");
        Files.writeString(file, jmh.json());
        return MarkdownRenderer.render(new ReportDocument(Analysis.of(new RunReader().read(file)), "t"));
    }

    private static double[][] raw(double mean) {
        return new double[][] {{mean, mean * 1.01, mean * 0.99, mean * 1.02, mean * 0.98, mean}};
    }

    /** The lines of the Markdown table that starts with {@code header}, header and rule included. */
    private static List<String> table(String md, String header) {
        List<String> lines = Arrays.asList(md.split("\n"));
        int at = lines.indexOf(header);
        assertTrue(at >= 0, "no table headed " + header + " in\n" + md);
        int end = at;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }
        return lines.subList(at, end);
    }

    /**
     * JMH writes sample mode's percentiles as secondary metrics ("p0.50" in 1.37, "run·p0.50" in 1.21): they become one
     * table, a row per benchmark and a column per percentile in numeric order, and only the other metrics a row each.
     */
    @Test
    void samplePercentilesAreOneRowPerBenchmarkAndOtherMetricsStayRows() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh()
                .entry("x.ClientBench.query", "sample", "s/op", Map.of("n", "1"), raw(3.7))
                .secondary("query·p0.00", "s/op", 3.4).secondary("query·p1.00", "s/op", 3.96)
                .secondary("query·p0.999", "s/op", 3.95).secondary("query·p0.50", "s/op", 3.76)
                .entry("x.ClientBench.query", "sample", "s/op", Map.of("n", "2"), raw(4.0))
                .secondary("p0.50", "s/op", 4.03).secondary("gc.alloc.rate.norm", "B/op", 1430)
                .entry("x.Other.run", "avgt", "ms/op", Map.of(), raw(2.0)).secondary("p0.50", "#", 7);
        String md = markdown(jmh);
        List<String> percentiles = table(md, "| Benchmark | Unit | p0.00 | p0.50 | p0.999 | p1.00 |");
        assertEquals(List.of("| ClientBench.query \\[n=1\\] | s/op | 3.4 | 3.76 | 3.95 | 3.96 |",
                "| ClientBench.query \\[n=2\\] | s/op | - | 4.03 | - | - |"), percentiles.subList(2, percentiles.size()));
        List<String> others = table(md, "| Benchmark | Metric | Score |");
        // an avgt benchmark's counter named like a percentile is not one: JMH writes percentiles in sample mode only
        assertEquals(List.of("| ClientBench.query \\[n=2\\] | gc.alloc.rate.norm | 1430 B/op |", "| Other.run | p0.50 | 7 \\# |"),
                others.subList(2, others.size()));
    }

    /** A file holding one benchmark twice (runs appended) numbers its rows here too, as in every other table. */
    @Test
    void repeatedResultsAreNumberedInTheSecondaryTables() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh()
                .entry("x.ClientBench.query", "sample", "s/op", Map.of(), raw(3.7)).secondary("p0.50", "s/op", 3.7)
                .secondary("gc.count", "counts", 1)
                .entry("x.ClientBench.query", "sample", "s/op", Map.of(), raw(3.9)).secondary("p0.50", "s/op", 3.9);
        String md = markdown(jmh);
        List<String> percentiles = table(md, "| Benchmark | Unit | p0.50 |");
        assertEquals(List.of("| ClientBench.query \\#1 | s/op | 3.7 |", "| ClientBench.query \\#2 | s/op | 3.9 |"),
                percentiles.subList(2, percentiles.size()));
        assertTrue(md.contains("| ClientBench.query \\#1 | gc.count | 1 counts |"), md);
    }

    @Test
    void percentileNamesOfEveryJmhVersionAreRecognised() {
        assertEquals("p0.99", percentile("sample", "p0.99"));
        assertEquals("p0.9999", percentile("sample", "run·p0.9999"));
        assertEquals("p1.00", percentile("sample", "run:p1.00"));
        assertNull(percentile("sample", "gc.alloc.rate"));
        assertNull(percentile("sample", "p2.00"));
        assertNull(percentile("avgt", "p0.50"));
    }

    /** A file run with -f 0 says so: every benchmark shared JMH's own JVM, so its JIT profile too. */
    @Test
    void aRunWithForksZeroIsNamedAsJmhsDebugMode() throws IOException {
        String md = markdown(new SyntheticJmh().entry("x.B.run", "avgt", "ns/op", Map.of("k", "1"), raw(20)).unforked()
                .entry("x.B.run", "avgt", "ns/op", Map.of("k", "2"), raw(21)));
        assertTrue(md.contains("1 of 2 benchmarks ran with forks 0 (-f 0)"), md);
        String forked = markdown(new SyntheticJmh().entry("x.B.run", "avgt", "ns/op", Map.of("k", "1"), raw(20)));
        assertFalse(forked.contains("forks 0"), forked);
    }

    /** The steady-state table lists a numeric param's values as numbers (2 before 13), as every other table does. */
    @Test
    void theSteadyStateTableOrdersNumbersAsNumbers() throws IOException {
        SyntheticJmh jmh = new SyntheticJmh();
        for (String offset : List.of("13", "2", "0", "21", "1")) {
            jmh.entry("x.Align.copy", "avgt", "ns/op", Map.of("offset", offset), raw(20));
        }
        List<String> rows = table(markdown(jmh), "| Benchmark | Forks | Steady state | Between forks | Within forks | "
                + "Optimal iterations | Forks for ±2% |");
        assertEquals(List.of("0", "1", "2", "13", "21"), rows.subList(2, rows.size()).stream()
                .map(l -> l.replaceAll("^\\| Align\\.copy \\\\\\[offset=(\\d+)\\\\\\].*", "$1")).toList());
    }

    /** SecondarySection's test of a metric {@code name} of a result in {@code mode}. */
    private static String percentile(String mode, String name) {
        BenchmarkKey key = new BenchmarkKey("x.B.run", mode, 1, new TreeMap<>());
        Metric metric = new Metric(name, 1, Double.NaN, "s/op", null, null);
        return SecondarySection.percentile(new BenchmarkResult(key, "1.37", 1, 0, 1, null, null, null, metric,
                Map.of(name, metric)), metric);
    }
}
