package io.parbench.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.ContentionView;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Traits;
import io.parbench.analyzer.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JMH result files from public projects (fixtures/real, with their source, commit and licence in its README):
 * read as JMH wrote them, the analyzer's scores and 99.9% errors equal JMH's, and their numeric param becomes a chart
 * over it, with no suite or server read into their names.
 */
class RealFilesTest {

    @TempDir
    Path tmp;

    /** Each result's mean and 99.9% half-width equal the file's score and scoreError. */
    private static Analysis readWithJmhsNumbers(Path file) throws Exception {
        Run run = new RunReader().read(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(json.size(), run.results().size());
        Analysis a = Analysis.of(run);
        for (int i = 0; i < json.size(); i++) {
            BenchmarkStats s = a.stats().get(run.results().get(i));
            JsonNode m = json.get(i).get("primaryMetric");
            // Tolerance: 1e-12 relative for the mean, 1e-9 for the Student-t half-width (JMH's own arithmetic order)
            assertEquals(m.get("score").asDouble(), s.mean(), 1e-12 * m.get("score").asDouble(), run.results().get(i).key().label());
            assertEquals(m.get("scoreError").asDouble(), s.ci999(), 1e-9 * m.get("scoreError").asDouble(),
                    run.results().get(i).key().label());
        }
        return a;
    }

    @Test
    void kotlinxCoroutinesJmh135FileIsAPlainGroupWithJmhsNumbers() throws Exception {
        Analysis a = readWithJmhsNumbers(Fixtures.path("real/kotlinx-coroutines-jmh-1.35.json"));
        assertTrue(a.contention().isEmpty() && a.groups().isEmpty(), "a string param is no axis");
        assertEquals(1, a.plain().size());
        assertEquals("PingPongActorBenchmark (avgt, ms/op)", a.plain().get(0).title());
        assertEquals(List.of("dotnet_scheduler", "fjp", "ftp_1", "go_scheduler", "scheduler"), a.plain().get(0).stats().stream()
                .map(s -> s.result().key().param("dispatcher")).toList());
    }

    @Test
    void netflixHollowsJmh125FileReadsWithJmhsOwnScoresAndErrors() throws Exception {
        Analysis a = readWithJmhsNumbers(Fixtures.path("real/hollow-jmh-1.25.json"));
        Run run = a.run();
        // maxStringLength 5..1000 among four fixed params: a chart over it per mode, no scaling claimed over a length
        assertEquals(2, a.contention().size());
        for (ContentionView v : a.contention()) {
            assertEquals("maxStringLength", v.axis());
            assertFalse(v.concurrency());
            assertEquals(List.of(5, 25, 50, 150, 1000), v.series().get("score").stream().map(ContentionView.Point::contenders).toList());
            assertTrue(v.title().endsWith("countStrings=500, countStringsDb=100000, deltaChanges=2000, shardSizeMBs=1"), v.title());
        }
        assertTrue(a.plain().isEmpty() && a.groups().isEmpty());
        assertEquals(Traits.UNKNOWN, run.traits(run.results().get(0).key().benchmark()), "no environment.json: nothing read into names");

        Path out = tmp.resolve("report");
        new ReportWriter().write(a, out, "hollow");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Sweeps") && md.contains("One fork per benchmark"), md.substring(0, Math.min(md.length(), 2000)));
        try (var charts = Files.list(out.resolve("charts"))) {
            assertEquals(List.of("c01", "c02"), charts.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png")).map(n -> n.substring(0, 3)).sorted().toList(), "a chart per mode");
        }
    }
}
