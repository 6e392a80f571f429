package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line: bad input is exit 2 with one sentence and no stack trace. */
class ParbenchMainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownProfileSuiteStrategyAndThreadsAreUsageErrors() {
        assertEquals(2, ParbenchMain.execute("run", "--profile", "fast", "--dry-run"));
        assertTrue(errText().contains("parbench: unknown profile 'fast'; valid profiles: smoke, quick, full"), errText());
        assertEquals(2, ParbenchMain.execute("list", "--suite", "gpu"));
        assertTrue(errText().contains("unknown suite 'gpu'; valid suites: cpu"), errText());
        assertEquals(2, ParbenchMain.execute("list", "--strategies", "gpu"));
        assertEquals(2, ParbenchMain.execute("list", "--threads", "0"));
        assertEquals(2, ParbenchMain.execute("run", "--bogus"));
        assertEquals(2, ParbenchMain.execute("run", "--dry-run", "--", "-rf", "csv"));
        assertTrue(!errText().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void dryRunPrintsTheMatrixAndAnEstimate() {
        assertEquals(0, ParbenchMain.execute("run", "--dry-run", "--profile", "smoke"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("io.parbench.bench.suite.cpu.PrimesBenchmark.run  size=20000"), text);
        assertTrue(text.matches("(?s).*process-cold +threads=\\[2\\].*"), text);
        assertTrue(text.contains("32 benchmarks, profile smoke"), text);
        out.reset();
        assertEquals(0, ParbenchMain.execute("run", "--dry-run", "--suite", "sync", "--profile", "quick",
                "--threads", "1,2"));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("io.parbench.bench.suite.sync.CounterContention\n"), text);
        assertTrue(text.contains("JMH threads (contenders)=[1, 2]"), text);
        assertTrue(text.contains("its own params and threads, once"), text);
        assertTrue(text.contains("13 benchmarks, profile quick"), text);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : new String[] {"run", "list", "env", "hazards"}) {
            out.reset();
            assertEquals(0, ParbenchMain.execute(command, "--help"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Examples:"), command);
        }
    }

    @Test
    void hazardsWriteTheirOutcomesAndNeverOverwrite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        assertEquals(0, ParbenchMain.execute("hazards", "--quiet", "--out", tmp.toString()));
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("hazards.json").toFile());
        assertEquals(java.util.List.of("race", "deadlock", "livelock", "starvation", "pinning"),
                java.util.stream.StreamSupport.stream(doc.get("hazards").spliterator(), false)
                        .map(h -> h.get("hazard").asText()).toList());
        String before = java.nio.file.Files.readString(tmp.resolve("hazards.json"));
        assertEquals(2, ParbenchMain.execute("hazards", "--quiet", "--out", tmp.toString()));
        assertEquals(before, java.nio.file.Files.readString(tmp.resolve("hazards.json")));
    }

    @Test
    void envPrintsTheMachine() {
        assertEquals(0, ParbenchMain.execute("env"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Topology:"), text);
        assertTrue(text.contains("JVM parallelism:"), text);
    }
}
