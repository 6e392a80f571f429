package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.ReportDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "The claims, checked": each claim's verdict from the measurements, in the cases a course meets. */
class ClaimsTest {

    private static final String JVM_PRIMES = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";
    private static final double NOISE = 0.01;

    @TempDir
    Path tmp;

    private static Map<String, String> p(String strategy, int threads, long size, String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("strategy", strategy);
        m.put("threads", Integer.toString(threads));
        m.put("size", Long.toString(size));
        for (int i = 0; i + 1 < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    /** CPython 3.11 on two cores, as measured by hand in the issue, with the JVM beside it. */
    private static void cpython(SyntheticJmh s, String prefix, double threadpoolTime) {
        String primes = prefix + ".primes";
        s.avgt(primes, p("sequential", 1, 300_000), 330, NOISE);
        s.avgt(primes, p("thread", 2, 300_000), 350, NOISE);
        s.avgt(primes, p("threadpool", 2, 300_000), threadpoolTime, NOISE);
        s.avgt(primes, p("process-fork", 2, 300_000), 180, NOISE);
        s.avgt(primes, p("process-spawn", 2, 300_000), 185, NOISE);
        String start = prefix + ".start";
        s.avgt(start, p("fork", 1, 1), 5, NOISE);
        s.avgt(start, p("spawn", 1, 1), 50, NOISE);
        s.avgt(start, p("forkserver", 1, 1), 8, NOISE);
        s.avgt(start, p("pool", 1, 1), 0.2, NOISE);
        s.avgt(start, p("thread", 1, 1), 0.1, NOISE);
        String sleep = prefix + ".sleep";
        s.avgt(sleep, p("sequential", 1, 256, "latencyMs", "1"), 280, NOISE);
        s.avgt(sleep, p("threadpool", 16, 256, "latencyMs", "1"), 19, NOISE);
        s.avgt(sleep, p("threadpool", 256, 256, "latencyMs", "1"), 6, NOISE);
        String http = prefix + ".http";
        s.avgt(http, p("sequential", 1, 256, "latencyMs", "1"), 600, NOISE);
        s.avgt(http, p("asyncio", 256, 256, "latencyMs", "1"), 40, NOISE);
        s.avgt(http, p("threadpool", 256, 256, "latencyMs", "1"), 80, NOISE);
        s.avgt(http, p("thread", 256, 256, "latencyMs", "1"), 90, NOISE);
        String counter = prefix + ".counter";
        s.avgt(counter, p("unlocked", 2, 200_000), 30, NOISE).secondary("lostUpdates", "updates/op", 0);
        s.avgt(counter, p("unlocked-call", 2, 200_000), 40, NOISE).secondary("lostUpdates", "updates/op", 150_000);
        s.avgt(counter, p("locked", 2, 200_000), 90, NOISE).secondary("lostUpdates", "updates/op", 0);
        String pickle = prefix + ".pickle";
        s.avgt(pickle, p("process-fork", 1, 1_000_000), 90, NOISE);
        s.avgt(pickle, p("threadpool", 1, 1_000_000), 0.05, NOISE);
        s.avgt(pickle, p("pickle", 1, 1_000_000), 60, NOISE);
        String hybrid = prefix + ".hybrid";
        s.avgt(hybrid, p("sequential", 1, 128, "latencyMs", "2"), 900, NOISE);
        s.avgt(hybrid, p("threadpool", 256, 128, "latencyMs", "2"), 500, NOISE);
        s.avgt(hybrid, p("hybrid", 256, 128, "latencyMs", "2"), 300, NOISE);
    }

    private static void jvm(SyntheticJmh s) {
        s.avgt(JVM_PRIMES, p("sequential", 1, 300_000), 25, NOISE);
        s.avgt(JVM_PRIMES, p("pool", 2, 300_000), 13, NOISE);
        s.avgt(JVM_PRIMES, p("process", 2, 300_000), 15, NOISE);
        s.avgt(JVM_PRIMES, p("process-cold", 2, 300_000), 60, NOISE);
    }

    private Run run(Consumer<SyntheticJmh> build, int cores) throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        build.accept(s);
        Path dir = Files.createDirectories(tmp.resolve("run" + System.nanoTime()));
        Files.writeString(dir.resolve("results.json"), s.json());
        Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(Map.of("schemaVersion", 1,
                "machine", Map.of("cpu", Map.of("physicalCores", cores, "logicalCpus", cores, "numaNodes", 1)),
                "python", Map.of("runtimes", List.of(Map.of("prefix", "python", "info", Map.of("implementation",
                        "cpython", "version", "3.11.7", "build", "GIL", "startMethods", List.of("fork", "spawn",
                        "forkserver"), "defaultStartMethod", "fork")))))));
        return new RunReader().read(dir);
    }

    private static Map<String, Claims.Checked> byId(Run run) {
        Map<String, Claims.Checked> m = new HashMap<>();
        Claims.check(Analysis.of(run)).forEach(c -> m.put(c.claim().id(), c));
        return m;
    }

    @Test
    void everyClaimHasItsWordingItsSourceAndACheck() {
        List<Claims.Claim> claims = Claims.list();
        assertEquals(Claims.checkedIds(), claims.stream().map(Claims.Claim::id).toList());
        for (Claims.Claim c : claims) {
            assertFalse(c.wording().isBlank(), c.id());
            assertFalse(c.source().isBlank(), c.id());
            assertTrue(c.url() == null || c.url().startsWith("https://docs.python.org/"), c.id() + ": " + c.url());
        }
    }

    @Test
    void cpythonBesideTheJvmTheGilClaimsHoldForCpythonOnly() throws IOException {
        Map<String, Claims.Checked> c = byId(run(s -> {
            cpython(s, "python", 350);
            jvm(s);
        }, 2));
        assertEquals(Claims.Verdict.CPYTHON_ONLY, c.get("gil-threads-cpu").verdict());
        assertTrue(c.get("gil-threads-cpu").python().startsWith("threadpool at 2 threads: 0.94x ["), c.get("gil-threads-cpu").python());
        assertTrue(c.get("gil-threads-cpu").jvm().startsWith("pool at 2 threads: 1.92x ["), c.get("gil-threads-cpu").jvm());
        assertEquals(Claims.Verdict.JVM_ONLY, c.get("threads-for-cpu").verdict());
        assertEquals(Claims.Verdict.HOLDS, c.get("processes-parallel").verdict());
        assertTrue(c.get("processes-parallel").jvm().startsWith("process (child JVMs) at 2 threads: 1.6"),
                c.get("processes-parallel").jvm());
        assertEquals(Claims.Verdict.HOLDS, c.get("pools-amortise-start").verdict(), c.get("pools-amortise-start").python());
        assertTrue(c.get("pools-amortise-start").python().contains("fork costs 25x ["), c.get("pools-amortise-start").python());
        assertTrue(c.get("pools-amortise-start").jvm().matches("a child JVM per operation \\(process-cold\\) takes (3.9|4.0).*"),
                c.get("pools-amortise-start").jvm());
        assertEquals(Claims.Verdict.HOLDS, c.get("fork-faster-than-spawn").verdict());
        assertEquals(Claims.Verdict.HOLDS, c.get("threads-io").verdict());
        assertTrue(c.get("threads-io").python().startsWith("threadpool with 256 in flight: 46."), c.get("threads-io").python());
        assertEquals("not in this run (add --suite io)", c.get("threads-io").jvm());
        assertEquals(Claims.Verdict.HOLDS, c.get("asyncio-many-connections").verdict());
        assertEquals(Claims.Verdict.HOLDS, c.get("counter-race").verdict());
        assertTrue(c.get("counter-race").python().contains("2 threads adding 1 200,000 times each, updates lost per run: counter += 1 0, counter += one() 150,000, with a Lock 0"),
                c.get("counter-race").python());
        assertTrue(c.get("counter-race").lesson().contains("3.10+"), "the plain line lost nothing: the lesson says why");
        assertEquals(Claims.Verdict.HOLDS, c.get("pickling").verdict(), c.get("pickling").python());
        assertEquals(Claims.Verdict.HOLDS, c.get("hybrid-helps").verdict());
    }

    @Test
    void aFreeThreadedBuildWhoseThreadsScaleMakesTheGilClaimsTheGilBuildsOnly() throws IOException {
        Map<String, Claims.Checked> c = byId(run(s -> {
            cpython(s, "python", 350);
            s.avgt("python-ft.primes", p("sequential", 1, 300_000), 400, NOISE);
            s.avgt("python-ft.primes", p("threadpool", 2, 300_000), 210, NOISE);
        }, 2));
        assertEquals(Claims.Verdict.GIL_ONLY, c.get("gil-threads-cpu").verdict());
        assertTrue(c.get("gil-threads-cpu").python().contains("; free-threaded: threadpool at 2 threads: 1.90x"),
                c.get("gil-threads-cpu").python());
        assertEquals("not in this run (add --suite cpu)", c.get("gil-threads-cpu").jvm());
        assertEquals(Claims.Verdict.FREE_THREADED_ONLY, c.get("threads-for-cpu").verdict());
    }

    @Test
    void overlappingIntervalsGiveNoVerdict() throws IOException {
        Map<String, Claims.Checked> c = byId(run(s -> {
            cpython(s, "python", 350);
            // asyncio and threads tie; fork and spawn tie; noise wide enough for the intervals to overlap
            s.avgt("python.http", p("asyncio", 512, 256, "latencyMs", "1"), 80, 0.2);
            s.avgt("python.http", p("threadpool", 512, 256, "latencyMs", "1"), 80, 0.2);
        }, 2));
        assertEquals(Claims.Verdict.NOT_SHOWN, c.get("asyncio-many-connections").verdict(),
                c.get("asyncio-many-connections").python());
        assertTrue(c.get("asyncio-many-connections").python().startsWith("512 GETs in flight"));
    }

    @Test
    void oneCoreCannotShowParallelismAndMissingBenchmarksAreNotMeasured() throws IOException {
        Map<String, Claims.Checked> c = byId(run(s -> {
            s.avgt("python.primes", p("sequential", 1, 300_000), 330, NOISE);
            s.avgt("python.primes", p("process-fork", 2, 300_000), 340, NOISE);
        }, 1));
        assertEquals(Claims.Verdict.NOT_SHOWN, c.get("processes-parallel").verdict());
        assertTrue(c.get("processes-parallel").lesson().contains("one core"));
        assertEquals(Claims.Verdict.NOT_MEASURED, c.get("gil-threads-cpu").verdict());
        assertEquals(Claims.Verdict.NOT_MEASURED, c.get("counter-race").verdict());
        assertEquals("This run did not measure the counter race at 2 or more threads.", c.get("counter-race").lesson());
    }

    @Test
    void aRunWithoutThePythonSuiteHasNoClaimsSection() throws IOException {
        Run jvmOnly = run(ClaimsTest::jvm, 2);
        assertTrue(Claims.check(Analysis.of(jvmOnly)).isEmpty());
        assertTrue(new ReportDocument(Analysis.of(jvmOnly), "t").blocks().stream()
                .noneMatch(b -> b.toString().contains("The claims, checked")));
        Run both = run(s -> {
            cpython(s, "python", 350);
            jvm(s);
        }, 2);
        assertNotNull(new ReportDocument(Analysis.of(both), "t").blocks().stream()
                .filter(b -> b.toString().contains("The claims, checked")).findFirst().orElse(null));
        assertEquals("python", io.parbench.analyzer.model.Traits.legacy("python.primes").suite());
        assertEquals("python", io.parbench.analyzer.model.Traits.legacy("python-ft.sleep").suite());
    }
}
