package io.parbench.bench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The python suite's Java side against its harness: the same strategies and params, every module in the jar, the
 * harness's own tests (standard-library unittest) green, and discovery's sentences when there is no usable python3.
 */
class PythonSuiteTest {

    static final Path SOURCES = Path.of("src/main/python");
    static final Path TESTS = Path.of("src/test/python");

    @TempDir
    Path tmp;

    static Path python3() {
        Path p = PythonRuntime.which("python3", System.getenv("PATH"));
        Assumptions.assumeTrue(p != null, "no python3 on PATH: the harness's own tests need one");
        return p;
    }

    static String run(Path cwd, List<String> cmd, int expectedExit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", SOURCES.toAbsolutePath().toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "took more than 5 minutes");
        assertEquals(expectedExit, p.exitValue(), out);
        return out;
    }

    @Test
    void theJarCarriesEveryModuleOfTheHarness() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(SOURCES.resolve("parbench_py"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
        }
        assertEquals(files, PythonHarness.MODULES.stream().sorted().toList());
        try (PythonHarness h = PythonHarness.extract()) {
            for (String m : PythonHarness.MODULES) {
                assertEquals(Files.readString(SOURCES.resolve("parbench_py").resolve(m)),
                        Files.readString(h.path().resolve("parbench_py").resolve(m)), m);
            }
            Path root = h.path();
            h.close();
            assertFalse(Files.exists(root), "the copy is deleted when the harness is closed");
        }
    }

    @Test
    void aDeadLaunchersCopyIsRemovedAndNoOtherFolder() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(tmp.resolve(PythonHarness.PREFIX + gone.pid() + "-1"));
        Files.writeString(dead.resolve("harness.py"), "x");
        Path alive = Files.createDirectories(tmp.resolve(PythonHarness.PREFIX + ProcessHandle.current().pid() + "-2"));
        Path foreign = Files.createDirectories(tmp.resolve(PythonHarness.PREFIX + "notapid"));
        assertEquals(1, PythonHarness.removeStale(tmp));
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(alive));
        assertTrue(Files.exists(foreign));
    }

    @Test
    void theStrategiesAndParamsAreTheHarnesssOwn() throws Exception {
        String out = run(tmp, List.of(python3().toString(), "-m", "parbench_py", "catalog"), 0);
        JsonNode catalog = new ObjectMapper().readTree(out);
        Map<String, List<String>> strategies = new TreeMap<>();
        catalog.get("strategies").fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(v -> ids.add(v.asText()));
            strategies.put(e.getKey(), ids);
        });
        assertEquals(new TreeMap<>(PythonSuite.STRATEGIES), strategies);
        Map<String, Map<String, String>> params = new TreeMap<>();
        catalog.get("params").fields().forEachRemaining(e -> {
            Map<String, String> m = new TreeMap<>();
            e.getValue().fields().forEachRemaining(p -> m.put(p.getKey(), p.getValue().asText()));
            params.put(e.getKey(), m);
        });
        Map<String, Map<String, String>> ours = new TreeMap<>();
        PythonSuite.PARAMS.forEach((k, v) -> ours.put(k, new TreeMap<>(v)));
        assertEquals(ours, params);
        assertEquals(PythonSuite.STRATEGIES.keySet(), new java.util.LinkedHashSet<>(PythonSuite.entries("python").stream()
                .map(e -> e.workload()).toList()), "one entry per workload");
    }

    @Test
    void theHarnesssOwnTestsPass() throws Exception {
        String out = run(TESTS, List.of(python3().toString(), "-W", "error::ResourceWarning", "-m", "unittest", "-v",
                "test_parbench_py"), 0);
        assertTrue(out.strip().endsWith("OK") || out.strip().matches("(?s).*OK \\(skipped=\\d+\\)"), out);
        for (String test : List.of("test_the_lock_loses_none", "test_sigterm_leaves_no_process",
                "test_a_fork_is_a_jmh_result_with_one_raw_data_row", "test_primes")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(test + " ") && l.endsWith("... ok")), test + ":\n" + out);
        }
    }

    @Test
    void theFoundInterpreterIsDescribed() throws Exception {
        python3();
        try (PythonHarness h = PythonHarness.extract()) {
            PythonRuntime.Found found = PythonRuntime.discover(System.getenv("PATH"), h);
            PythonRuntime r = found.runtimes().get(0);
            assertEquals(PythonSuite.PREFIX, r.prefix());
            assertTrue(PythonRuntime.atLeastMinimum(String.valueOf(r.info().get("version"))), r.info().toString());
            assertTrue(List.of("GIL", "free-threaded").contains(r.info().get("build")), r.info().toString());
            assertTrue(r.info().get("startMethods").toString().contains("spawn"), r.info().toString());
        }
    }

    @Test
    void noPython3SaysWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (PythonHarness h = PythonHarness.extract()) {
            PythonRuntime.Found found = PythonRuntime.discover(empty.toString(), h);
            assertTrue(found.runtimes().isEmpty());
            assertEquals(List.of("no python3 on PATH: " + PythonRuntime.INSTALL), found.notes());
        }
    }

    @Test
    void aPythonTooOldIsLeftOutWithItsVersion() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'Python 3.6.9'; exit 0; fi\n"
                + "echo 'SyntaxError: invalid syntax' >&2; exit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (PythonHarness h = PythonHarness.extract()) {
            PythonRuntime.Found found = PythonRuntime.discover(bin.toString(), h);
            assertTrue(found.runtimes().isEmpty());
            assertEquals(1, found.notes().size());
            assertTrue(found.notes().get(0).endsWith("is Python 3.6.9, older than 3.8: " + PythonRuntime.INSTALL),
                    found.notes().get(0));
        }
    }

    @Test
    void aFreeThreadedBuildOnPathIsTheSecondRuntime() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("ft-bin"));
        fake(bin.resolve("python3"), "GIL");
        fake(bin.resolve("python3.13t"), "free-threaded");
        fake(bin.resolve("python3.14t"), "GIL"); // a build named like one that is not: left out, said so
        try (PythonHarness h = PythonHarness.extract()) {
            PythonRuntime.Found found = PythonRuntime.discover(bin.toString(), h);
            assertEquals(List.of(PythonSuite.PREFIX, PythonSuite.FREE_THREADED_PREFIX),
                    found.runtimes().stream().map(PythonRuntime::prefix).toList());
            assertEquals(bin.resolve("python3.13t"), found.runtimes().get(1).executable());
            assertEquals(List.of("python3.14t is not a free-threaded build; left out"), found.notes());
        }
    }

    /** An interpreter that answers the harness's info as a build of that kind would. */
    private static void fake(Path exe, String build) throws IOException {
        Files.writeString(exe, "#!/bin/sh\necho '{\"executable\": \"" + exe + "\", \"version\": \"3.13.0\", "
                + "\"implementation\": \"cpython\", \"build\": \"" + build + "\", \"gilEnabled\": "
                + (build.equals("GIL") ? "true" : "false") + ", \"startMethods\": [\"fork\", \"spawn\"]}'\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aFailedForkIsToldInTheHarnesssOwnSentence() throws Exception {
        Path stderr = tmp.resolve("fork.stderr");
        Files.writeString(stderr, "Traceback (most recent call last):\n  ...\nparbench_py: the start method 'fork' is "
                + "not available here (available: spawn)\n");
        assertEquals("the start method 'fork' is not available here (available: spawn)",
                PythonForks.harnessSentence(stderr));
        Files.writeString(stderr, "Segmentation fault\n");
        assertEquals(null, PythonForks.harnessSentence(stderr));
    }

    @Test
    void versionsAreComparedAsNumbers() {
        assertTrue(PythonRuntime.atLeastMinimum("3.8.0"));
        assertTrue(PythonRuntime.atLeastMinimum("3.14.0"));
        assertTrue(PythonRuntime.atLeastMinimum("3.13t"));
        assertTrue(PythonRuntime.atLeastMinimum("4.0"));
        assertFalse(PythonRuntime.atLeastMinimum("3.7.17"));
        assertFalse(PythonRuntime.atLeastMinimum("2.7.18"));
        assertFalse(PythonRuntime.atLeastMinimum("unknown"));
    }

    @Test
    void eachProfileTimesForksItsOwnWay() {
        var quick = PythonSuite.Settings.of(io.parbench.bench.run.Profile.QUICK);
        assertEquals(1, quick.warmupIterations());
        assertEquals(5, quick.measurementIterations());
        var smoke = PythonSuite.Settings.of(io.parbench.bench.run.Profile.SMOKE);
        assertEquals(0, smoke.warmupIterations());
        assertEquals(1, smoke.measurementIterations());
        assertTrue(smoke.estimatedSecondsPerFork() < quick.estimatedSecondsPerFork());
    }
}
