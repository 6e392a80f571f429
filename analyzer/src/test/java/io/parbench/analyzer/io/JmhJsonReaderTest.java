package io.parbench.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsOurSmokeRunWithItsEnvironment() {
        Run run = new RunReader().read(Fixtures.smokeRun());
        assertEquals(32, run.results().size());
        assertTrue(run.hasStrategies());
        BenchmarkResult first = run.results().get(0);
        assertEquals("io.parbench.bench.suite.cpu.PrimesBenchmark.run", first.key().benchmark());
        assertEquals("sequential", first.key().param("strategy"));
        assertEquals(Unit.Kind.TIME_PER_OP, first.primary().unit().kind());
        assertEquals(1, first.primary().samples().size(), "one raw sample per measured iteration");
        assertTrue(Double.isNaN(first.primary().jmhError()), "JMH writes \"NaN\" for one iteration");
        assertEquals(2, run.environment().physicalCores().orElseThrow());
        assertEquals("smoke", run.environment().text("profile"));
    }

    @Test
    void readsEveryModeOfAPlainJmhFile() {
        Run run = new RunReader().read(Fixtures.plainJmh());
        assertEquals(7, run.results().size());
        assertTrue(!run.hasStrategies());
        assertTrue(!run.environment().present());
        BenchmarkResult thrpt = run.results().get(0);
        assertEquals(Unit.Kind.OPS_PER_TIME, thrpt.primary().unit().kind());
        assertEquals(1e3, thrpt.primary().unit().toBase(), 1e-9, "ops/ms is 1000 ops/s");
        assertEquals(6, thrpt.primary().samples().size());
        assertEquals(1, thrpt.primary().samples().fork(3), "second fork's samples are marked");
        assertEquals(1 / 3_012_345_600.0, thrpt.scoreSecondsPerOp(), 1e-18);
        BenchmarkResult withGc = run.results().get(1);
        assertEquals("10", withGc.key().param("length"));
        assertEquals(List.of("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count"), List.copyOf(withGc.secondary().keySet()));
        assertEquals("MB/sec", withGc.secondary().get("gc.alloc.rate").unitText());
        BenchmarkResult sample = run.results().get(5);
        assertEquals("sample", sample.key().mode());
        assertEquals(4 + 4 + 4 + 3, sample.primary().samples().size());
        assertEquals(120 + 540 + 310 + 3 + 100 + 560 + 290 + 5 + 130 + 500 + 330 + 2 + 110 + 550 + 300,
                sample.primary().samples().count());
        BenchmarkResult ss = run.results().get(6);
        assertEquals("ss", ss.key().mode());
        assertTrue(Double.isNaN(ss.primary().jmhError()));
    }

    @Test
    void readsARealSampleModeFileWithTheGcProfiler() {
        // Written by plain JMH 1.37: java -jar benchmarks.jar SumSquaresBenchmark -bm sample -tu us -prof gc -rf json
        Run run = new RunReader().read(Fixtures.path("jmh-1.37-sample-gc.json"));
        assertEquals(2, run.results().size());
        BenchmarkResult r = run.results().get(0);
        assertEquals("sample", r.key().mode());
        assertEquals("us/op", r.primary().unitText());
        assertTrue(r.primary().samples().count() > r.primary().samples().size(), "histogram counts become weights");
        assertTrue(r.secondary().containsKey("gc.alloc.rate.norm"));
        assertTrue(r.secondary().containsKey("p0.99"), "sample mode's percentiles arrive as secondary metrics");
        assertEquals("1.37", r.jmhVersion());
        var analysis = io.parbench.analyzer.analysis.Analysis.of(run);
        assertEquals(1, analysis.groups().size(), "sequential and pool form a scaling group");
        assertTrue(analysis.groups().get(0).curves().get(0).points().get(0).speedup().estimate() > 0);
    }

    @Test
    void unitsNormalise() {
        assertEquals(1e-9, Unit.parse("ns/op").toBase(), 0);
        assertEquals(1e-6, Unit.parse("us/op").toBase(), 0);
        assertEquals(60, Unit.parse("min/op").toBase(), 0);
        assertEquals(1e9, Unit.parse("ops/ns").toBase(), 1e-3);
        assertEquals(1, Unit.parse("ops/s").toBase(), 0);
        assertEquals(Unit.Kind.OTHER, Unit.parse("B/op").kind());
    }

    @Test
    void badInputsGetOneSentenceNamingTheFile() throws IOException {
        assertBad(tmp.resolve("missing.json"), null, "missing.json: no such file");
        assertBad(tmp.resolve("truncated.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"",
                "the JSON ends early (a truncated file?)");
        assertBad(tmp.resolve("garbage.json"), "this is not json", "is not valid JSON (line 1");
        assertBad(tmp.resolve("object.json"), "{\"benchmark\": \"x\"}", "is not a JMH results file (expected a JSON array");
        assertBad(tmp.resolve("empty.json"), "[]", "holds no benchmark results (an empty array)");
        assertBad(tmp.resolve("blank.json"), "", "is empty");
        assertBad(tmp.resolve("mode.json"), entry("a.B.c", "fast", "ms/op", "1.0"),
                "benchmark a.B.c (entry 0) has unknown mode 'fast'");
        assertBad(tmp.resolve("unit.json"), entry("a.B.c", "avgt", "furlongs", "1.0"),
                "benchmark a.B.c (entry 0) has unit 'furlongs', which is neither a time per operation");
        assertBad(tmp.resolve("nan.json"), entry("a.B.c", "avgt", "ms/op", "\"NaN\""),
                "benchmark a.B.c (entry 0) has a score that is not a number");
        assertBad(tmp.resolve("negative.json"), entry("a.B.c", "avgt", "ms/op", "-3.5"),
                "benchmark a.B.c (entry 0) has a negative score (-3.5)");
        Files.createDirectories(tmp.resolve("not-a-run"));
        var e = assertThrows(InputException.class, () -> new RunReader().read(tmp.resolve("not-a-run")));
        assertTrue(e.getMessage().endsWith("not-a-run: is a folder without results.json (not a run folder)"), e.getMessage());
    }

    /**
     * Shapes of genuine JMH output that must read (issue 12): perfasm's secondary metric, which is text, not a
     * number (JMH writes its score as "NaN" and its unit as "---"); an aux counter that went negative; JMH 0.9's
     * single-shot unit "us" without "/op"; forks 0 (run in the host JVM); no jmhVersion; a group benchmark whose
     * per-method results are secondary metrics; a benchmark without params beside one with.
     */
    @Test
    void genuineJmhShapesAreReadNotRefused() throws IOException {
        Path file = tmp.resolve("shapes.json");
        Files.writeString(file, """
                [{"jmhVersion": "1.37", "benchmark": "org.x.Asm.run", "mode": "avgt", "threads": 1, "forks": 1,
                  "params": {"n": "10"},
                  "primaryMetric": {"score": 2.5, "scoreError": 0.1, "scoreUnit": "ns/op", "rawData": [[2.4, 2.6]]},
                  "secondaryMetrics": {
                    "\u00b7asm": {"score": "NaN", "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
                                   "scoreUnit": "---", "rawData": []},
                    "gc.alloc.rate.norm": {"score": 16.0, "scoreError": 0.0, "scoreUnit": "B/op", "rawData": [[16.0, 16.0]]},
                    "delta": {"score": -3.0, "scoreError": "NaN", "scoreUnit": "#", "rawData": [[-2.0, -4.0]]}}},
                 {"benchmark": "org.x.Old.run", "mode": "ss", "threads": 1, "forks": 0,
                  "primaryMetric": {"score": 1500.0, "scoreError": "NaN", "scoreUnit": "us", "rawData": [[1500.0]]}},
                 {"jmhVersion": "1.37", "benchmark": "org.x.Queue.g", "mode": "thrpt", "threads": 2, "forks": 1,
                  "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "ops/us", "rawData": [[9.5, 10.5]]},
                  "secondaryMetrics": {
                    "put": {"score": 5.0, "scoreError": 0.5, "scoreUnit": "ops/us", "rawData": [[4.8, 5.2]]},
                    "take": {"score": 5.0, "scoreError": 0.5, "scoreUnit": "ops/us", "rawData": [[4.7, 5.3]]}}}]
                """);
        var run = new RunReader().read(file);
        assertEquals(3, run.results().size());
        var asm = run.results().get(0);
        assertEquals(java.util.Set.of("gc.alloc.rate.norm", "delta"), asm.secondary().keySet(), "the text metric left out");
        assertEquals(-3.0, asm.secondary().get("delta").score());
        assertEquals(2, asm.secondary().get("delta").samples().size(), "negative samples of a secondary metric kept");
        assertEquals(List.of("The secondary metric '\u00b7asm' of 1 benchmark is not a number (a profiler's text "
                + "output, such as perfasm's): left out."), run.notes());
        var old = run.results().get(1);
        assertEquals(Unit.Kind.TIME_PER_OP, old.primary().unit().kind());
        assertEquals(1500e-6, old.scoreSecondsPerOp(), 1e-12);
        assertEquals(null, old.jmhVersion());
        assertEquals(0, old.forks());
        assertTrue(old.key().params().isEmpty());
        var group = run.results().get(2);
        assertEquals(2, group.key().jmhThreads());
        assertEquals(java.util.Set.of("put", "take"), group.secondary().keySet());
        var doc = new io.parbench.analyzer.report.ReportDocument(io.parbench.analyzer.analysis.Analysis.of(run), "shapes");
        assertTrue(doc.blocks().stream().anyMatch(b -> b.toString().contains("is not a number (a profiler's text output")),
                "the report says what was left out");
    }

    @Test
    void aCorruptEnvironmentIsAnErrorButAMissingOneIsNot() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), entry("a.B.c", "avgt", "ms/op", "1.0"));
        assertTrue(!new RunReader().read(dir).environment().present());
        Files.writeString(dir.resolve("environment.json"), "{broken");
        var e = assertThrows(InputException.class, () -> new RunReader().read(dir));
        assertTrue(e.getMessage().contains("environment.json: is not valid JSON"), e.getMessage());
    }

    static String entry(String name, String mode, String unit, String score) {
        return "[{\"benchmark\": \"" + name + "\", \"mode\": \"" + mode + "\", \"threads\": 1, \"forks\": 1,"
                + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"" + unit
                + "\", \"rawData\": [[" + (score.startsWith("\"") || score.startsWith("-") ? "1.0" : score) + "]]}}]";
    }

    private static void assertBad(Path file, String content, String expected) throws IOException {
        if (content != null) {
            Files.writeString(file, content);
        }
        var e = assertThrows(InputException.class, () -> new RunReader().read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
    }
}
