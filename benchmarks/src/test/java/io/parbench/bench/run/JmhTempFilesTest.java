package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhTempFilesTest {

    @TempDir
    Path tmp;

    private Path file(String name, Duration age) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), "x");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    @Test
    void staleJmhFilesGoAndEverythingElseStays() throws Exception {
        Path out = file("jmh1234567stdout", Duration.ofHours(1));
        Path err = file("jmh99stderr", Duration.ofHours(1));
        Path hints = file("jmh42compilecommand", Duration.ofHours(1));
        Path fresh = file("jmh7stdout", Duration.ZERO);
        Path others = file("jmhx-notes.txt", Duration.ofHours(1));
        Path user = file("parbench-shm-1.bin", Duration.ofHours(1));
        assertEquals(3, JmhTempFiles.removeStale(tmp));
        assertFalse(Files.exists(out) || Files.exists(err) || Files.exists(hints));
        assertTrue(Files.exists(fresh), "younger than a minute: maybe a JMH run that ignores the lock");
        assertTrue(Files.exists(others) && Files.exists(user), "not JMH's names");
    }

    @Test
    void nothingGoesWhileAnotherJmhRunHoldsTheLock() throws Exception {
        Path out = file("jmh1234567stdout", Duration.ofHours(1));
        try (FileChannel ch = FileChannel.open(tmp.resolve("jmh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            assertTrue(held.isValid());
            assertEquals(0, JmhTempFiles.removeStale(tmp));
        }
        assertTrue(Files.exists(out), "a running JMH's capture files are not stale");
        assertEquals(1, JmhTempFiles.removeStale(tmp), "once the lock is free they are");
    }
}
