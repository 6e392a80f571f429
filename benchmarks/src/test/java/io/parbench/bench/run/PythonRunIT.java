package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.bench.python.PythonRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The python suite end to end, as a user runs it: the shaded jar's launcher, CPython forks in the rounds, one
 * results.json with JMH's shape; the suite skipped with one sentence when there is no python3; and no interpreter,
 * pool worker, forkserver or resource tracker left after a run that is stopped or killed.
 */
class PythonRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final Instant started = Instant.now();

    @Test
    void theSmokeProfileRunsEveryPythonBenchmarkIntoTheRunFolder() throws Exception {
        assumePython();
        Path out = tmp.resolve("python-smoke");
        Process launcher = launch(out, System.getenv("PATH"), "--suite", "python", "--profile", "smoke", "--quiet");
        String stdout = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, launcher.exitValue(), stderr(out));
        assertEquals(out.toAbsolutePath().toString(), stdout);

        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("python"), Profile.SMOKE, null, null, null, null, 2, 2);
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(plan.size(), results.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            assertTrue(name.startsWith("python."), name);
            seen.add(name + " " + r.get("params").get("strategy").asText() + " " + r.get("params").get("threads").asText());
            assertEquals("avgt", r.get("mode").asText());
            assertEquals("ms/op", r.get("primaryMetric").get("scoreUnit").asText());
            assertTrue(r.get("primaryMetric").get("score").asDouble() > 0, r.toString());
            assertEquals(1, r.get("primaryMetric").get("rawData").size(), "one row per fork");
            assertEquals(1, r.get("forks").asInt());
        }
        assertEquals(plan.size(), seen.size(), "every benchmark once");
        JsonNode counter = find(results, "python.counter", "locked");
        assertEquals(0.0, counter.get("secondaryMetrics").get("lostUpdates").get("score").asDouble(), "the Lock loses none");
        JsonNode http = find(results, "python.http", "asyncio");
        assertEquals("4096", http.get("params").get("responseBytes").asText(), "the workload's params are recorded");

        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals("complete", env.get("status").asText());
        assertEquals(plan.size(), env.get("matrix").get("completed").asInt());
        JsonNode runtime = env.get("python").get("runtimes").get(0);
        assertEquals("python", runtime.get("prefix").asText());
        assertTrue(PythonRuntime.atLeastMinimum(runtime.get("info").get("version").asText()), runtime.toString());
        assertNotNull(runtime.get("info").get("build"));
        JsonNode iterations = JSON.readTree(out.resolve("iterations.json").toFile());
        assertEquals(plan.size(), iterations.get("benchmarks").size(), "every python fork's iterations are recorded");
        SmokeRunIT.assertEveryForkTimed(iterations);
        assertNoPythonLeft();
    }

    @Test
    void withoutPython3TheSuiteIsSkippedInOneSentenceAndTheRestRuns() throws Exception {
        Path noPython = Files.createDirectories(tmp.resolve("no-python-bin"));
        Path out = tmp.resolve("cpu-without-python");
        Process launcher = launch(out, noPython.toString(), "--suite", "cpu,python", "--profile", "smoke", "--include",
                "primes", "--strategies", "sequential"); // not --quiet: it would hide the warning
        launcher.getInputStream().readAllBytes();
        assertTrue(launcher.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, launcher.exitValue(), stderr(out));
        assertTrue(stderr(out).contains("warning: the python suite is skipped: no python3 on PATH: " + PythonRuntime.INSTALL),
                stderr(out));
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(1, results.size());
        assertTrue(results.get(0).get("benchmark").asText().endsWith("PrimesBenchmark.run"));
        JsonNode env = JSON.readTree(out.resolve("environment.json").toFile());
        assertEquals(0, env.get("python").get("runtimes").size());
        assertTrue(env.get("python").get("notes").get(0).asText().startsWith("no python3 on PATH"));

        Path alone = tmp.resolve("python-alone");
        Process only = launch(alone, noPython.toString(), "--suite", "python", "--profile", "smoke", "--quiet");
        only.getInputStream().readAllBytes();
        assertTrue(only.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, only.exitValue());
        assertEquals("parbench: nothing to run: the python suite needs an interpreter, and no python3 on PATH: "
                + PythonRuntime.INSTALL, stderr(alone).strip());
    }

    @Test
    void aStoppedRunLeavesNoInterpreterNorPoolWorker() throws Exception {
        assumePython();
        Path out = tmp.resolve("python-stopped");
        // forkserver and spawn pools: the processes a plain kill of the interpreter would orphan
        Process launcher = launch(out, System.getenv("PATH"), "--suite", "python", "--include", "primes", "--strategies",
                "process-forkserver,process-spawn", "--threads", "2", "--quiet");
        awaitPoolWorkers();
        ProcessHandle.of(launcher.pid()).orElseThrow().destroy(); // SIGTERM, as Ctrl-C's shutdown path
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertEquals("interrupted", JSON.readTree(out.resolve("environment.json").toFile()).get("status").asText());
        assertNoPythonLeft();
    }

    @Test
    void aKilledLauncherLeavesNoInterpreterEither() throws Exception {
        assumePython();
        Path out = tmp.resolve("python-killed");
        Process launcher = launch(out, System.getenv("PATH"), "--suite", "python", "--include", "primes", "--strategies",
                "mp-pool,process-forkserver", "--threads", "2", "--quiet");
        awaitPoolWorkers();
        launcher.destroyForcibly(); // SIGKILL: no hook runs; the interpreter notices its parent is gone
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        // nothing could delete the harness's copy: the next run does, the launcher that made it being gone
        Path next = tmp.resolve("python-next");
        Process again = launch(next, System.getenv("PATH"), "--suite", "python", "--profile", "smoke", "--include",
                "start", "--strategies", "thread", "--quiet");
        again.getInputStream().readAllBytes();
        assertTrue(again.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, again.exitValue(), stderr(next));
        assertNoPythonLeft();
    }

    private static void assumePython() {
        Assumptions.assumeTrue(PythonRuntime.which("python3", System.getenv("PATH")) != null, "no python3 on PATH");
    }

    private static JsonNode find(JsonNode results, String benchmark, String strategy) {
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().equals(benchmark) && r.get("params").get("strategy").asText().equals(strategy)) {
                return r;
            }
        }
        throw new AssertionError("no " + benchmark + " " + strategy);
    }

    /** CPython processes of the harness started since this test began: forks, pool workers, forkservers, trackers. */
    private List<String> ourPython() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(started.minusSeconds(1))).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("parbench_py") || c.contains("multiprocessing"))
                        .orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /**
     * Waits until a fork's pool has workers (a fork and at least two more harness processes), at most two minutes. The
     * launcher's short-lived interpreter probe ({@code parbench_py info}, behind a pyenv shim a bash process too) is
     * not counted: it once made three processes for a moment and let the wait end before any pool existed.
     */
    private void awaitPoolWorkers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        List<String> seen = forkAndWorkers();
        while (System.nanoTime() < deadline && seen.size() < 3) {
            Thread.sleep(100);
            seen = forkAndWorkers();
        }
        assertTrue(seen.size() >= 3, "no pool started: " + ourPython());
    }

    /** The harness's fork processes and their pool workers, once a fork runs; empty before. */
    private List<String> forkAndWorkers() {
        List<String> all = ourPython().stream().filter(c -> !c.contains("parbench_py info")).toList();
        return all.stream().anyMatch(c -> c.contains("parbench_py fork")) ? all : List.of();
    }

    /**
     * No harness process, no copy of the harness in the launcher's temporary folder, and no multiprocessing semaphore
     * made since the test began left in /dev/shm.
     */
    private void assertNoPythonLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> left = ourPython();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = ourPython();
        }
        assertEquals(List.of(), left, "processes left behind");
        try (var s = Files.list(Files.createDirectories(tmp.resolve("jvm-tmp")))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("parbench-python-")).toList(),
                    "the harness's temporary copy is deleted");
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm)) {
            try (var s = Files.list(shm)) {
                List<Path> semaphores = s.filter(p -> p.getFileName().toString().startsWith("sem.mp-")).filter(p -> {
                    try {
                        return !Files.getLastModifiedTime(p).toInstant().isBefore(started.minusSeconds(1));
                    } catch (IOException e) {
                        return false; // gone meanwhile
                    }
                }).toList();
                assertEquals(List.of(), semaphores, "multiprocessing's semaphores are unlinked");
            }
        }
    }

    private Process launch(Path out, String path, String... args) throws IOException {
        List<String> cmd = SmokeRunIT.launcherCommand(out, Files.createDirectories(tmp.resolve("jvm-tmp")), List.of(),
                args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(out.resolveSibling(out.getFileName() + ".stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("PATH", path);
        return pb.start();
    }

    private static String stderr(Path out) throws IOException {
        return Files.readString(out.resolveSibling(out.getFileName() + ".stderr"));
    }
}
