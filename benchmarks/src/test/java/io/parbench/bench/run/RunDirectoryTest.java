package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void runIdIsUtcTimeAndASafeHostName() {
        ZonedDateTime t = ZonedDateTime.parse("2026-11-23T09:12:00+01:00");
        assertEquals("20261123-0812Z-myhost", RunDirectory.runId(t, "myhost"));
        assertEquals("20261123-0812Z-my-host.example", RunDirectory.runId(t, "My Host!.example"));
        assertEquals("20261123-0812Z-host", RunDirectory.runId(t, "///"));
    }

    @Test
    void defaultFoldersNeverCollide() {
        RunDirectory a = RunDirectory.create(null, tmp, "20261123-0812Z-h");
        RunDirectory b = RunDirectory.create(null, tmp, "20261123-0812Z-h");
        assertEquals("20261123-0812Z-h", a.runId());
        assertEquals("20261123-0812Z-h-2", b.runId());
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws IOException {
        Path out = tmp.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), "[]");
        var e = assertThrows(UsageException.class, () -> RunDirectory.create(out, tmp, "x"));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
        assertEquals("[]", Files.readString(out.resolve("results.json")));
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFile() throws IOException {
        RunDirectory dir = RunDirectory.create(tmp.resolve("r"), tmp, "x");
        dir.writeAtomically("results.json", out -> out.write("[1]".getBytes(StandardCharsets.UTF_8)));
        dir.writeAtomically("results.json", out -> out.write("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("[1,2]", Files.readString(dir.resolve("results.json")));
        assertThrows(IOException.class, () -> dir.writeAtomically("results.json", out -> {
            out.write("[half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("[1,2]", Files.readString(dir.resolve("results.json")), "a failed write keeps the old file");
        try (var files = Files.list(dir.path())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
