package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parbench ab} end to end: the launcher with two jars (a private copy of the shaded benchmarks.jar, so that any
 * process still running it afterwards is ours), the smoke profile, and the script with a git ref built in a worktree.
 */
class AbRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path jar;

    @BeforeEach
    void copyJar() throws IOException {
        String built = System.getProperty("parbench.benchmarksJar");
        assertNotNull(built, "run through Maven's failsafe (it sets parbench.benchmarksJar)");
        jar = Files.copy(Path.of(built), tmp.resolve("ab-it-" + System.nanoTime() + ".jar"));
    }

    @Test
    void anARunWritesBothSidesAndReplayablePairs() throws Exception {
        Path out = tmp.resolve("ab");
        Process p = launch(out, "--base-jar", jar.toString(), "--candidate-jar", jar.toString(), "--profile", "smoke",
                "--include", "Primes", "--strategies", "sequential,pool", "--threads", "2", "--rounds", "2", "--seed", "3",
                "--jvm-args", "-Dparbench.itBothSides=1", "--candidate-jvm-args", "-Dparbench.workFactor=primes=1.05",
                "--quiet");
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), stderr(out));
        assertEquals(out.toAbsolutePath().toString(), stdout);
        JsonNode ab = JSON.readTree(out.resolve("ab.json").toFile());
        assertEquals("complete", ab.get("status").asText());
        assertEquals(3, ab.get("seed").asLong());
        // --jvm-args reach both sides' forks, the candidate's own come after them
        assertEquals(List.of("-Dparbench.itBothSides=1"),
                JSON.convertValue(ab.get("base").get("forkJvmArgs"), List.class));
        assertEquals(List.of("-Dparbench.itBothSides=1", "-Dparbench.workFactor=primes=1.05"),
                JSON.convertValue(ab.get("candidate").get("forkJvmArgs"), List.class));
        assertEquals(2, ab.get("benchmarks").size());
        for (JsonNode b : ab.get("benchmarks")) {
            assertEquals(2, b.get("pairs").size());
            for (int r = 0; r < 2; r++) {
                JsonNode pair = b.get("pairs").get(r);
                assertEquals(r + 1, pair.get("round").asInt());
                assertEquals(r, pair.get("base").asInt());
                assertEquals(r, pair.get("candidate").asInt());
            }
        }
        // The recorded schedule is the one the seed gives.
        List<String> labels = new ArrayList<>();
        ab.get("schedule").forEach(round -> round.get("steps").forEach(st -> labels.add(st.get("benchmark").asText()
                + " " + st.get("first").asText())));
        List<AbSchedule.Unit> units = MatrixPlanner.plan(List.of("cpu"), Profile.SMOKE, List.of(2), null,
                List.of("sequential", "pool"), "Primes", 2, 2).stream().map(AbSchedule.Unit::of).toList();
        List<String> expected = new ArrayList<>();
        AbSchedule.of(units, 2, 3).rounds().forEach(r -> r.steps().forEach(st -> expected.add(st.unit().label() + " "
                + (st.baseFirst() ? "base" : "candidate"))));
        assertEquals(expected, labels);
        for (String side : List.of("base", "candidate")) {
            JsonNode results = JSON.readTree(out.resolve(side).resolve("results.json").toFile());
            assertEquals(2, results.size());
            results.forEach(r -> assertEquals(2, r.get("primaryMetric").get("rawData").size()));
            JsonNode env = JSON.readTree(out.resolve(side).resolve("environment.json").toFile());
            assertEquals("complete", env.get("status").asText());
            JsonNode it = JSON.readTree(out.resolve(side).resolve("iterations.json").toFile());
            assertEquals(2, it.get("benchmarks").get(0).get("forks").size());
        }
        JsonNode candEnv = JSON.readTree(out.resolve("candidate/environment.json").toFile());
        assertEquals("-Dparbench.workFactor=primes=1.05", candEnv.get("jmh").get("forkJvmArgs").get(1).asText());
        for (String side : List.of("base", "candidate")) { // JMH's own "# VM options:" line: they reached the forks
            String log = Files.readString(out.resolve(side).resolve("run.log"));
            assertTrue(log.lines().anyMatch(l -> l.startsWith("# VM options:")
                    && l.contains("-Dparbench.itBothSides=1")), side);
            assertEquals(side.equals("candidate"), log.contains("-Dparbench.workFactor=primes=1.05"), side);
        }
        assertTrue(Files.readString(out.resolve("candidate/run.log")).contains("parbench ab: round 2, candidate"));
        assertNoOrphans();
    }

    @Test
    void aJarThatIsNotAJmhJarIsOneSentenceAndExitTwo() throws Exception {
        Path notJmh = tmp.resolve("plain.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(notJmh))) {
            z.putNextEntry(new ZipEntry("hello.txt"));
            z.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        Path out = tmp.resolve("ab");
        Process p = launch(out, "--base-jar", notJmh.toString(), "--candidate-jar", jar.toString(), "--quiet");
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue());
        String err = stderr(out).strip();
        assertTrue(err.startsWith("parbench: the base jar " + notJmh + " is not a JMH benchmarks jar"), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void sidesWithDifferentBenchmarkListsAreOneSentenceAndExitTwo() throws Exception {
        Path fewer = tmp.resolve("fewer.jar");
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(fewer))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                    if (e.getName().equals("META-INF/BenchmarkList")) {
                        String kept = new String(s.readAllBytes(), StandardCharsets.UTF_8).lines()
                                .filter(l -> !l.contains("SumSquares")).collect(Collectors.joining("\n", "", "\n"));
                        z.write(kept.getBytes(StandardCharsets.UTF_8));
                    } else {
                        s.transferTo(z);
                    }
                }
            }
        }
        Path out = tmp.resolve("ab");
        Process p = launch(out, "--base-jar", jar.toString(), "--candidate-jar", fewer.toString(), "--include",
                "Primes|SumSquares", "--quiet");
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue());
        String err = stderr(out).strip();
        assertTrue(err.startsWith("parbench: base and candidate have different benchmark lists: only the base has "
                + "io.parbench.bench.suite.cpu.SumSquaresBenchmark"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void sigtermEndsEveryForkAndRecordsTheInterruption() throws Exception {
        Path out = tmp.resolve("ab");
        Process p = launch(out, "--base-jar", jar.toString(), "--candidate-jar", jar.toString(), "--profile", "smoke",
                "--include", "Primes", "--strategies", "pool,process", "--threads", "2", "--rounds", "20", "--quiet");
        Path results = out.resolve("base/results.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && !Files.exists(results)) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(results), "no fork finished within 3 minutes");
        Thread.sleep(1500); // into the next fork
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        JsonNode ab = JSON.readTree(out.resolve("ab.json").toFile());
        assertEquals("interrupted", ab.get("status").asText());
        assertEquals("interrupted", JSON.readTree(out.resolve("base/environment.json").toFile()).get("status").asText());
        assertTrue(JSON.readTree(results.toFile()).isArray(), "results.json stays valid JMH JSON");
        assertNoOrphans();
        try (var left = Files.list(tmp.resolve("launcher-tmp"))) {
            assertEquals(List.of(), left.toList(), "the launcher's temporary files are gone");
        }
    }

    /**
     * Through the script, as a user runs it: a git ref that does not exist is one sentence and exit 2; HEAD against
     * the working tree builds HEAD in a temporary worktree, runs, judges, and leaves no worktree and no temporary
     * folder behind.
     */
    @Test
    void theScriptBuildsAGitRefInAWorktreeAndCleansUp() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path script = root.resolve("scripts/parbench");
        if (!Files.isDirectory(root.resolve(".git")) && !Files.isRegularFile(root.resolve(".git"))) {
            return; // not a git checkout (a source archive): nothing to build a ref from
        }
        Path tmpdir = Files.createDirectories(tmp.resolve("script-tmp"));
        String worktreesBefore = git(root, "worktree", "list");

        String noRef = refused(script, tmpdir, "ab", "no-such-ref-" + System.nanoTime(), ".");
        assertTrue(noRef.contains("is neither a git ref of"), noRef);
        String badSummary = refused(script, tmpdir, "ab", "HEAD", ".", "--fork-summary", "max"); // before the run
        assertTrue(badSummary.endsWith("parbench: --fork-summary must be min, median or mean; got 'max'"), badSummary);

        Path out = tmp.resolve("ab-script");
        Process good = script(script, tmpdir, "ab", "HEAD", ".", "--profile", "smoke", "--include", "Primes",
                "--strategies", "sequential,pool", "--threads", "2", "--rounds", "2", "--out", out.toString(), "--quiet");
        String err = new String(good.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(good.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, good.exitValue(), err); // two pairs are too few for a verdict: no regression
        assertTrue(Files.exists(out.resolve("compare/summary.md")), err);
        assertTrue(JSON.readTree(out.resolve("ab.json").toFile()).get("base").get("name").asText().startsWith("HEAD ("));
        assertEquals(worktreesBefore, git(root, "worktree", "list"), "worktree left behind");
        try (var left = Files.list(tmpdir)) {
            assertEquals(List.of(), left.toList(), "temporary files left");
        }
    }

    /** SIGTERM while the script builds a git ref: Maven is stopped and the worktree and temporary files removed. */
    @Test
    void sigtermDuringTheBuildRemovesTheWorktree() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve(".git")) && !Files.isRegularFile(root.resolve(".git"))) {
            return; // not a git checkout
        }
        Path tmpdir = Files.createDirectories(tmp.resolve("script-tmp"));
        String worktreesBefore = git(root, "worktree", "list");
        Process p = script(root.resolve("scripts/parbench"), tmpdir, "ab", "HEAD", ".", "--profile", "smoke",
                "--out", tmp.resolve("never").toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        boolean building = false;
        while (System.nanoTime() < deadline && !building && p.isAlive()) {
            try (var dirs = Files.list(tmpdir)) {
                building = dirs.anyMatch(d -> Files.exists(d.resolve("base-build.log")));
            }
            Thread.sleep(100);
        }
        assertTrue(building, "the build of HEAD never started");
        Thread.sleep(1000);
        p.destroy(); // SIGTERM to the script
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the script did not end within a minute of SIGTERM");
        assertEquals(130, p.exitValue());
        assertEquals(worktreesBefore, git(root, "worktree", "list"), "worktree left behind");
        try (var left = Files.list(tmpdir)) {
            assertEquals(List.of(), left.toList(), "temporary files left");
        }
        long deadline2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> builds;
        do {
            builds = ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
                    .map(c -> c.contains(tmpdir.toString())).orElse(false)).map(h -> h.pid() + " "
                    + h.info().commandLine().orElse("")).toList();
            Thread.sleep(200);
        } while (!builds.isEmpty() && System.nanoTime() < deadline2);
        assertEquals(List.of(), builds, "Maven still running");
    }

    /** Runs the script, which must refuse with exit 2 and leave no temporary file; its standard error. */
    private static String refused(Path script, Path tmpdir, String... args) throws Exception {
        Process p = script(script, tmpdir, args);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), err);
        try (var left = Files.list(tmpdir)) {
            assertEquals(List.of(), left.toList(), "temporary files left");
        }
        return err;
    }

    private static Process script(Path script, Path tmpdir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TMPDIR", tmpdir.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    private static String git(Path root, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private Process launch(Path out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("launcher-tmp"))); // to see what it leaves
        cmd.addAll(List.of("-cp", jar.toString(), ParbenchMain.class.getName(), "ab", "--out", out.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(out.resolveSibling(out.getFileName() + ".stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static String stderr(Path out) throws IOException {
        return Files.readString(out.resolveSibling(out.getFileName() + ".stderr"));
    }

    /** No process of this test's jar (JMH host, fork, child worker) may be alive a few seconds after the launcher. */
    private void assertNoOrphans() throws InterruptedException {
        SmokeRunIT.assertNoProcess(c -> c.contains(jar.toString()));
    }
}
