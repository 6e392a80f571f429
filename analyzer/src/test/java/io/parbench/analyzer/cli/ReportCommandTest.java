package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.ConsoleCapture;
import io.parbench.analyzer.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void reportsARunAndPrintsThePathOfIndexHtml() {
        Path report = tmp.resolve("r");
        assertEquals(0, AnalyzerMain.execute("report", Fixtures.plainJmh().toString(), "--out", report.toString()));
        assertEquals(report.resolve("index.html").toString(), console.out().trim());
    }

    @Test
    void badInputIsExitTwoWithOneSentenceAndNoStackTrace() throws IOException {
        Path existing = tmp.resolve("existing-report");
        assertEquals(0, AnalyzerMain.execute("report", Fixtures.plainJmh().toString(), "--out", existing.toString()));
        String before = Files.readString(existing.resolve("report.md"));
        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, "[{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1");
        console.reset();
        assertEquals(2, AnalyzerMain.execute("report", truncated.toString(), "--out", existing.toString()));
        String message = console.err();
        assertEquals("parbench: " + truncated + ": the JSON ends early (a truncated file?)", message.trim());
        assertFalse(message.contains("\tat "));
        assertEquals(before, Files.readString(existing.resolve("report.md")), "the report in place is untouched");
        assertEquals(2, AnalyzerMain.execute("report", tmp.resolve("nope.json").toString()));
        assertEquals(2, AnalyzerMain.execute("report"), "a missing argument is a usage error");
        console.reset();
        assertEquals(2, AnalyzerMain.execute("report", truncated.toString(), "--verbose"));
        assertTrue(console.err().contains("\tat "), "--verbose shows the stack trace");
    }

    @Test
    void helpHasAnExample() {
        assertEquals(0, AnalyzerMain.execute("report", "--help"));
        assertTrue(console.out().contains("Examples:"));
    }
}
