package io.parbench.bench.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Passes JMH's output on and keeps every iteration's primary score, warm-up ones included, per benchmark and fork:
 * JMH's JSON keeps only the measured iterations, and a steady-state check wants the whole series. Written beside
 * results.json as iterations.json, with each fork's wall time and that of its measured iterations: what a fork and an
 * iteration cost on this machine, which the report's plan of forks x iterations (Kalibera and Jones) needs.
 */
final class IterationRecorder implements OutputFormat {

    /**
     * One fork's series: warm-up then measurement scores, in JMH's unit for the benchmark; {@code seconds} its wall
     * time as the runner saw it (the JVM's start and exit, JMH's set-up, every iteration; a later fork of the same
     * run of JMH counts from the previous fork's last iteration), {@code measuredSeconds} that of its measured
     * iterations. Both are null for a fork the recorder did not time.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fork(int round, List<Double> warmup, List<Double> measurement, Double seconds, Double measuredSeconds) {

        Fork timed(double seconds, double measuredSeconds) {
            // to the microsecond: a smoke fork's one iteration can take less than a millisecond
            return new Fork(round, warmup, measurement, Math.round(seconds * 1e6) / 1e6,
                    Math.round(measuredSeconds * 1e6) / 1e6);
        }
    }

    private final OutputFormat out;
    private final Map<String, List<Fork>> series = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
    private int round;
    private Fork current;
    private List<Fork> currentList;
    /** System.nanoTime(): the benchmark's start, the current fork's and iteration's, the last result's (0: none). */
    private long benchmarkStart;
    private long forkStart;
    private long iterationStart;
    private long lastResult;
    private long measuredNanos;

    IterationRecorder(OutputFormat out) {
        this.out = out;
    }

    synchronized void round(int r) {
        round = r;
    }

    @Override
    public synchronized void startBenchmark(BenchmarkParams params) {
        out.startBenchmark(params);
        benchmarkStart = System.nanoTime();
        lastResult = 0;
    }

    @Override
    public synchronized void iteration(BenchmarkParams b, IterationParams p, int iteration) {
        out.iteration(b, p, iteration);
        long now = System.nanoTime();
        if (forkStarts(b, p, iteration)) {
            // a fork's time runs from the previous fork's last iteration (or the benchmark's start) to its own last
            endFork(lastResult);
            forkStart = lastResult == 0 ? benchmarkStart : lastResult;
        }
        iterationStart = now;
    }

    private static boolean forkStarts(BenchmarkParams b, IterationParams p, int iteration) {
        return iteration == 1 && (p.getType() == IterationType.WARMUP || b.getWarmup().getCount() == 0);
    }

    /** Gives the current fork its times, the fork ending at {@code end} (System.nanoTime()). */
    private void endFork(long end) {
        if (current != null && currentList != null && end > forkStart) {
            currentList.set(currentList.size() - 1, current.timed((end - forkStart) / 1e9, measuredNanos / 1e9));
        }
        current = null;
        currentList = null;
    }

    @Override
    public synchronized void iterationResult(BenchmarkParams b, IterationParams p, int iteration, IterationResult data) {
        out.iterationResult(b, p, iteration, data);
        long now = System.nanoTime();
        String key = ForkResults.key(b);
        if (forkStarts(b, p, iteration)) {
            current = new Fork(round, new ArrayList<>(), new ArrayList<>(), null, null);
            currentList = series.computeIfAbsent(key, k -> new ArrayList<>());
            currentList.add(current);
            keys.computeIfAbsent(key, k -> describe(b));
            measuredNanos = 0;
        }
        lastResult = now;
        if (current == null) {
            return;
        }
        double score = data.getPrimaryResult().getScore();
        if (p.getType() == IterationType.WARMUP) {
            current.warmup().add(score);
        } else {
            current.measurement().add(score);
            measuredNanos += now - iterationStart;
        }
    }

    /**
     * Records a fork that did not run under JMH (the python suite's interpreter processes): {@code entry} is its JMH
     * JSON result, whose measured iterations are its rawData row; {@code seconds} and {@code measuredSeconds} its wall
     * time and its measured iterations' (the fork is left untimed unless both are positive and the first is larger).
     */
    synchronized void recordFork(com.fasterxml.jackson.databind.JsonNode entry, List<Double> warmup, double seconds,
            double measuredSeconds) {
        String key = JsonForks.key(entry);
        Fork fork = new Fork(round, List.copyOf(warmup), JsonForks.firstRow(entry), null, null);
        series.computeIfAbsent(key, k -> new ArrayList<>()).add(measuredSeconds > 0 && seconds > measuredSeconds
                ? fork.timed(seconds, measuredSeconds) : fork);
        keys.computeIfAbsent(key, k -> describe(entry));
    }

    /** A benchmark of a JMH JSON entry as iterations.json names it: name, mode, threads, params. */
    static Map<String, Object> describe(com.fasterxml.jackson.databind.JsonNode entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", entry.path("benchmark").asText());
        m.put("mode", entry.path("mode").asText());
        m.put("threads", entry.path("threads").asInt());
        Map<String, String> params = new java.util.TreeMap<>();
        entry.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        m.put("params", params);
        return m;
    }

    private static Map<String, Object> describe(BenchmarkParams b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", b.getBenchmark());
        m.put("mode", b.getMode().shortLabel());
        m.put("threads", b.getThreads());
        Map<String, String> params = new java.util.TreeMap<>();
        b.getParamsKeys().forEach(k -> params.put(k, b.getParam(k)));
        m.put("params", params);
        return m;
    }

    /** iterations.json's content. */
    synchronized Map<String, Object> document(Map<String, Object> rounds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("about", "Every iteration's primary score per benchmark and fork (warm-up included), in each "
                + "benchmark's unit; JMH's results.json keeps only the measured ones.");
        root.put("rounds", rounds);
        List<Object> list = new ArrayList<>();
        for (var e : series.entrySet()) {
            Map<String, Object> b = new LinkedHashMap<>(keys.get(e.getKey()));
            b.put("forks", e.getValue());
            list.add(b);
        }
        root.put("benchmarks", list);
        return root;
    }

    @Override
    public synchronized void endBenchmark(BenchmarkResult result) {
        out.endBenchmark(result);
        endFork(System.nanoTime());
    }

    @Override
    public void startRun() {
        out.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        out.endRun(result);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void println(String s) {
        out.println(s);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void verbosePrintln(String s) {
        out.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        out.write(b);
    }
}
