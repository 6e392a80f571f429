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

    /** A thread sweep made the JMH way, one file per -t value, reported as one run; a benchmark in two files is refused. */
    @Test
    void severalFilesAreJoinedIntoOneReport() throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int t : new int[] {1, 2, 4}) {
            Path f = tmp.resolve("t" + t + ".json");
            Files.writeString(f, new io.parbench.analyzer.SyntheticJmh(t).entry("org.x.Map.get", "thrpt", "ops/us",
                    java.util.Map.of("size", "1000"), new double[][] {{10.0 * t, 10.2 * t, 9.9 * t}}, t).json());
            files.add(f);
        }
        Path out = tmp.resolve("sweep");
        assertEquals(0, AnalyzerMain.execute("report", files.get(0).toString(), files.get(1).toString(),
                files.get(2).toString(), "--out", out.toString(), "--quiet"));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("3 benchmarks from t1.json"), md.substring(0, 300));
        assertTrue(md.contains("Map.get (thrpt) size=1000 vs contenders"), "the -t sweep is one chart over the JMH threads");
        java.util.List<String> csv = Files.readAllLines(out.resolve("tables/results.csv"));
        assertEquals(java.util.List.of("1", "2", "4"), csv.subList(1, 4).stream().map(l -> l.split(",")[2]).toList());
        var run = ReportCommand.read(files);
        assertEquals(java.util.List.of(1, 2, 4), run.results().stream().map(r -> r.key().jmhThreads()).toList());
        console.reset();
        assertEquals(2, AnalyzerMain.execute("report", files.get(0).toString(), files.get(0).toString(), "--out",
                tmp.resolve("twice").toString()));
        assertTrue(console.err().contains("which " + files.get(0).toAbsolutePath().normalize() + " holds too")
                || console.err().contains("holds too: joined files must differ"), console.err());
        assertTrue(!Files.exists(tmp.resolve("twice")), "nothing written");
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
