package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.ConsoleCapture;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.cli.AnalyzerMain;
import io.parbench.analyzer.io.RunReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunStatusTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** A run folder with two results of {@code planned}, its environment.json saying {@code status}. */
    private Path run(String status, long pid, String host) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(status + pid));
        Files.writeString(dir.resolve("results.json"), new SyntheticJmh().avgt("a.B.c", Map.of(), 1, 0.01)
                .avgt("a.B.d", Map.of(), 2, 0.01).json());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("status", status);
        env.put("launcherPid", pid);
        env.put("machine", Map.of("hostname", host));
        env.put("matrix", Map.of("planned", 29, "completed", 0));
        new ObjectMapper().writeValue(dir.resolve("environment.json").toFile(), env);
        return dir;
    }

    @Test
    void aRunningRunWhoseLauncherIsGoneWasKilledAndSaysWhatCompleted() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        Path killed = run("running", 2_147_483_646L, host);
        RunStatus s = RunStatus.of(new RunReader().read(killed));
        assertEquals(RunStatus.Kind.KILLED, s.kind());
        assertTrue(s.sentence().contains("was killed"), s.sentence());
        assertTrue(s.sentence().contains("2 of 29 planned benchmarks completed"), "counted from results.json, which "
                + "outlives environment.json's last write: " + s.sentence());
        assertEquals(0, AnalyzerMain.execute("report", killed.toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(Files.readString(tmp.resolve("r/report.md")).contains("This run was killed"));

        long alive = ProcessHandle.current().pid();
        assertEquals(RunStatus.Kind.UNFINISHED, RunStatus.of(new RunReader().read(run("running", alive, host))).kind(),
                "its launcher is alive: still running");
        assertEquals(RunStatus.Kind.UNFINISHED, RunStatus.of(new RunReader().read(run("running", 2_147_483_646L,
                "another-host"))).kind(), "another host's process table says nothing");
        assertEquals(RunStatus.Kind.INTERRUPTED, RunStatus.of(new RunReader().read(run("interrupted", 1, host))).kind());
        assertNull(RunStatus.of(new RunReader().read(run("complete", 1, host))).sentence());
    }
}
