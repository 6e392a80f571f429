package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.bench.process.WorkerProtocol;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user runs it: the shaded benchmarks.jar's launcher, the smoke profile, every CPU benchmark
 * once, through JMH's forks, into a run folder. Afterwards no child JVM or JMH fork may be left running.
 */
class SmokeRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void smokeProfileRunsEveryCpuBenchmarkIntoAValidRunFolder() throws Exception {
        Path out = tmp.resolve("smoke-run");
        Process launcher = launch(out, "--profile", "smoke", "--quiet");
        String stdout = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(launcher.waitFor(10, TimeUnit.MINUTES), "the smoke run took more than 10 minutes");
        assertEquals(0, launcher.exitValue(), "launcher failed: " + stderr(out));
        assertEquals(out.toAbsolutePath().toString(), stdout, "stdout is just the run folder's path");

        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        int expected = SuiteCatalog.suite("cpu").size() * 8; // 4 workloads x 8 strategies at one thread count
        assertEquals(expected, results.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : results) {
            JsonNode params = r.get("params");
            seen.add(r.get("benchmark").asText() + " " + params.get("strategy").asText());
            assertEquals("avgt", r.get("mode").asText());
            assertEquals("ms/op", r.get("primaryMetric").get("scoreUnit").asText());
            assertTrue(r.get("primaryMetric").get("score").asDouble() > 0);
            assertTrue(r.get("primaryMetric").get("rawData").get(0).size() >= 1, "raw data kept");
            assertEquals(params.get("strategy").asText().equals("sequential") ? "1" : "2", params.get("threads").asText());
        }
        assertEquals(expected, seen.size(), "every benchmark x strategy exactly once");

        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals(RunEnvironment.SCHEMA_VERSION, env.get("schemaVersion").asInt());
        assertEquals("complete", env.get("status").asText());
        assertEquals("smoke", env.get("profile").asText());
        assertEquals(expected, env.get("matrix").get("completed").asInt());
        assertTrue(env.get("machine").get("cpu").get("logicalCpus").asInt() >= 1);
        assertNotNull(env.get("jvm").get("virtualThreadParallelism"));
        assertNotNull(env.get("loadAverageAfter").get("oneMinute"));
        assertEquals("1.37", env.get("toolkit").get("jmhVersion").asText());
        String log = Files.readString(out.resolve("run.log"));
        assertTrue(log.contains("# JMH version: 1.37"), "run.log holds JMH's output");
        assertFalse(log.contains("WARNING: A terminally deprecated method in sun.misc.Unsafe"), "forks must be quiet");
        assertFalse(log.contains("restricted method"), "no native-access warning");

        assertNoOrphans(out);
    }

    @Test
    void theIoAndSyncSuitesRunInSmokeAndLeaveNothingBehind() throws Exception {
        Path out = tmp.resolve("io-sync-run");
        Set<String> tmpBefore = parbenchTempFiles();
        Process launcher = launch(out, "--suite", "io,sync", "--profile", "smoke", "--quiet");
        launcher.getInputStream().readAllBytes();
        assertTrue(launcher.waitFor(10, TimeUnit.MINUTES), "the smoke run took more than 10 minutes");
        assertEquals(0, launcher.exitValue(), "launcher failed: " + stderr(out));

        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        Set<String> benchmarks = new HashSet<>();
        int io = 0;
        for (JsonNode r : results) {
            benchmarks.add(r.get("benchmark").asText().replaceAll("\\.[^.]+$", ""));
            if (r.get("benchmark").asText().contains(".suite.io.")) {
                io++;
                assertEquals(r.get("params").get("strategy").asText().equals("sequential") ? "1" : "4",
                        r.get("params").get("threads").asText(), "the io suite's smoke concurrency is 4");
            }
            if (r.get("benchmark").asText().endsWith("CounterContention.increment")) {
                assertEquals(2, r.get("threads").asInt(), "contenders are JMH threads");
                double lost = r.get("secondaryMetrics").get("lostUpdates").get("score").asDouble();
                assertTrue(r.get("params").get("primitive").asText().equals("racy") || lost == 0,
                        "only the racy counter loses updates: " + r);
            }
        }
        assertEquals(3 * 7 + 4, io, "latency, file, http: sequential + 6 strategies; hybrid: 4 variants");
        for (SuiteCatalog.Entry e : SuiteCatalog.suite("sync")) {
            assertTrue(benchmarks.contains(e.benchmarkClass().getName()), "no result from " + e.benchmarkClass());
        }
        JsonNode hazards = JSON.readTree(out.resolve("hazards.json").toFile());
        assertEquals(5, hazards.get("hazards").size(), "the sync suite runs the hazard demos into the run folder");
        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals("complete", env.get("status").asText());
        assertEquals(0, env.get("matrix").get("failed").asInt());
        assertEquals("jmhThreads", env.path("benchmarks").path(io.parbench.bench.suite.sync.CounterContention.class.getName())
                .path("axis").asText(), "the traits the analyzer reads instead of names: " + env.path("benchmarks"));
        assertTrue(env.path("benchmarks").path(io.parbench.bench.suite.io.HttpBenchmark.class.getName() + ".run")
                .path("server").asBoolean(), "the http benchmark's server is recorded");
        assertEquals(tmpBefore, parbenchTempFiles(), "temporary files and folders are deleted at tear-down");
        assertNoOrphans(out);
    }

    /**
     * The parbench files and folders in this test's own temporary folder (the launcher gets it as java.io.tmpdir and
     * the forks inherit it), so that what other processes leave in the shared one cannot fail the test.
     */
    private Set<String> parbenchTempFiles() throws IOException {
        try (var files = Files.list(jvmTmp())) {
            return new HashSet<>(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("parbench-")).toList());
        }
    }

    @Test
    void anInterruptedRunKeepsEveryFinishedBenchmarkAndLeavesNoProcess() throws Exception {
        Path out = tmp.resolve("interrupted-run");
        // Warm process pools at several thread counts: the run is interrupted while child JVMs work.
        Process launcher = launch(out, "--profile", "smoke", "--include", "Primes", "--strategies", "pool,process",
                "--threads", "1,2,3,4", "--quiet", "--", "-i", "2", "-r", "1");
        Path results = awaitResults(out, 5);
        launcher.destroy(); // SIGTERM, as a CI runner's cancel sends
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop");

        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals("interrupted", env.get("status").asText());
        JsonNode kept = JSON.readTree(results.toFile());
        assertTrue(kept.size() >= 5 && kept.size() < 8, "kept " + kept.size());
        assertNoOrphans(out);
    }

    @Test
    void roundsRunEveryBenchmarkOnceARoundInARecordedReplayableOrder() throws Exception {
        Path out = tmp.resolve("rounds-run");
        runToTheEnd(out, "--profile", "smoke", "--include", "primes|sumsq", "--strategies",
                "sequential,pool,process-cold",
                "--seed", "42", "--quiet", "--", "-f", "3", "-wi", "1", "-i", "2");
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(6, results.size(), "one entry per benchmark, not one per fork");
        for (JsonNode r : results) {
            int forks = r.get("params").get("strategy").asText().equals("process-cold") ? 2 : 3;
            assertEquals(forks, r.get("forks").asInt(), r.get("params").toString());
            assertEquals(forks, r.get("primaryMetric").get("rawData").size(), "one rawData row per fork (round)");
            r.get("primaryMetric").get("rawData").forEach(row -> assertEquals(2, row.size()));
        }
        JsonNode iterations = JSON.readTree(out.resolve("iterations.json").toFile());
        assertEquals(42, iterations.get("rounds").get("seed").asLong());
        JsonNode rounds = iterations.get("rounds").get("rounds");
        assertEquals(3, rounds.size());
        List<Set<String>> orders = new ArrayList<>();
        for (JsonNode round : rounds) {
            Set<String> order = new HashSet<>();
            round.get("order").forEach(n -> order.add(n.asText()));
            assertEquals(round.get("order").size(), order.size(), "a benchmark runs at most once a round");
            orders.add(order);
        }
        assertEquals(6, orders.get(0).size());
        assertEquals(orders.get(0), orders.get(1), "every round runs every benchmark once");
        Set<String> last = new HashSet<>(orders.get(0));
        last.removeIf(label -> label.contains("strategy=process-cold"));
        assertEquals(4, last.size());
        assertEquals(last, orders.get(2), "process-cold sits out the last of three rounds");
        // The order is replayable: java.util.Random(seed + round) shuffles the plan's benchmarks that run in the round.
        List<PlannedBenchmark> planned = MatrixPlanner.plan(List.of("cpu"), Profile.SMOKE, null, null,
                List.of("sequential", "pool", "process-cold"), "primes|sumsq", 2, 2);
        for (int r = 0; r < 3; r++) {
            int round = r + 1;
            List<String> expected = new ArrayList<>(planned.stream().filter(b -> b.runsIn(round, 3))
                    .map(PlannedBenchmark::label).toList());
            java.util.Collections.shuffle(expected, new java.util.Random(42 + round));
            List<String> recorded = new ArrayList<>();
            rounds.get(r).get("order").forEach(n -> recorded.add(n.asText()));
            assertEquals(expected, recorded, "round " + round);
        }
        JsonNode bench = null;
        for (JsonNode b : iterations.get("benchmarks")) {
            bench = b.get("params").get("strategy").asText().equals("pool") ? b : bench;
        }
        assertNotNull(bench);
        assertEquals(3, bench.get("forks").size());
        assertEquals(1, bench.get("forks").get(0).get("warmup").size(), "warm-up iterations are kept");
        assertEquals(2, bench.get("forks").get(0).get("measurement").size());
        assertEveryForkTimed(iterations);
        assertNoOrphans(out);
    }

    @Test
    void adaptivePrecisionAddsRoundsUntilTheTimeIsUpAndSaysWhatWasNotReached() throws Exception {
        Path out = tmp.resolve("adaptive-run");
        runToTheEnd(out, "--profile", "smoke", "--include", "primes", "--strategies", "sequential",
                "--precision", "0.001%", "--max-time", "25s", "--quiet", "--", "-f", "2", "-i", "2");
        JsonNode adaptive = JSON.readTree(out.resolve("environment.json").toFile()).get("adaptive");
        assertEquals(0.00001, adaptive.get("precision").asDouble(), 1e-12);
        assertTrue(adaptive.get("addedRounds").asInt() >= 1, adaptive.toString());
        assertEquals(1, adaptive.get("notReached").size(), "a thousandth of a percent is out of reach: " + adaptive);
        JsonNode r = JSON.readTree(out.resolve("results.json").toFile()).get(0);
        assertEquals(2 + adaptive.get("addedRounds").asInt(), r.get("forks").asInt(), "one fork per added round");
        assertNoOrphans(out);
    }

    @Test
    void aKilledRunSaysWhatCompletedAndLeavesNoProcess() throws Exception {
        Path out = tmp.resolve("killed-run");
        Process launcher = launch(out, "--profile", "smoke", "--include", "primes", "--strategies", "sequential,pool",
                "--threads", "1,2,3,4", "--quiet", "--", "-i", "2", "-r", "1");
        Path results = awaitResults(out, 3);
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not die");

        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        JsonNode kept = JSON.readTree(results.toFile());
        assertEquals("running", env.get("status").asText(), "nothing could record the kill");
        assertEquals(launcher.pid(), env.get("launcherPid").asLong(), "the pid tells a reader the launcher is gone");
        int completed = env.get("matrix").get("completed").asInt();
        // environment.json is rewritten right after results.json: the kill may fall between the two writes.
        assertTrue(completed == kept.size() || completed == kept.size() - 1,
                "environment.json counts " + completed + " completed, results.json holds " + kept.size());
        assertTrue(kept.size() >= 3, "kept " + kept.size());
        assertNoOrphans(out);
    }

    @Test
    void aFailingBenchmarkIsRecordedAndTheOthersStillRun() throws Exception {
        Path out = tmp.resolve("failing-run");
        // An invalid work factor makes the primes benchmarks fail in their set-up, inside JMH's fork.
        Process launcher = launch(out, "--profile", "smoke", "--include", "Primes|SumSquares", "--strategies",
                "sequential,pool", "--quiet", "--", "-jvmArgsAppend", "-Dparbench.workFactor=primes=bogus");
        launcher.getInputStream().readAllBytes();
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES));
        assertEquals(1, launcher.exitValue(), "a failed benchmark makes the run fail");
        assertTrue(stderr(out).contains("FAILED: IllegalArgumentException"), stderr(out));
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(2, results.size(), "both sumsq benchmarks finished");
        results.forEach(r -> assertTrue(r.get("benchmark").asText().endsWith("SumSquaresBenchmark.run")));
        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals("failed", env.get("status").asText());
        assertEquals(2, env.get("failures").size());
        String message = env.get("failures").get(0).get("message").asText();
        assertTrue(message.contains("parbench.workFactor"), message);
        assertNoOrphans(out);
    }

    /**
     * The command that runs the shaded jar's launcher as a user would ({@code run --out out args}), with the flags
     * {@code scripts/parbench} gives it, {@code jvmFlags} and a temporary folder of the test's own.
     */
    static List<String> launcherCommand(Path out, Path jvmTmp, List<String> jvmFlags, String... args) {
        String jar = System.getProperty("parbench.benchmarksJar");
        assertNotNull(jar, "run through Maven's failsafe (it sets parbench.benchmarksJar)");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(jvmFlags);
        cmd.add("-Djava.io.tmpdir=" + jvmTmp);
        cmd.addAll(List.of("-cp", jar, ParbenchMain.class.getName(), "run", "--out", out.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Process launch(Path out, String... args) throws IOException {
        // forks inherit the marker: how we find them afterwards
        List<String> cmd = launcherCommand(out, jvmTmp(), List.of("-Dparbench.it.marker=" + out.toAbsolutePath()), args);
        // The launcher's stderr goes to a file beside the run folder: a benchmark failing on purpose should not
        // look like a failure in the build's log.
        return new ProcessBuilder(cmd).redirectError(out.resolveSibling(out.getFileName() + ".stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** Runs the launcher to its end (at most 5 minutes) and asserts that it succeeded. */
    private void runToTheEnd(Path out, String... args) throws Exception {
        Process launcher = launch(out, args);
        launcher.getInputStream().readAllBytes();
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES), "the launcher took more than 5 minutes");
        assertEquals(0, launcher.exitValue(), stderr(out));
    }

    /** Waits (up to 3 minutes) until the run's results.json holds {@code n} benchmarks; returns its path. */
    private static Path awaitResults(Path out, int n) throws Exception {
        Path results = out.resolve("results.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && (!Files.exists(results) || JSON.readTree(results.toFile()).size() < n)) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(results), "no benchmark finished within 3 minutes");
        return results;
    }

    private Path jvmTmp() throws IOException {
        return Files.createDirectories(tmp.resolve("jvm-tmp"));
    }

    private static String stderr(Path out) throws IOException {
        return Files.readString(out.resolveSibling(out.getFileName() + ".stderr"));
    }

    /** No JMH fork of this run and no child worker may still be alive a few seconds after the launcher ends. */
    /** Every fork of iterations.json is timed, and its wall time holds its measured iterations and more (a start). */
    static void assertEveryForkTimed(JsonNode iterations) {
        for (JsonNode b : iterations.get("benchmarks")) {
            for (JsonNode f : b.get("forks")) {
                double seconds = f.path("seconds").asDouble(Double.NaN);
                double measured = f.path("measuredSeconds").asDouble(Double.NaN);
                assertTrue(measured > 0 && seconds > measured, "a fork is timed, and its wall time holds its measured "
                        + "iterations and more (a JVM's or an interpreter's start): " + f);
            }
        }
    }

    private static void assertNoOrphans(Path out) throws InterruptedException {
        String marker = "-Dparbench.it.marker=" + out.toAbsolutePath();
        assertNoProcess(c -> c.contains(marker));
    }

    /**
     * No process whose command line {@code ours} recognises, and no child worker, may still be alive 15 seconds
     * from now (this JVM excepted).
     */
    static void assertNoProcess(java.util.function.Predicate<String> ours) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> ours.test(c)
                            || c.contains("-D" + WorkerProtocol.MARKER_PROPERTY + "=")).orElse(false))
                    .filter(p -> p.pid() != ProcessHandle.current().pid())
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("processes left behind: " + left);
    }
}
