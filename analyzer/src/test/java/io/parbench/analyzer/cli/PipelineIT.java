package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as a user runs it: the smoke profile through the shaded benchmarks jar, then a report of the
 * run folder, then (where Chromium is installed) the page opened in a headless browser.
 */
class PipelineIT {

    @TempDir
    Path tmp;

    @Test
    void smokeRunThenReportThenBrowser() throws Exception {
        String jar = System.getProperty("parbench.benchmarksJar");
        Assumptions.assumeTrue(jar != null && Files.exists(Path.of(jar)), "benchmarks.jar not built");
        Path run = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(List.of("-cp", jar, "io.parbench.bench.run.ParbenchMain", "run", "--profile", "smoke", "--quiet",
                "--out", run.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);

        assertEquals(0, AnalyzerMain.execute("report", run.toString()));
        Path report = run.resolve("report");
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals(4, summary.get("workloads").size(), "one scaling group per CPU workload");
        for (JsonNode w : summary.get("workloads")) {
            assertEquals(7, w.get("curves").size(), "every strategy but sequential has a curve: " + w.get("title"));
        }
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Which strategy to use"));
        assertTrue(html.contains("Amdahl"));

        String script = System.getProperty("parbench.checkScript");
        Process check = new ProcessBuilder("bash", script, report.toString(), tmp.resolve("shot.png").toString(), "3000")
                .redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, check.exitValue(), said);
        // 12 charts, the first shown twice: once as the headline under the answer, once in its workload
        assertTrue(said.contains("skipped") || said.contains("13 chart(s) present"), said);
    }
}
