package io.parbench.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The warm-up iterations of each benchmark's forks, from the iterations.json that parbench's launcher writes beside
 * results.json (JMH's JSON keeps only the measured iterations). Forks are in the order of results.json's rawData rows.
 * Empty for any other JMH file.
 */
public record Iterations(Map<String, List<double[]>> warmup) {

    public static Iterations none() {
        return new Iterations(Map.of());
    }

    /** The key of a benchmark: name, mode, JMH threads and params, as iterations.json and results.json both give them. */
    public static String key(String benchmark, String mode, int threads, Map<String, String> params) {
        return benchmark + "|" + mode + "|" + threads + "|" + new TreeMap<>(params);
    }

    /** Each fork's warm-up scores, or an empty list when none were recorded. */
    public List<double[]> warmupOf(BenchmarkKey k) {
        return warmup.getOrDefault(key(k.benchmark(), k.mode(), k.jmhThreads(), k.params()), List.of());
    }
}
