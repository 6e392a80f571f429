package io.parbench.analyzer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.analysis.HistoryBaseline;
import io.parbench.analyzer.cli.AnalyzerMain;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    private static final String BENCH = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";

    @TempDir
    Path tmp;

    /** A run folder started at {@code time} on machine {@code cpu}, primes taking {@code ms}. */
    private Path run(String name, String time, String cpu, double ms, long seed) throws IOException {
        return run(name, time, cpu, ms, seed, "0123456789abcdef");
    }

    private Path run(String name, String time, String cpu, double ms, long seed, String commit) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), new SyntheticJmh(seed)
                .avgt(BENCH, Map.of("strategy", "pool", "threads", "2"), ms, 0.01).json());
        new ObjectMapper().writeValue(dir.resolve("environment.json").toFile(), Map.of("startedAt", time, "profile", "quick",
                "toolkit", Map.of("gitCommit", commit, "gitDirty", false),
                "machine", Map.of("hostname", name, "cpu", Map.of("model", cpu, "logicalCpus", 2),
                        "memory", Map.of("totalBytes", 25_000_000_000L))));
        return dir;
    }

    @Test
    void keepsRunsIndexedByTimeCommitAndMachineType() throws IOException {
        HistoryStore store = new HistoryStore(tmp.resolve("history"));
        store.add(new RunReader().read(run("r2", "2026-11-22T10:00:00Z", "AMD EPYC", 16, 2)));
        HistoryStore.Entry first = store.add(new RunReader().read(run("r1", "2026-11-21T10:00:00Z", "AMD EPYC", 16, 1)));
        assertEquals("amd-epyc-2cpu-23g", first.machine());
        assertEquals("20261121T100000Z-0123456789ab", first.id());
        assertTrue(Files.exists(store.root().resolve(first.path()).resolve("results.json")));
        assertEquals(List.of("2026-11-21T10:00:00Z", "2026-11-22T10:00:00Z"),
                store.entries().stream().map(HistoryStore.Entry::time).toList(), "oldest first");
        var again = assertThrows(InputException.class, () -> store.add(new RunReader().read(tmp.resolve("r1"))));
        assertTrue(again.getMessage().contains("is already in the history"), again.getMessage());
        Path plain = tmp.resolve("plain.json");
        Files.writeString(plain, new SyntheticJmh().avgt("a.B.c", Map.of(), 1, 0.01).json());
        assertTrue(assertThrows(InputException.class, () -> store.add(new RunReader().read(plain))).getMessage()
                .contains("has no environment.json with startedAt"));
    }

    @Test
    void latestAndMedianComeFromEarlierRunsOfTheSameMachineType() throws IOException {
        HistoryStore store = new HistoryStore(tmp.resolve("history"));
        store.add(new RunReader().read(run("a", "2026-11-20T10:00:00Z", "AMD EPYC", 16, 1)));
        store.add(new RunReader().read(run("b", "2026-11-21T10:00:00Z", "AMD EPYC", 30, 2))); // one noisy run
        store.add(new RunReader().read(run("c", "2026-11-22T10:00:00Z", "AMD EPYC", 17, 3)));
        store.add(new RunReader().read(run("other", "2026-11-22T11:00:00Z", "Intel Xeon", 5, 4)));
        Run candidate = new RunReader().read(run("new", "2026-11-23T10:00:00Z", "AMD EPYC", 16.5, 5));
        Run latest = HistoryBaseline.resolve("latest", store, candidate);
        assertEquals("c", latest.environment().text("machine", "hostname"), "the newest earlier run of this machine type");
        Run median = HistoryBaseline.resolve("median:3", store, candidate);
        assertEquals(17, median.results().get(0).primary().score(), 0.5, "the median of 16, 30 and 17: one noisy run "
                + "does not set the bar");
        assertThrows(InputException.class, () -> HistoryBaseline.resolve("median:x", store, candidate));
        Run first = new RunReader().read(run("first", "2026-11-01T10:00:00Z", "AMD EPYC", 16, 6));
        assertTrue(assertThrows(InputException.class, () -> HistoryBaseline.resolve("latest", store, first)).getMessage()
                .contains("holds no earlier run of this machine type"));
    }

    @Test
    void theCommandLineAddsListsAndComparesAgainstTheHistory() throws IOException {
        String history = tmp.resolve("history").toString();
        assertEquals(0, AnalyzerMain.execute("history", "add", run("a", "2026-11-20T10:00:00Z", "AMD EPYC", 16, 1).toString(),
                "--history", history));
        assertEquals(0, AnalyzerMain.execute("history", "list", "--history", history));
        Path slower = run("slow", "2026-11-23T10:00:00Z", "AMD EPYC", 20, 2);
        assertEquals(1, AnalyzerMain.execute("compare", "--baseline", "latest", slower.toString(), "--history", history,
                "--out", tmp.resolve("cmp").toString()), "25% slower than the latest run: a regression");
        assertEquals(1, AnalyzerMain.execute("compare", "median:1", slower.toString(), "--history", history, "--out",
                tmp.resolve("cmp").toString()), "the positional form works too");
        assertEquals(2, AnalyzerMain.execute("compare", slower.toString()), "no baseline at all is a usage error");
        assertEquals(0, AnalyzerMain.execute("history", "add", slower.toString(), "--history", history));
        Path trend = tmp.resolve("trend");
        assertEquals(0, AnalyzerMain.execute("trend", "--history", history, "--out", trend.toString()));
        String md = Files.readString(trend.resolve("trend.md"));
        assertTrue(md.contains("2 runs, oldest first"), md);
        assertTrue(md.contains("1 regression(s)."), md);
        try (var charts = Files.list(trend.resolve("charts"))) {
            assertEquals(2, charts.count(), "one chart as PNG and SVG");
        }
    }

    @Test
    void fieldsThatBecomePathsAreValidatedAndNothingIsWrittenOutside() throws IOException {
        Path history = tmp.resolve("history");
        Path evil = run("evil", "2026-11-20T10:00:00Z", "AMD EPYC", 16, 1, "/../../../ab");
        assertEquals(2, AnalyzerMain.execute("history", "add", evil.toString(), "--history", history.toString()));
        Path yesterday = run("yesterday", "yesterday", "AMD EPYC", 16, 1);
        assertEquals(2, AnalyzerMain.execute("history", "add", yesterday.toString(), "--history", history.toString()));
        try (var left = Files.walk(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().equals("ab")
                    || p.getFileName().toString().contains("ab.tmp")).toList(), "nothing written at ../../../ab");
        }
        HistoryStore store = new HistoryStore(history);
        var e = assertThrows(InputException.class, () -> store.add(new RunReader().read(evil)));
        assertTrue(e.getMessage().contains("is not a git commit id"), e.getMessage());
    }

    @Test
    void aShortCommitAndABadStoredEntryDoNotBreakTrendForTheOthers() throws IOException {
        Path history = tmp.resolve("history");
        assertEquals(0, AnalyzerMain.execute("history", "add", run("a", "2026-11-20T10:00:00Z", "AMD EPYC", 16, 1, "abc1")
                .toString(), "--history", history.toString()), "a short commit id is a commit id");
        assertEquals(0, AnalyzerMain.execute("history", "add", run("b", "2026-11-21T10:00:00Z", "AMD EPYC", 16, 2)
                .toString(), "--history", history.toString()));
        // A hand-edited (or hostile) entry: a path out of the history and a time that is not one.
        Path index = history.resolve("index.json");
        String text = Files.readString(index);
        JsonNodeEdit.appendEntry(index, "{\"id\":\"x\",\"path\":\"../../etc\",\"time\":\"yesterday\",\"commit\":\"abc\","
                + "\"machine\":\"amd-epyc-2cpu-23g\",\"benchmarks\":1}");
        assertTrue(Files.readString(index).length() > text.length());
        Path trend = tmp.resolve("trend");
        assertEquals(0, AnalyzerMain.execute("trend", "--history", history.toString(), "--out", trend.toString()));
        assertTrue(Files.readString(trend.resolve("trend.md")).contains("2 runs, oldest first"));
        assertEquals(2, AnalyzerMain.execute("trend", "--history", history.toString(), "--include", "[", "--out",
                tmp.resolve("trend2").toString()), "a bad regular expression is a usage error");
    }

    /** Appends one raw entry to a history index. */
    private static final class JsonNodeEdit {
        static void appendEntry(Path index, String entry) throws IOException {
            var mapper = new ObjectMapper();
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) mapper.readTree(index.toFile());
            array.add(mapper.readTree(entry));
            mapper.writeValue(index.toFile(), array);
        }
    }
}
