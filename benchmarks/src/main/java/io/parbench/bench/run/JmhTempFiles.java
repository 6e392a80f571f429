package io.parbench.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * JMH's temporary files (a fork's captured stdout and stderr, the compiler-hints file) live in the temporary folder
 * and are deleted when the JVM exits normally; a SIGKILLed launcher leaves them behind. Before a run, when no JMH run
 * holds JMH's lock ({@code jmh.lock} in the same folder), every such file is stale and is removed.
 */
final class JmhTempFiles {

    /** JMH's names: {@code File.createTempFile("jmh", suffix)} gives jmh + digits + suffix. */
    private static final Pattern NAME = Pattern.compile("jmh\\d+(stdout|stderr|compilecommand)");
    /** Files younger than this are left alone, in case a JMH run ignoring the lock has just made them. */
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    private JmhTempFiles() {
    }

    /** Removes stale JMH temporary files from {@code tmp}; returns how many. Never fails the run. */
    static int removeStale(Path tmp) {
        Path lockFile = tmp.resolve("jmh.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return 0; // this JVM runs JMH right now
            }
            if (lock == null) {
                return 0; // another JMH run is in progress: its files are not stale
            }
            try {
                return removeUnlocked(tmp, Instant.now().minus(MIN_AGE));
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    static int removeUnlocked(Path tmp, Instant olderThan) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "jmh*")) {
            for (Path f : files) {
                if (NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)
                        && Files.getLastModifiedTime(f).toInstant().isBefore(olderThan) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
