package io.parbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * The forks of every benchmark, gathered over the rounds of a run: each round runs one fork of each benchmark (a JMH
 * run with {@code -f 1}), and this class joins a benchmark's forks into one JMH result, the way JMH itself joins the
 * forks of a {@code -f 3} run (a {@link RunResult} over one {@link BenchmarkResult} per fork). JMH's own JSON writer
 * then writes it: one entry per benchmark, one rawData row per fork, score and error over all of them, and
 * {@code forks} set to the forks it holds.
 */
final class ForkResults {

    private final Map<String, BenchmarkParams> params = new LinkedHashMap<>();
    private final Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();

    /** The key JMH itself would tell two benchmarks apart by: name, mode, threads and params. */
    static String key(BenchmarkParams p) {
        Map<String, String> sorted = new TreeMap<>();
        for (String k : p.getParamsKeys()) {
            sorted.put(k, p.getParam(k));
        }
        return p.getBenchmark() + "|" + p.getMode().shortLabel() + "|" + p.getThreads() + "|" + sorted;
    }

    synchronized void add(Collection<RunResult> run) {
        for (RunResult r : run) {
            String k = key(r.getParams());
            params.putIfAbsent(k, r.getParams());
            forks.computeIfAbsent(k, x -> new ArrayList<>()).addAll(r.getBenchmarkResults());
        }
    }

    /** How many benchmarks have at least one fork. */
    synchronized int benchmarks() {
        return forks.size();
    }

    /** The forks each benchmark has so far. */
    synchronized int forksOf(BenchmarkParams p) {
        return forks.getOrDefault(key(p), List.of()).size();
    }

    /**
     * The half-width of the 95% interval of benchmark {@code key}'s score, relative to it: Student t over its fork means
     * (Kalibera and Jones); infinite with fewer than two forks.
     */
    synchronized double relativeHalfWidth(String key) {
        List<BenchmarkResult> f = forks.getOrDefault(key, List.of());
        if (f.size() < 2) {
            return Double.POSITIVE_INFINITY;
        }
        return relativeHalfWidth(f.stream().mapToDouble(r -> r.getPrimaryResult().getScore()).toArray());
    }

    /** The relative half-width of the 95% Student t interval of the mean of {@code means} (at least two). */
    static double relativeHalfWidth(double[] means) {
        double mean = java.util.Arrays.stream(means).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (means.length - 1);
        double t = new org.apache.commons.math3.distribution.TDistribution(means.length - 1).inverseCumulativeProbability(0.975);
        return mean > 0 ? t * Math.sqrt(var / means.length) / mean : Double.POSITIVE_INFINITY;
    }

    /** results.json's entries: JMH's JSON of the joined results, with {@code forks} set to the forks each one holds. */
    synchronized ArrayNode array() throws java.io.IOException {
        List<RunResult> joined = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (var e : forks.entrySet()) {
            joined.add(new RunResult(params.get(e.getKey()), e.getValue()));
            counts.add(e.getValue().size());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(joined);
        ps.flush();
        JsonNode array = Json.MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8));
        if (!(array instanceof ArrayNode a)) {
            throw new java.io.IOException("JMH's JSON writer wrote no array");
        }
        for (int i = 0; i < a.size() && i < counts.size(); i++) {
            if (a.get(i) instanceof ObjectNode o) {
                o.put("forks", counts.get(i));
            }
        }
        return a;
    }
}
