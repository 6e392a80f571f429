package io.parbench.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesEveryPartOfTheReport() throws IOException {
        Path out = tmp.resolve("report");
        Path index = new ReportWriter().write(Analysis.of(new RunReader().read(Fixtures.smokeRun())), out, "smoke");
        assertEquals(out.resolve("index.html"), index);
        for (String f : new String[] {"index.html", "report.md", "summary.json", "tables/results.csv", "tables/scaling.csv",
                "tables/cpu.tex"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            var names = charts.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4 * 3 * 2, names.size(), names.toString()); // 4 workloads x 3 charts x (PNG + SVG)
        }
        // workloads by suite, then benchmark: collatz, matmul, primes, sumsquares
        var png = ImageIO.read(out.resolve("charts/03-primesbenchmark-run-chunksperthread-4-size-20000-speedup.png").toFile());
        assertEquals(900, png.getWidth());
        assertEquals(520, png.getHeight());
        String svg = Files.readString(out.resolve("charts/03-primesbenchmark-run-chunksperthread-4-size-20000-speedup.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg.substring(0, 40));
        String html = Files.readString(index);
        assertTrue(html.contains("<img src=\"charts/03-primesbenchmark-run-chunksperthread-4-size-20000-speedup.png\""));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network: nothing is fetched");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(4, summary.get("workloads").size());
        assertEquals("strong", summary.get("workloads").get(0).get("scaling").asText());
        assertTrue(summary.get("findings").size() >= 4);
        String csv = Files.readString(out.resolve("tables/results.csv"));
        assertTrue(csv.startsWith("benchmark,mode,jmh_threads,params,score,"), csv.substring(0, 60));
        assertEquals(33, csv.split("\r\n").length, "a header and 32 rows");
        String tex = Files.readString(out.resolve("tables/cpu.tex"));
        assertTrue(tex.contains("\\begin{tabular}") && tex.contains("process-cold"), tex);
    }

    @Test
    void namesFromTheInputAreEscapedEverywhere() throws IOException {
        String evil = "<script>alert(1)</script>";
        SyntheticJmh s = new SyntheticJmh();
        s.avgt("org.example." + evil + ".run", Map.of("mode", evil, "x", "a|b"), 10, 0.01);
        s.avgt("io.parbench.bench.suite.cpu.X.run", Map.of("strategy", "sequential", "threads", "1", "size", evil), 10, 0.01);
        s.avgt("io.parbench.bench.suite.cpu.X.run", Map.of("strategy", evil, "threads", "2", "size", evil), 6, 0.01);
        Path in = tmp.resolve("evil.json");
        Files.writeString(in, s.json());
        Path out = tmp.resolve("report");
        new ReportWriter().write(Analysis.of(new RunReader().read(in)), out, "report of " + evil);
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("<script"), "a name never becomes a tag");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String md = Files.readString(out.resolve("report.md"));
        assertFalse(md.contains("<script"), "nor in Markdown");
        assertTrue(md.contains("a\\|b"), "a pipe cannot break a Markdown table");
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            charts.forEach(p -> assertTrue(p.getFileName().toString().matches("[a-z0-9.-]+"), p.toString()));
        }
    }

    @Test
    void aFailedReportLeavesTheOldOneUntouched() throws IOException {
        Path out = tmp.resolve("report");
        new ReportWriter().write(Analysis.of(new RunReader().read(Fixtures.plainJmh())), out, "first");
        String before = Files.readString(out.resolve("index.html"));
        Path blocker = tmp.resolve("blocked");
        Files.writeString(blocker, "a file where a folder should go");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.parbench.analyzer.io.InputException.class, () ->
                new ReportWriter().write(Analysis.of(new RunReader().read(Fixtures.plainJmh())), blocker, "second"));
        assertTrue(e.getMessage().contains("exists and is not a folder"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("index.html")));
        new ReportWriter().write(Analysis.of(new RunReader().read(Fixtures.plainJmh())), out, "third");
        assertTrue(Files.readString(out.resolve("index.html")).contains("<title>third</title>"), "a success replaces it");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(2, left.count(), "no temporary folder left behind");
        }
    }

    /**
     * A file holding one benchmark's result several times (a public JMH 1.37 file holds five, params and all): each
     * is shown and told apart (#1, #2 in the file's order), in the table and on the chart's bars, which used to draw
     * the repeats as one bar.
     */
    @Test
    void repeatedResultsOfOneBenchmarkAreEachShownAndNumbered() throws IOException {
        Map<String, String> params = Map.of("clients", "100");
        SyntheticJmh jmh = new SyntheticJmh().avgt("org.example.Bench.map", params, 10, 0.01)
                .avgt("org.example.Bench.map", params, 12, 0.01).avgt("org.example.Bench.map", params, 11, 0.01)
                .avgt("org.example.Bench.other", params, 20, 0.01);
        Path file = tmp.resolve("repeats.json");
        Files.writeString(file, jmh.json());
        Analysis analysis = Analysis.of(new RunReader().read(file));
        String md = MarkdownRenderer.render(new ReportDocument(analysis, "t"));
        for (int k = 1; k <= 3; k++) {
            assertTrue(md.contains("| Bench.map \\#" + k + " |"), md);
        }
        assertTrue(md.contains("| Bench.other |"), md);
        assertTrue(md.contains("| Bench.map \\[clients=100\\] \\#3 |"), "the precision table numbers them too: " + md);
        assertTrue(md.contains("1 benchmark here has more than one result with the same name"), md);
        Analysis.PlainGroup g = analysis.plain().get(0);
        java.util.List<java.util.List<String>> split = PlainSection.seriesAndCategories(g.stats());
        java.util.Set<java.util.List<String>> bars = new java.util.HashSet<>();
        for (int i = 0; i < g.stats().size(); i++) {
            assertTrue(bars.add(java.util.List.of(split.get(0).get(i), split.get(1).get(i))), "two bars share a key: " + split);
        }
    }

    /**
     * The method table gives the forks per benchmark, not the first result's: a default run's process-cold has one
     * fewer (it sits out the last round), and when it comes first in results.json the table said "2" for a run of 3.
     */
    @Test
    void theMethodTableSaysHowManyForksEachBenchmarkHadWhereTheyDiffer() throws IOException {
        double[][] two = {{10, 11, 10}, {11, 10, 11}};
        double[][] three = {{10, 11, 10}, {11, 10, 11}, {10, 10, 11}};
        SyntheticJmh jmh = new SyntheticJmh().entry("org.example.B.cold", "avgt", "ms/op", Map.of(), two);
        for (String m : new String[] {"a", "b", "c"}) {
            jmh.entry("org.example.B." + m, "avgt", "ms/op", Map.of(), three);
        }
        Path file = tmp.resolve("forks.json");
        Files.writeString(file, jmh.json());
        String md = MarkdownRenderer.render(new ReportDocument(Analysis.of(new RunReader().read(file)), "t"));
        assertTrue(md.contains("| Forks | 3 per benchmark; 2 for 1 |"), md);
        Files.writeString(file, new SyntheticJmh().entry("org.example.B.a", "avgt", "ms/op", Map.of(), two).json());
        md = MarkdownRenderer.render(new ReportDocument(Analysis.of(new RunReader().read(file)), "t"));
        assertTrue(md.contains("| Forks | 2 |"), md);
    }
}
