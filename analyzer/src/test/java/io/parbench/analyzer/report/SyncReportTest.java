package io.parbench.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.ContentionView;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.RunReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync suite's report: contention views by JMH threads, log-scale creation bars, the hazards table. */
class SyncReportTest {

    private static final String COUNTER = "io.parbench.bench.suite.sync.CounterContention.increment";
    private static final String CREATION = "io.parbench.bench.suite.sync.CreationCost.create";

    @TempDir
    Path tmp;

    private Path run(boolean hazards) throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        for (int t : new int[] {1, 2, 4}) {
            s.entry(COUNTER, "thrpt", "ops/us", Map.of("primitive", "atomic"), raw(200.0 / t), t);
            s.entry(COUNTER, "thrpt", "ops/us", Map.of("primitive", "adder"), raw(200.0 * t), t);
        }
        s.entry(CREATION, "avgt", "us/op", Map.of("what", "virtual-thread"), raw(20), 1);
        s.entry(CREATION, "avgt", "us/op", Map.of("what", "child-jvm"), raw(80_000), 1);
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        if (hazards) {
            Files.writeString(dir.resolve("hazards.json"), "{\"schemaVersion\":1,\"jdk\":\"25\",\"hazards\":[{\"hazard\":"
                    + "\"race\",\"outcome\":\"lost 11% of updates\",\"lesson\":\"volatile is not atomic\",\"measured\":{}}]}");
        }
        return dir;
    }

    private static double[][] raw(double mean) {
        return new double[][] {{mean * 0.99, mean, mean * 1.01, mean}};
    }

    @Test
    void contentionBenchmarksGetALinePerVariantAgainstContenders() throws Exception {
        Analysis a = Analysis.of(new RunReader().read(run(true)));
        assertEquals(1, a.contention().size());
        ContentionView v = a.contention().get(0);
        assertEquals(List.of("primitive=adder", "primitive=atomic"), List.copyOf(v.series().keySet()));
        assertEquals(List.of(1, 2, 4), v.series().get("primitive=adder").stream().map(ContentionView.Point::contenders).toList());
        assertEquals(1, a.plain().size(), "creation costs stay a plain group");

        Path out = tmp.resolve("report");
        new ReportWriter().write(a, out, "sync");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Contention"), md);
        assertTrue(md.contains("LongAdder spreads the count over cells"), "the benchmark is explained");
        assertTrue(md.contains("## Hazards") && md.contains("| race | lost 11% of updates | volatile is not atomic |"), md);
        assertTrue(Files.exists(out.resolve("charts/c01-countercontention-increment-thrpt.png")));
    }

    @Test
    void aCorruptHazardsFileIsOneSentence() throws Exception {
        Path dir = run(false);
        Files.writeString(dir.resolve("hazards.json"), "{\"nothing\": 1}");
        Analysis a = Analysis.of(new RunReader().read(dir));
        InputException e = assertThrows(InputException.class, () -> new ReportWriter().write(a, tmp.resolve("r"), "x"));
        assertTrue(e.getMessage().contains("hazards.json") && e.getMessage().contains("no 'hazards' array"), e.getMessage());
    }
}
