package io.parbench.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.ConsoleCapture;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.cli.AnalyzerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** A copy of the smoke run in {@code reports/run1}, as a user's reports folder would hold it. */
    private Path run1() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("reports").resolve("run1"));
        for (String f : List.of("results.json", "environment.json")) {
            Files.copy(Fixtures.smokeRun().resolve(f), run.resolve(f));
        }
        return run;
    }

    /** Every file under {@code dir} with its content, to prove nothing changed. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> dir.relativize(p).toString(), p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aFolderHoldingTheInputIsRefusedAndKeptWhole() throws IOException {
        Path run = run1();
        Map<String, String> before = snapshot(tmp.resolve("reports"));
        assertEquals(2, AnalyzerMain.execute("report", run.toString(), "--out", tmp.resolve("reports").toString()));
        assertTrue(console.err().contains("holds the input"), console.err());
        assertEquals(2, AnalyzerMain.execute("report", run.toString(), "--out", run.toString()), "report R --out R");
        assertEquals(before, snapshot(tmp.resolve("reports")), "every run is still there, unchanged");
        assertEquals(List.of(), hidden(tmp), "no hidden folder left beside it");
    }

    @Test
    void aFolderOfTheUsersIsRefusedAndAnEmptyOrOwnOneIsWritten() throws IOException {
        Path run = run1();
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("thesis.tex"), "my thesis");
        Files.createDirectories(work.resolve("data")).resolve("x.csv");
        Files.writeString(work.resolve("data/x.csv"), "1,2");
        Map<String, String> before = snapshot(work);
        Path base = Files.writeString(tmp.resolve("base.json"), new SyntheticJmh(1).avgt("a.B.c", Map.of(), 1, 0.01).json());
        Path cand = Files.writeString(tmp.resolve("cand.json"), new SyntheticJmh(2).avgt("a.B.c", Map.of(), 1, 0.01).json());
        for (String command : List.of("report", "compare")) {
            console.reset();
            int code = command.equals("report")
                    ? AnalyzerMain.execute("report", run.toString(), "--out", work.toString())
                    : AnalyzerMain.execute("compare", base.toString(), cand.toString(), "--out", work.toString());
            assertEquals(2, code, command);
            assertTrue(console.err().contains("was not written by parbench"), console.err());
            assertTrue(console.err().contains("thesis.tex"), "the sentence names what is there: " + console.err());
        }
        assertEquals(before, snapshot(work), "nothing of the user's was moved or deleted");
        assertEquals(List.of(), hidden(tmp));
        assertEquals(0, AnalyzerMain.execute("compare", base.toString(), cand.toString(), "--out",
                tmp.resolve("cmp").toString()));
        assertEquals(0, AnalyzerMain.execute("compare", base.toString(), cand.toString(), "--out",
                tmp.resolve("cmp").toString()), "compare replaces its own output");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, AnalyzerMain.execute("report", run.toString(), "--out", empty.toString()));
        assertTrue(Files.exists(empty.resolve("index.html")));
        assertTrue(Files.exists(empty.resolve(OutputFolder.MARKER)));
        assertEquals(0, AnalyzerMain.execute("report", run.toString(), "--out", empty.toString()), "its own output is replaced");

        Files.writeString(empty.resolve("charts").resolve("my-notes.txt"), "mine");
        console.reset();
        assertEquals(2, AnalyzerMain.execute("report", run.toString(), "--out", empty.toString()),
                "a file the user added makes the folder theirs again");
        assertTrue(console.err().contains("charts/my-notes.txt"), console.err());
        assertEquals("mine", Files.readString(empty.resolve("charts").resolve("my-notes.txt")));
        assertTrue(Files.exists(empty.resolve("index.html")), "the earlier report stays too");
    }

    @Test
    void theDefaultReportFolderIsReplacedAndAFileAsOutIsRefused() throws IOException {
        Path run = run1();
        assertEquals(0, AnalyzerMain.execute("report", run.toString()));
        assertEquals(0, AnalyzerMain.execute("report", run.toString()), "report/ beside the run is parbench's own");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(2, AnalyzerMain.execute("report", run.toString(), "--out", file.toString()));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void staleTemporaryFoldersOfAKilledCommandAreRemovedAndLiveOnesKept() throws IOException {
        Path out = tmp.resolve("out");
        Path dead = Files.createDirectories(tmp.resolve(".out.parbench-tmp-dead"));
        Files.writeString(dead.resolve(OutputFolder.MARKER), "{\"pid\": 2147483646, \"files\": []}");
        Files.writeString(dead.resolve("index.html"), "half a report");
        long livePid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path live = Files.createDirectories(tmp.resolve(".out.parbench-tmp-live"));
        Files.writeString(live.resolve(OutputFolder.MARKER), "{\"pid\": " + livePid + ", \"files\": []}");
        Path foreign = Files.createDirectories(tmp.resolve(".out.parbench-tmp-foreign")); // no marker: not ours
        Path input = tmp.resolve("in.json");
        Files.writeString(input, new SyntheticJmh().avgt("a.B.c", Map.of(), 1, 0.01).json());
        assertEquals(0, AnalyzerMain.execute("report", input.toString(), "--out", out.toString()));
        assertFalse(Files.exists(dead), "the killed command's folder is gone");
        assertTrue(Files.exists(live), "another command may be writing there now");
        assertTrue(Files.exists(foreign), "a folder without parbench's marker is never touched");
    }

    @Test
    void aReportFolderFromBeforeMarkersIsStillParbenchsOwn() throws IOException {
        Path run = run1();
        Path old = Files.createDirectories(run.resolve("report").resolve("charts"));
        Files.writeString(run.resolve("report/index.html"), "old");
        Files.writeString(run.resolve("report/report.md"), "old");
        Files.writeString(old.resolve("01-x.png"), "png");
        assertEquals(0, AnalyzerMain.execute("report", run.toString()), "an old parbench report is replaced");
        assertTrue(Files.exists(run.resolve("report").resolve(OutputFolder.MARKER)));

        Path other = Files.createDirectories(tmp.resolve("old-with-notes"));
        Files.writeString(other.resolve("index.html"), "old");
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertEquals(2, AnalyzerMain.execute("report", run.toString(), "--out", other.toString()),
                "a file no parbench report holds makes it the user's");
        assertEquals("mine", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void theRootOfTheFileSystemIsNoOutput() {
        var e = assertThrows(InputException.class, () -> OutputFolder.open(Path.of("/"), "report", List.of()));
        assertTrue(e.getMessage().contains("root of the file system"), e.getMessage());
    }
}
