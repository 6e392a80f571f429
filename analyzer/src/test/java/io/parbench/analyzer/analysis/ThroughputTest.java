package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The I/O view: tasks per second against tasks in flight, the limit, where strategies saturate. */
class ThroughputTest {

    private static final String BENCH = "io.parbench.bench.suite.io.LatencyBenchmark.run";

    @TempDir
    Path tmp;

    /**
     * 1,000 tasks of 10 ms. "virtual" reaches the limit (time = tasks / c x 10 ms); "pool" stops at 4 threads' worth
     * beyond 4 in flight (its pool is what the threads param sizes, but here it saturates: 2,500 ms from 4 on).
     */
    private Run run() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        Map<String, String> fixed = Map.of("size", "1000", "latencyMs", "10");
        s.avgt(BENCH, with(fixed, "sequential", 1), 10_000, 0.001);
        for (int c : new int[] {1, 4, 32, 256}) {
            s.avgt(BENCH, with(fixed, "virtual", c), Math.max(10_000.0 / c, 10) * 1.02, 0.001);
            s.avgt(BENCH, with(fixed, "pool", c), 10_000.0 / Math.min(c, 4), 0.001);
        }
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(Map.of(
                "schemaVersion", 1, "machine", Map.of("cpu", Map.of("physicalCores", 2, "logicalCpus", 2, "numaNodes", 1)))));
        return new RunReader().read(dir);
    }

    private static Map<String, String> with(Map<String, String> fixed, String strategy, int threads) {
        Map<String, String> p = new java.util.HashMap<>(fixed);
        p.put("strategy", strategy);
        p.put("threads", Integer.toString(threads));
        return p;
    }

    @Test
    void throughputLimitAndSaturationComeOutOfTheTimes() throws IOException {
        Analysis a = Analysis.of(run());
        ScalingGroup g = a.groups().get(0);
        assertEquals("io", g.suite());
        Throughput t = Throughput.of(g).orElseThrow();
        assertEquals(1000, t.tasks());
        assertEquals(10, t.latencyMs());
        assertEquals(100, t.sequential().perSecond(), 0.5, "1,000 tasks in 10 s");
        assertEquals(25_600, t.limit(256), 1e-9, "256 waits of 10 ms: 25,600 tasks/s");
        Throughput.Curve pool = t.curves().stream().filter(c -> c.strategy().equals("pool")).findFirst().orElseThrow();
        assertEquals(400, pool.best().perSecond(), 1);
        assertEquals(4, Throughput.saturation(pool).threads(), "pool reaches 90% of its best at 4 in flight");
        Throughput.Point p = pool.points().get(0);
        assertTrue(p.low() <= p.perSecond() && p.perSecond() <= p.high());

        List<Finding> io = a.findingsFor(g).stream().filter(f -> f.kind().startsWith("io-")).toList();
        String poolSentence = io.stream().filter(f -> f.sentence().startsWith("pool ")).findFirst().orElseThrow().sentence();
        assertTrue(poolSentence.contains("saturates from 4") && poolSentence.contains("2 CPUs allow"), poolSentence);
        String virtualSentence = io.stream().filter(f -> f.sentence().startsWith("virtual ")).findFirst().orElseThrow()
                .sentence();
        assertTrue(virtualSentence.contains("the waiting bounds it"), virtualSentence);
        assertTrue(io.stream().anyMatch(f -> f.kind().equals("io-best") && f.sentence().contains("virtual leads")),
                io.toString());
        assertFalse(a.findingsFor(g).stream().anyMatch(f -> f.kind().equals("fit")), "no Amdahl fit for waiting tasks");
        // I/O work is recommended by the highest concurrency, not by the core count
        assertEquals(List.of("virtual"), a.recommendations().get(0).use());
        assertEquals(256, a.recommendations().get(0).threads());
    }

    @Test
    void theReportDrawsThroughputAndTimeChartsForIoGroups() throws Exception {
        Run r = run();
        Path out = tmp.resolve("report");
        new ReportWriter().write(Analysis.of(r), out, "I/O test");
        try (var files = Files.list(out.resolve("charts"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-throughput.png")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-throughput.svg")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.endsWith("-efficiency.png")), "no efficiency chart at 256 threads");
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Strategy | In flight | Time per operation (99.9% CI) | Tasks/s | Limit (tasks/s) |"), md);
    }
}
