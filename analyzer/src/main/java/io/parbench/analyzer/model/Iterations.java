package io.parbench.analyzer.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The warm-up iterations of each benchmark's forks, from the iterations.json that parbench's launcher writes beside
 * results.json (JMH's JSON keeps only the measured iterations), and what a fork and an iteration of each benchmark
 * cost, where the launcher timed its forks. Forks are in the order of results.json's rawData rows. Empty for any other
 * JMH file.
 */
public record Iterations(Map<String, List<double[]>> warmup, Map<String, Cost> costs) {

    /**
     * What one more fork and one more measured iteration of a benchmark cost, in seconds: the median over its timed
     * forks of a fork's wall time less its measured iterations' (the JVM's start, JMH's set-up, the warm-up, the exit),
     * and of a measured iteration's wall time; {@code forks} how many forks were timed.
     */
    public record Cost(double forkSeconds, double iterationSeconds, int forks) {
    }

    public static Iterations none() {
        return new Iterations(Map.of(), Map.of());
    }

    /** The key of a benchmark: name, mode, JMH threads and params, as iterations.json and results.json both give them. */
    public static String key(String benchmark, String mode, int threads, Map<String, String> params) {
        return benchmark + "|" + mode + "|" + threads + "|" + new TreeMap<>(params);
    }

    private static String key(BenchmarkKey k) {
        return key(k.benchmark(), k.mode(), k.jmhThreads(), k.params());
    }

    /** Each fork's warm-up scores, or an empty list when none were recorded. */
    public List<double[]> warmupOf(BenchmarkKey k) {
        return warmup.getOrDefault(key(k), List.of());
    }

    /** What a fork and an iteration of the benchmark cost, when the launcher timed its forks. */
    public Optional<Cost> costOf(BenchmarkKey k) {
        return Optional.ofNullable(costs.get(key(k)));
    }
}
