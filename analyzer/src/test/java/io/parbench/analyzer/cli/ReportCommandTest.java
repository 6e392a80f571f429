package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void reportsARunAndPrintsThePathOfIndexHtml() {
        Path report = tmp.resolve("r");
        assertEquals(0, AnalyzerMain.execute("report", Fixtures.plainJmh().toString(), "--out", report.toString()));
        assertEquals(report.resolve("index.html").toString(), out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void badInputIsExitTwoWithOneSentenceAndNoStackTrace() throws IOException {
        Path existing = tmp.resolve("existing-report");
        assertEquals(0, AnalyzerMain.execute("report", Fixtures.plainJmh().toString(), "--out", existing.toString()));
        String before = Files.readString(existing.resolve("report.md"));
        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, "[{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1");
        err.reset();
        assertEquals(2, AnalyzerMain.execute("report", truncated.toString(), "--out", existing.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals("parbench: " + truncated + ": the JSON ends early (a truncated file?)", message.trim());
        assertFalse(message.contains("\tat "));
        assertEquals(before, Files.readString(existing.resolve("report.md")), "the report in place is untouched");
        assertEquals(2, AnalyzerMain.execute("report", tmp.resolve("nope.json").toString()));
        assertEquals(2, AnalyzerMain.execute("report"), "a missing argument is a usage error");
        err.reset();
        assertEquals(2, AnalyzerMain.execute("report", truncated.toString(), "--verbose"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\tat "), "--verbose shows the stack trace");
    }

    @Test
    void helpHasAnExample() {
        assertEquals(0, AnalyzerMain.execute("report", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Examples:"));
    }
}
