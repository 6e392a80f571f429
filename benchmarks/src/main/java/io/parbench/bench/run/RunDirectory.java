package io.parbench.bench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A run's folder: {@code environment.json}, {@code results.json}, {@code run.log}. Files are written to a
 * temporary file and moved into place, so a reader (or a crash) never sees half a file.
 */
public final class RunDirectory {

    public static final String ENVIRONMENT = "environment.json";
    public static final String RESULTS = "results.json";
    public static final String LOG = "run.log";
    public static final String ITERATIONS = "iterations.json";

    private final Path dir;
    private final String runId;

    private RunDirectory(Path dir, String runId) {
        this.dir = dir;
        this.runId = runId;
    }

    /** {@code yyyyMMdd-HHmmZ-host}, with the host reduced to safe characters. */
    public static String runId(ZonedDateTime time, String host) {
        String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replaceAll("-+", "-")
                .replaceAll("-*\\.-*", ".");
        safeHost = safeHost.replaceAll("^[-.]+|[-.]+$", "");
        if (safeHost.isEmpty()) {
            safeHost = "host";
        }
        return time.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm'Z'"))
                + "-" + safeHost;
    }

    /**
     * Makes the folder. With {@code out} given, exactly that folder (refused if it already holds a run); otherwise
     * {@code reports/<run-id>} under {@code reportsRoot}, with a numeric suffix if that id is taken.
     */
    public static RunDirectory create(Path out, Path reportsRoot, String runId) {
        Path dir;
        String id = runId;
        if (out != null) {
            dir = out.toAbsolutePath().normalize();
            if (dir.getParent() == null) {
                throw new UsageException("--out " + dir + " is the root of the file system; give the run a folder of its own");
            }
            if (Files.exists(dir.resolve(RESULTS)) || Files.exists(dir.resolve(ENVIRONMENT))) {
                throw new UsageException(dir + " already holds a run (results.json or environment.json): choose "
                        + "another --out, nothing was overwritten");
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UsageException("--out " + dir + " is a file, not a folder");
            }
            if (Files.isDirectory(dir) && !isEmpty(dir)) {
                throw new UsageException("--out " + dir + " is not empty: a run writes into a new or empty folder, so "
                        + "that nothing of yours is mixed with it or overwritten");
            }
            id = dir.getFileName() == null ? runId : dir.getFileName().toString();
        } else {
            dir = reportsRoot.resolve(runId).toAbsolutePath().normalize();
            for (int n = 2; Files.exists(dir); n++) {
                id = runId + "-" + n;
                dir = reportsRoot.resolve(id).toAbsolutePath().normalize();
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("the run folder " + dir + " is not writable");
        }
        return new RunDirectory(dir, id);
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UsageException("--out " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return dir;
    }

    public String runId() {
        return runId;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes a file through a temporary file in the same folder and an atomic move. */
    public void writeAtomically(String name, IoConsumer<OutputStream> writer) throws IOException {
        // Not Files.createTempFile: its files are private (0600); a run folder is for sharing.
        Path tmp = dir.resolve("." + name + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                writer.accept(out);
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A consumer that may throw IOException. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
