package io.parbench.analyzer.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A folder of past runs, indexed by time, git commit and machine: {@code <root>/<machine>/<time>-<commit>/} holds a
 * copy of each run's results.json, environment.json and run.log, and {@code <root>/index.json} lists them.
 *
 * <p>The machine key is the machine's type (CPU model, logical CPUs, memory), not its host name: CI runners of one
 * type get a new host name every run, and their runs belong together.
 */
public final class HistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> FILES = List.of("results.json", "environment.json", "run.log");
    private static final java.util.regex.Pattern COMMIT = java.util.regex.Pattern.compile("[0-9a-fA-F]{4,64}");

    /** One stored run. {@code path} is relative to the history root. */
    public record Entry(String id, String path, String time, String commit, Boolean dirty, String machine, String host,
            String profile, int benchmarks) {
    }

    private final Path root;

    public HistoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public List<Entry> entries() {
        Path index = root.resolve("index.json");
        if (!Files.exists(index)) {
            return List.of();
        }
        try {
            return JSON.readValue(index.toFile(), new TypeReference<List<Entry>>() { });
        } catch (IOException e) {
            throw new InputException(index, "is not a parbench history index (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
    }

    /** The machine type a run's environment describes, as a safe folder name. */
    public static String machineKey(Environment env) {
        String cpu = env.text("machine", "cpu", "model");
        if (cpu == null) {
            return "unknown-machine";
        }
        long memGiB = Math.round(env.number("machine", "memory", "totalBytes").orElse(0.0) / (1L << 30));
        String key = cpu + "-" + env.logicalCpus().map(String::valueOf).orElse("x") + "cpu-" + memGiB + "g";
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Copies a run (a run folder with environment.json) into the history and returns its entry. */
    public Entry add(Run run) {
        Environment env = run.environment();
        Path source = run.resultsFile().toAbsolutePath().getParent();
        String started = env.text("startedAt");
        if (!env.present() || started == null) {
            throw new InputException(source, "has no environment.json with startedAt: the history needs the run's time "
                    + "and machine (runs made with scripts/parbench have them)");
        }
        Instant startedAt = parseTime(started);
        if (startedAt == null) {
            throw new InputException(source.resolve("environment.json"), "startedAt '" + Text.shorten(started, 40)
                    + "' is not an ISO-8601 time (example: 2026-11-23T08:12:00Z)");
        }
        started = startedAt.toString();
        String commit = env.text("toolkit", "gitCommit");
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new InputException(source.resolve("environment.json"), "toolkit.gitCommit '" + Text.shorten(commit, 40)
                    + "' is not a git commit id (4 to 64 hexadecimal digits)");
        }
        String machine = machineKey(env);
        String id = startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                .replaceAll("[^0-9TZ]", "") + (commit == null ? ""
                : "-" + commit.substring(0, Math.min(12, commit.length())));
        for (Entry e : entries()) {
            if (e.machine().equals(machine) && e.id().equals(id)) {
                throw new InputException(source, "is already in the history as " + root.resolve(e.path()));
            }
        }
        Path target = inside(root.resolve(machine).resolve(id));
        Path tmp = inside(root.resolve(machine).resolve("." + id + ".tmp"));
        try {
            Files.createDirectories(tmp);
            for (String f : FILES) {
                if (Files.exists(source.resolve(f))) {
                    Files.copy(source.resolve(f), tmp.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            Entry entry = new Entry(id, root.relativize(target).toString(), started, commit,
                    "true".equals(env.text("toolkit", "gitDirty")), machine, env.text("machine", "hostname"),
                    env.text("profile"), run.results().size());
            List<Entry> all = new ArrayList<>(entries());
            all.add(entry);
            all.sort(Comparator.comparing(Entry::time));
            Path indexTmp = root.resolve(".index.json.tmp");
            JSON.writeValue(indexTmp.toFile(), all);
            Files.move(indexTmp, root.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return entry;
        } catch (IOException e) {
            throw new InputException(root, "cannot store the run (" + e.getMessage() + ")");
        }
    }

    /** The runs of the candidate's machine type that started before it, oldest first. */
    public List<Entry> earlierOnSameMachine(Run candidate) {
        String machine = machineKey(candidate.environment());
        String started = candidate.environment().text("startedAt");
        return entries().stream()
                .filter(e -> e.machine().equals(machine))
                .filter(e -> parseTime(e.time()) != null)
                .filter(e -> parseTime(started) == null || parseTime(e.time()).isBefore(parseTime(started)))
                .sorted(Comparator.comparing(Entry::time))
                .toList();
    }

    /**
     * Reads a stored run. An entry whose path leaves the history folder or whose time is not ISO-8601 (a hand-edited
     * or hostile index) is refused with an {@link InputException}, so one bad entry cannot break the others.
     */
    public Run read(Entry e) {
        if (e.path() == null || e.id() == null || parseTime(e.time()) == null
                || (e.commit() != null && !COMMIT.matcher(e.commit()).matches())) {
            throw new InputException(root.resolve("index.json"), "the entry '" + Text.shorten(String.valueOf(e.id()), 60)
                    + "' has no valid path, time or commit");
        }
        return new RunReader().read(inside(root.resolve(e.path())));
    }

    /** "2026-11-23 08:12 abc1234": an entry as a chart label, safe for any stored time and commit. */
    public static String label(Entry e) {
        Instant t = parseTime(e.time());
        String time = t == null ? String.valueOf(e.time()) : t.toString().substring(0, 16).replace('T', ' ');
        return time + (e.commit() == null ? "" : " " + e.commit().substring(0, Math.min(7, e.commit().length())));
    }

    /** A path under the root, or an {@link InputException} if it resolves outside it (path traversal). */
    private Path inside(Path p) {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(root) || n.equals(root)) {
            throw new InputException(root, "a history path would leave the history folder (" + Text.shorten(n.toString(), 80)
                    + "); the run's environment.json or the index was altered");
        }
        return n;
    }

    private static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }
}
