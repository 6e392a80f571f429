package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parbench.analyzer.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void oneReportOverTwoMachines() throws IOException {
        Path second = tmp.resolve("second");
        Files.createDirectories(second);
        Files.copy(Fixtures.smokeRun().resolve("results.json"), second.resolve("results.json"));
        ObjectMapper m = new ObjectMapper();
        ObjectNode env = (ObjectNode) m.readTree(Fixtures.smokeRun().resolve("environment.json").toFile());
        ((ObjectNode) env.get("machine")).put("hostname", "other-box");
        env.put("runId", "20261123-0900Z-other-box");
        m.writeValue(second.resolve("environment.json").toFile(), env);
        Path out = tmp.resolve("merged");
        assertEquals(0, AnalyzerMain.execute("merge", Fixtures.smokeRun().toString(), second.toString(), "--out", out.toString()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("other-box (20261123-0900Z-other-box)"), "the machine table names both runs");
        assertTrue(html.contains("The machines"));
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertEquals(4 * 2, charts.count(), "one chart per workload, PNG and SVG");
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("| Run | Best strategy |"));
        assertEquals(2, AnalyzerMain.execute("merge", Fixtures.smokeRun().toString()), "merge needs two runs or more");
    }
}
