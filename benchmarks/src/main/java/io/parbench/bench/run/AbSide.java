package io.parbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One side of an A/B run: a benchmarks jar, the JVM arguments its forks get, and its run folder. Each fork is a JMH
 * run ({@code ... -f 1 -rf json}) of the side's own jar, in the side's own JMH host JVM ({@link AbHost}, started once
 * and kept), so any JMH jar works, whatever its JMH version; the forks' JSON is joined into the folder's results.json
 * ({@link JsonForks}), and the warm-up iterations JMH prints are kept in iterations.json, as {@code parbench run}
 * keeps them.
 */
final class AbSide {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern ITERATION = Pattern.compile("^(# Warmup )?Iteration\\s+\\d+: ([0-9]+(?:[.,][0-9]+)?) \\S+");

    final String name;
    final Path jar;
    final List<String> forkJvmArgs;
    final RunDirectory dir;
    private final List<String> javaCommand;
    private final JsonForks forks = new JsonForks();
    /** Per benchmark key: its description and each fork's warm-up and measured scores (iterations.json). */
    private final Map<String, Map<String, Object>> series = new LinkedHashMap<>();
    private final Path hostClasses;
    private volatile Process host;
    private java.io.BufferedReader replies;

    /** The outcome of one fork: the benchmarks it measured (key to fork index), or why it failed. */
    record Fork(Map<String, Integer> added, String failure) {
    }

    AbSide(String name, Path jar, List<String> javaCommand, List<String> forkJvmArgs, RunDirectory dir, Path hostClasses) {
        this.hostClasses = hostClasses;
        this.name = name;
        this.jar = jar;
        this.javaCommand = List.copyOf(javaCommand);
        this.forkJvmArgs = List.copyOf(forkJvmArgs);
        this.dir = dir;
    }

    /** JMH's arguments for one fork of {@code unit}. */
    List<String> command(AbSchedule.Unit unit, JmhSettings settings, List<String> passThrough, Path json) {
        List<String> cmd = new ArrayList<>();
        cmd.addAll(List.of(unit.includePattern(),
                "-f", "1", "-foe", "true",
                "-wi", Integer.toString(settings.warmupIterations()), "-w", settings.warmupTime().toString(),
                "-i", Integer.toString(settings.measurementIterations()), "-r", settings.measurementTime().toString(),
                "-rf", "json", "-rff", json.toString()));
        unit.params().forEach((k, v) -> cmd.addAll(List.of("-p", k + "=" + v)));
        if (unit.jmhThreads() > 0) {
            cmd.addAll(List.of("-t", Integer.toString(unit.jmhThreads())));
        }
        if (!forkJvmArgs.isEmpty()) {
            cmd.addAll(List.of("-jvmArgsAppend", String.join(" ", forkJvmArgs)));
        }
        cmd.addAll(passThrough);
        return cmd;
    }

    /** Runs one fork of {@code unit} in round {@code round}; the run folder is rewritten after it. */
    Fork run(AbSchedule.Unit unit, int round, JmhSettings settings, List<String> passThrough) throws IOException,
            InterruptedException {
        // In the run's own temporary folder (beside AbHost's class), which Ctrl-C removes as a whole.
        Path json = Files.createTempFile(hostClasses, name + "-", ".json");
        Path log = Files.createTempFile(hostClasses, name + "-", ".log");
        try {
            int rc = request(log, command(unit, settings, passThrough, json));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RunDirectory.LOG), "# parbench ab: round " + round + ", " + name + ": "
                    + unit.label() + "\n" + output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            String text = Files.size(json) > 0 ? Files.readString(json, StandardCharsets.UTF_8) : "";
            if (rc != 0 || text.isBlank() || text.trim().equals("[]")) {
                return new Fork(Map.of(), failure(rc, output));
            }
            JsonNode parsed = Json.MAPPER.readTree(text);
            List<Measured> measured = new ArrayList<>(); // read before add(), which joins a first fork in place
            parsed.forEach(e -> measured.add(new Measured(JsonForks.key(e), JsonForks.firstRow(e), describe(e))));
            Map<String, Integer> added = forks.add(parsed);
            record(added, round, output, measured);
            write();
            return new Fork(added, null);
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(log);
        }
    }

    /** Sends one request to the side's JMH host (started if need be); its exit code, or -1 if the host died. */
    private synchronized int request(Path log, List<String> jmhArgs) throws IOException {
        if (host == null || !host.isAlive()) {
            List<String> cmd = new ArrayList<>(javaCommand);
            cmd.addAll(List.of("-cp", jar + java.io.File.pathSeparator + hostClasses, AbHost.class.getName(), jar.toString()));
            host = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            replies = new java.io.BufferedReader(new java.io.InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        }
        StringBuilder line = new StringBuilder(encode(log.toString()));
        jmhArgs.forEach(a -> line.append('\t').append(encode(a)));
        line.append('\n');
        try {
            host.getOutputStream().write(line.toString().getBytes(StandardCharsets.UTF_8));
            host.getOutputStream().flush();
            String reply = replies.readLine();
            if (reply != null && reply.startsWith("done ")) {
                return Integer.parseInt(reply.substring(5).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // the host died: said below
        }
        stop();
        return -1;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Ends the side's JMH host and any fork it runs: at the end, and on Ctrl-C. */
    void stop() {
        Process p = host;
        if (p != null) {
            destroy(p);
        }
    }

    static void destroy(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            for (ProcessHandle child : children) { // a fork the host had started, should it outlive it
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int benchmarks() {
        return forks.benchmarks();
    }

    /** What JMH said went wrong: its first error line, or the exit code. */
    static String failure(int rc, String output) {
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("<failure>") || l.contains("Exception") || l.startsWith("ERROR") || l.startsWith("Error")) {
                return l.replace("<failure>", "").strip();
            }
        }
        return rc < 0 ? "the JMH host ended unexpectedly (see run.log)" : "JMH ended with " + rc + " and no result (see run.log)";
    }

    /** One benchmark of a fork's JSON: its key, measured scores, and how iterations.json names it. */
    private record Measured(String key, List<Double> scores, Map<String, Object> described) {
    }

    /** Keeps each new fork's iteration series, the warm-ups from JMH's text (its JSON has none). */
    private void record(Map<String, Integer> added, int round, String output, List<Measured> measured) {
        List<List<Double>[]> printed = iterations(output);
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            if (!added.containsKey(m.key())) {
                continue;
            }
            List<Double> warmup = List.of();
            if (i < printed.size() && printed.get(i)[1].size() == m.scores().size()) {
                warmup = printed.get(i)[0]; // JMH prints the benchmarks in the order its JSON lists them
            }
            Map<String, Object> fork = new LinkedHashMap<>();
            fork.put("round", round);
            fork.put("warmup", warmup);
            fork.put("measurement", m.scores());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> forkList = (List<Map<String, Object>>) series.computeIfAbsent(m.key(),
                    k -> m.described()).get("forks");
            forkList.add(fork);
        }
    }

    /** A benchmark as iterations.json names it, with an empty list for its forks. */
    private static Map<String, Object> describe(JsonNode entry) {
        Map<String, Object> m = new LinkedHashMap<>(IterationRecorder.describe(entry));
        m.put("forks", new ArrayList<Map<String, Object>>());
        return m;
    }

    /** Per benchmark JMH printed, its warm-up and measured scores ({@code [warmup, measured]}). */
    @SuppressWarnings("unchecked")
    static List<List<Double>[]> iterations(String output) {
        List<List<Double>[]> out = new ArrayList<>();
        List<Double>[] current = null;
        for (String line : output.split("\n")) {
            if (BENCHMARK.matcher(line).find()) {
                current = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
                out.add(current);
                continue;
            }
            Matcher m = ITERATION.matcher(line);
            if (current != null && m.find()) {
                double v = Double.parseDouble(m.group(2).replace(',', '.'));
                current[m.group(1) != null ? 0 : 1].add(v);
            }
        }
        return out;
    }

    /** results.json and iterations.json, rewritten after every fork so the folder is valid at any moment. */
    void write() throws IOException {
        String json = forks.json();
        dir.writeAtomically(RunDirectory.RESULTS, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("about", "Every iteration's primary score per benchmark and fork (warm-up included), in each "
                + "benchmark's unit; JMH's results.json keeps only the measured ones. The warm-up scores are JMH's "
                + "printed ones (as many digits as JMH prints).");
        root.put("rounds", Map.of("note", "one side of a parbench ab run: the rounds and their order are in ../ab.json"));
        root.put("benchmarks", new ArrayList<>(series.values()));
        dir.writeAtomically(RunDirectory.ITERATIONS, out -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }
}
