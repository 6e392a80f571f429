package io.parbench.analyzer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder a command writes (its {@code --out}). A command writes only into a folder that is new, empty, or holds
 * its own earlier output; anything else is refused with one sentence, and nothing of the user's is ever moved or
 * deleted.
 *
 * <p>How a folder is known to be parbench's own: every folder this class finishes carries a marker file,
 * {@value #MARKER}, listing the files written. An existing folder is replaced only if it has the marker and holds
 * nothing that the marker does not list (a file the user added since makes it theirs again).
 *
 * <p>Writing is atomic: the new output is built in a hidden sibling ({@code .NAME.parbench-tmp-<uuid>}) and swapped
 * in when complete. A shutdown hook removes the sibling on Ctrl-C or SIGTERM; after a SIGKILL the next command that
 * writes the same folder removes siblings whose process is gone.
 */
public final class OutputFolder {

    /** The marker file's name, inside every finished output folder. */
    public static final String MARKER = ".parbench-output.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TMP = ".parbench-tmp-";
    private static final String OLD = ".parbench-old-";

    private final Path out;
    private final String command;
    private final Path tmp;
    private final Thread cleanup;

    private OutputFolder(Path out, String command, Path tmp) {
        this.out = out;
        this.command = command;
        this.tmp = tmp;
        this.cleanup = new Thread(() -> deleteQuietly(tmp), "parbench-output-cleanup");
    }

    /**
     * Checks that {@code out} may be written by {@code command} and opens a temporary folder beside it; the caller
     * writes into {@link #staging()} and then calls {@link #commit()} (or {@link #abandon()} in a finally block).
     *
     * @param inputs the files and folders the command reads: {@code out} may neither be one of them nor contain one
     * @throws InputException when the folder is not the command's to write, with one sentence saying why
     */
    public static OutputFolder open(Path out, String command, Collection<Path> inputs) {
        Path target = real(out);
        if (target.getParent() == null) {
            throw new InputException(target, "is the root of the file system; choose a folder of its own for --out");
        }
        for (Path input : inputs) {
            Path in = real(input);
            if (in.startsWith(target)) {
                throw new InputException(target, "holds the input " + input + "; choose another --out (writing there "
                        + "would replace what is being read)");
            }
        }
        if (Files.exists(target)) {
            checkOwned(target, command);
        }
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InputException(parent, "cannot be created for the output (" + reason(e) + ")");
        }
        removeStaleSiblings(target);
        Path tmp = parent.resolve("." + target.getFileName() + TMP + UUID.randomUUID());
        OutputFolder folder = new OutputFolder(target, command, tmp);
        try {
            Runtime.getRuntime().addShutdownHook(folder.cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            throw new InputException(target, "cannot be written: the program is shutting down");
        }
        try {
            Files.createDirectories(tmp);
            JSON.writeValue(tmp.resolve(MARKER).toFile(), marker(command, List.of(), ProcessHandle.current().pid()));
        } catch (IOException e) {
            folder.abandon();
            throw new InputException(parent, "is not writable, so the output cannot be written there (" + reason(e) + ")");
        }
        return folder;
    }

    /** The folder to write into; it becomes {@link #target()} on {@link #commit()}. */
    public Path staging() {
        return tmp;
    }

    /** Where the output will be once committed. */
    public Path target() {
        return out;
    }

    /**
     * Moves the finished output into place, replacing the command's own earlier output (checked again now, in case
     * the user added a file meanwhile). On failure the earlier output is put back.
     */
    public Path commit() throws IOException {
        try {
            List<String> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.equals(MARKER)).sorted().forEach(files::add);
            }
            JSON.writeValue(tmp.resolve(MARKER).toFile(), marker(command, files, null));
            Path old = null;
            if (Files.exists(out)) {
                checkOwned(out, command);
                old = out.resolveSibling("." + out.getFileName() + OLD + UUID.randomUUID());
                try {
                    Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new InputException(out, "cannot be replaced (" + reason(e) + "); nothing was changed");
                }
            }
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (old != null) {
                    Files.move(old, out, StandardCopyOption.ATOMIC_MOVE); // put the earlier output back
                }
                throw new InputException(out, "cannot be written (" + reason(e) + "); nothing was changed");
            }
            if (old != null) {
                deleteQuietly(old); // only parbench's own files: checked by checkOwned above
            }
            return out;
        } finally {
            abandon();
        }
    }

    /** Removes the temporary folder if it is still there; safe to call more than once. */
    public void abandon() {
        deleteQuietly(tmp);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    /** Refuses an existing {@code dir} unless it is empty or holds only what its marker lists. */
    /**
     * What each command wrote before markers existed (parbench before session 3): a folder holding only such files,
     * the command's main file among them, is taken as that command's earlier output, so re-reporting an old run works.
     */
    private static final java.util.Map<String, java.util.regex.Pattern> LEGACY = java.util.Map.of(
            "report", java.util.regex.Pattern.compile("index\\.html|report\\.md|summary\\.json|charts/[^/]+\\.(png|svg)"
                    + "|tables/[^/]+\\.(csv|tex)"),
            "compare", java.util.regex.Pattern.compile("summary\\.md|junit\\.xml|compare\\.json|compare\\.(png|svg)"),
            "merge", java.util.regex.Pattern.compile("index\\.html|report\\.md|charts/[^/]+\\.(png|svg)"),
            "trend", java.util.regex.Pattern.compile("trend\\.md|charts/[^/]+\\.(png|svg)"));
    private static final java.util.Map<String, String> LEGACY_MAIN = java.util.Map.of(
            "report", "index.html", "compare", "summary.md", "merge", "index.html", "trend", "trend.md");

    static void checkOwned(Path dir, String command) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "exists and is not a folder; choose another --out");
        }
        List<String> present;
        try (Stream<Path> walk = Files.walk(dir)) {
            present = walk.filter(p -> !p.equals(dir)).filter(p -> !Files.isDirectory(p))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot be read (" + reason(e) + "); choose another --out");
        }
        if (present.isEmpty()) {
            return;
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker) && LEGACY.containsKey(command) && present.contains(LEGACY_MAIN.get(command))
                && present.stream().allMatch(f -> LEGACY.get(command).matcher(f).matches())) {
            return; // an earlier parbench's output of this command, from before markers
        }
        if (!Files.isRegularFile(marker)) {
            throw new InputException(dir, "is not empty and was not written by parbench (it holds " + sample(present)
                    + "); choose a new or empty folder for --out: nothing of yours is moved or deleted");
        }
        TreeSet<String> listed = new TreeSet<>();
        try {
            for (var n : JSON.readTree(marker.toFile()).path("files")) {
                listed.add(n.asText());
            }
        } catch (IOException e) {
            throw new InputException(marker, "is not a readable parbench marker; choose another --out");
        }
        List<String> foreign = present.stream().filter(p -> !p.equals(MARKER) && !listed.contains(p)).toList();
        if (!foreign.isEmpty()) {
            throw new InputException(dir, "holds files parbench did not write (" + sample(foreign) + "); choose another "
                    + "--out, or move them: nothing of yours is moved or deleted");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(dir, "is not writable, so the earlier output cannot be replaced");
        }
    }

    /** Removes hidden siblings left by a command that was killed (its process is gone). */
    private static void removeStaleSiblings(Path target) {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + ".parbench-*")) {
            for (Path s : siblings) {
                String rest = s.getFileName().toString().substring(prefix.length());
                if (!(rest.startsWith(TMP) || rest.startsWith(OLD)) || !Files.isDirectory(s)) {
                    continue;
                }
                if (rest.startsWith(TMP) && ownerAlive(s)) {
                    continue; // another command is writing there right now
                }
                if (Files.isRegularFile(s.resolve(MARKER))) {
                    deleteQuietly(s);
                }
            }
        } catch (IOException e) {
            // a folder we cannot list holds nothing we could clean up either
        }
    }

    private static boolean ownerAlive(Path tmp) {
        try {
            long pid = JSON.readTree(tmp.resolve(MARKER).toFile()).path("pid").asLong(-1);
            return pid > 0 && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Object> marker(String command, List<String> files, Long pid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writtenBy", "parbench " + command);
        if (pid != null) {
            m.put("pid", pid);
        }
        m.put("files", files);
        return m;
    }

    /** The absolute, normalised path with symbolic links resolved as far as the path exists. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static String sample(List<String> files) {
        return files.size() <= 3 ? String.join(", ", files) : String.join(", ", files.subList(0, 3)) + " and "
                + (files.size() - 3) + " more";
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void deleteQuietly(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            // best effort: a later command removes stale siblings
        }
    }
}
