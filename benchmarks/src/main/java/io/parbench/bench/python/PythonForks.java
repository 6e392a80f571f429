package io.parbench.bench.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.bench.run.Json;
import io.parbench.bench.run.PlannedBenchmark;
import io.parbench.bench.workload.io.IoFailure;
import io.parbench.bench.workload.io.LoopbackServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the forks of the python suite: each fork is one interpreter process ({@code python3 -m parbench_py fork}),
 * given parbench's own loopback HTTP server (started in this JVM for the fork, closed after it) when its workload
 * fetches. The fork's stderr goes to run.log. Stopping the run ends the fork and every process under it (its
 * pools' workers, a forkserver, multiprocessing's resource tracker): the harness closes its pools on SIGTERM, and
 * whatever is still alive a few seconds later is killed.
 */
public final class PythonForks implements AutoCloseable {

    /**
     * One fork's outcome: its JMH JSON array (one result, one rawData row), its warm-up scores, its wall time from the
     * interpreter's start to its exit, and that of its measured iterations as the harness timed them (NaN from a
     * harness that did not say).
     */
    public record Fork(JsonNode result, List<Double> warmup, double seconds, double measuredSeconds) {
    }

    /** A fork that failed: the harness's own sentence. */
    public static final class ForkFailure extends Exception {
        public ForkFailure(String message) {
            super(message);
        }
    }

    private final PythonHarness harness;
    private final Map<String, PythonRuntime> runtimes = new LinkedHashMap<>();
    private final PythonSuite.Settings settings;
    private final Function<String, String> rawParam;
    private final File log;
    private volatile Process current;

    /**
     * @param rawParam the value of a raw {@code -p name=value} option after {@code --}, or null (for the workloads'
     *                 own params: latencyMs, responseBytes, width)
     */
    public PythonForks(PythonHarness harness, List<PythonRuntime> runtimes, PythonSuite.Settings settings,
            Function<String, String> rawParam, File log) {
        this.harness = harness;
        runtimes.forEach(r -> this.runtimes.put(r.prefix(), r));
        this.settings = settings;
        this.rawParam = rawParam;
        this.log = log;
    }

    public PythonSuite.Settings settings() {
        return settings;
    }

    /** The workload params of one benchmark: the harness's defaults, replaced by raw -p options. */
    public Map<String, String> params(String workload) {
        Map<String, String> out = new LinkedHashMap<>();
        PythonSuite.PARAMS.getOrDefault(workload, Map.of()).forEach((k, v) -> {
            String raw = rawParam.apply(k);
            out.put(k, raw == null ? v : raw);
        });
        return out;
    }

    /** Runs one fork of {@code b}; {@link ForkFailure} with the harness's sentence when it fails. */
    public Fork run(PlannedBenchmark b) throws ForkFailure, IOException, InterruptedException {
        String prefix = PythonSuite.prefix(b.entry());
        PythonRuntime runtime = runtimes.get(prefix);
        if (runtime == null) {
            throw new ForkFailure("no interpreter for " + prefix + " benchmarks");
        }
        String workload = b.entry().workload();
        Map<String, String> params = params(workload);
        List<String> cmd = new ArrayList<>(List.of(runtime.executable().toString(), "-m", "parbench_py", "fork",
                "--workload", workload, "--strategy", b.strategy(), "--threads", Integer.toString(b.threads()),
                "--size", Long.toString(b.size()), "--warmup", Integer.toString(settings.warmupIterations()),
                "--iterations", Integer.toString(settings.measurementIterations()),
                "--iteration-ms", Integer.toString(settings.iterationMillis()), "--prefix", prefix));
        params.forEach((k, v) -> cmd.addAll(List.of("--param", k + "=" + v)));
        try (LoopbackServer server = server(workload, params)) {
            if (server != null) {
                cmd.addAll(List.of("--url", "http://127.0.0.1:" + server.port() + "/"));
            }
            java.nio.file.Path stderr = java.nio.file.Files.createTempFile(harness.path(), "fork-", ".stderr");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(harness.path().toFile())
                    .redirectError(stderr.toFile());
            pb.environment().put("PYTHONPATH", harness.path().toString());
            pb.environment().put("PYTHONUNBUFFERED", "1");
            long started = System.nanoTime();
            Process p = pb.start();
            current = p;
            try {
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    throw new ForkFailure("the interpreter did not finish within 10 minutes");
                }
                String text = new String(out, StandardCharsets.UTF_8).trim();
                if (p.exitValue() != 0) {
                    String said = harnessSentence(stderr);
                    throw new ForkFailure(said != null ? said : "the interpreter exited with " + p.exitValue()
                            + " (its output is in run.log)");
                }
                JsonNode doc = Json.MAPPER.readTree(lastLine(text, ""));
                if (doc == null || !doc.path("result").isArray()) {
                    throw new ForkFailure("the interpreter printed no result");
                }
                List<Double> warmup = new ArrayList<>();
                doc.path("warmup").forEach(v -> warmup.add(v.asDouble()));
                return new Fork(doc.get("result"), warmup, (System.nanoTime() - started) / 1e9,
                        doc.path("measuredSeconds").asDouble(Double.NaN));
            } finally {
                stop(p);
                current = null;
                appendToLog(stderr);
            }
        } catch (IoFailure e) {
            throw new ForkFailure(e.getMessage());
        }
    }

    /** The last line of an interpreter's output (the harness prints its JSON last), or {@code none}. */
    static String lastLine(String text, String none) {
        return text.lines().reduce((x, y) -> y).orElse(none);
    }

    /** The harness's own sentence ("parbench_py: ..."), the last one it wrote to stderr, or null. */
    static String harnessSentence(java.nio.file.Path stderr) throws IOException {
        String said = null;
        for (String line : java.nio.file.Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (line.startsWith("parbench_py: ")) {
                said = line.substring("parbench_py: ".length());
            }
        }
        return said;
    }

    /** A fork's stderr, added to run.log and then deleted. */
    private void appendToLog(java.nio.file.Path stderr) throws IOException {
        try {
            java.nio.file.Files.write(log.toPath(), java.nio.file.Files.readAllBytes(stderr),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } finally {
            java.nio.file.Files.deleteIfExists(stderr);
        }
    }

    /** The loopback server a fork of {@code workload} fetches from, or null. */
    static LoopbackServer server(String workload, Map<String, String> params) throws IoFailure {
        long latency = Long.parseLong(params.getOrDefault("latencyMs", "0"));
        if (workload.equals("http")) {
            byte[] body = new byte[Integer.parseInt(params.get("responseBytes"))];
            java.util.Arrays.fill(body, (byte) 'x');
            return LoopbackServer.start(0, latency, i -> body, LoopbackServer.Fault.NONE);
        }
        if (workload.equals("hybrid")) {
            long width = Long.parseLong(params.get("width"));
            return LoopbackServer.start(0, latency, i -> {
                long lo = io.parbench.bench.workload.io.PrimeFeed.BASE + i * width;
                return (lo + " " + (lo + width)).getBytes(StandardCharsets.US_ASCII);
            }, LoopbackServer.Fault.NONE);
        }
        return null;
    }

    /**
     * Ends a fork and everything under it: SIGTERM (the harness closes its pools), up to 5 s to go, then SIGKILL for
     * whatever of the tree seen before is still alive. The tree is read first: once the fork is gone its workers
     * would no longer be its descendants.
     */
    static void stop(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        if (p.isAlive()) {
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        p.destroyForcibly();
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    /** Stops the fork in progress, if any (the run is being interrupted). */
    public void stopCurrent() {
        Process p = current;
        if (p != null) {
            stop(p);
        }
    }

    @Override
    public void close() {
        stopCurrent();
        harness.close();
    }

    /** The harness folder (for tests). */
    Path harnessPath() {
        return harness.path();
    }
}
