package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Traits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the analyzer concludes comes from what the launcher recorded (environment.json's {@code benchmarks}), not from
 * names: a renamed class keeps its findings, a user's {@code HttpClientBench} is not taken for parbench's HTTP benchmark,
 * and only a run folder written before the traits existed falls back to the old names.
 */
class TraitsTest {

    @TempDir
    Path tmp;

    /** 1,000 tasks of 10 ms; "pool" saturates at 4 in flight, which draws a sentence on what bounds it. */
    private Run run(String benchmark, Map<String, Object> traits, boolean withEnvironment) throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.avgt(benchmark, params("sequential", 1), 10_000, 0.001);
        for (int c : new int[] {1, 4, 32, 256}) {
            s.avgt(benchmark, params("virtual", c), Math.max(10_000.0 / c, 10) * 1.02, 0.001);
            s.avgt(benchmark, params("pool", c), 10_000.0 / Math.min(c, 4), 0.001);
        }
        Path dir = tmp.resolve("run" + Math.abs((benchmark + traits).hashCode()) + withEnvironment);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        if (withEnvironment) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("schemaVersion", 1);
            env.put("machine", Map.of("cpu", Map.of("physicalCores", 2, "logicalCpus", 2, "numaNodes", 1)));
            if (traits != null) {
                env.put("benchmarks", Map.of(benchmark.substring(0, benchmark.lastIndexOf('.')), traits));
            }
            Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(env));
        }
        return new RunReader().read(dir);
    }

    private static Map<String, String> params(String strategy, int threads) {
        Map<String, String> p = new HashMap<>(Map.of("size", "1000", "latencyMs", "10"));
        p.put("strategy", strategy);
        p.put("threads", Integer.toString(threads));
        return p;
    }

    private static Map<String, Object> traits(boolean server) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("suite", "io");
        t.put("workload", "http");
        t.put("work", "io");
        t.put("runtime", "jvm");
        t.put("server", server);
        t.put("pipeline", false);
        t.put("axis", "threads");
        t.put("baseline", "sequential");
        return t;
    }

    private static String findings(Analysis a) {
        return String.join("\n", a.findings().stream().map(Finding::sentence).toList());
    }

    @Test
    void theRecordedTraitsDecideAndTheClassNameDoesNot() throws IOException {
        Analysis renamed = Analysis.of(run("io.parbench.bench.suite.io.RenamedFetch.run", traits(true), true));
        ScalingGroup g = renamed.groups().get(0);
        assertEquals("io", g.suite());
        assertTrue(g.traits().server());
        assertTrue(findings(renamed).contains("the server sharing the cores"), findings(renamed));
        assertEquals("I/O-bound", renamed.recommendations().get(0).kind());

        Analysis named = Analysis.of(run("io.parbench.bench.suite.io.HttpBenchmark.run", traits(false), true));
        assertFalse(findings(named).contains("the server sharing the cores"), "the traits say no server: " + findings(named));
    }

    @Test
    void aUsersFileWithoutEnvironmentIsNotReadIntoByItsNames() throws IOException {
        Analysis a = Analysis.of(run("com.acme.HttpClientBench.get", null, false));
        ScalingGroup g = a.groups().get(0);
        assertEquals(Traits.UNKNOWN, g.traits());
        assertEquals("other", g.suite());
        assertFalse(findings(a).contains("server"), findings(a));
        assertTrue(Throughput.applies(g), "its latencyMs param, which is data, still makes it I/O work");
    }

    @Test
    void aRunFolderFromBeforeTheTraitsFallsBackToTheOldNames() throws IOException {
        Run old = run("io.parbench.bench.suite.io.HttpBenchmark.run", null, true);
        Traits t = old.traits("io.parbench.bench.suite.io.HttpBenchmark.run");
        assertEquals(new Traits("io", "http", "io", "jvm", true, false, null, null), t);
        assertEquals("python", Traits.legacy("python-ft.primes").suite());
        assertTrue(Traits.legacy("python.sleep").cpython());
        assertEquals(Traits.UNKNOWN, Traits.of(io.parbench.analyzer.model.Environment.none(), "x.Y.z"));
    }
}
