package io.parbench.analyzer.model;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies a benchmark across runs: its JMH name, mode, JMH thread count and params (sorted by name).
 */
public record BenchmarkKey(String benchmark, String mode, int jmhThreads, SortedMap<String, String> params) {

    public BenchmarkKey {
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The class and method, without the package: {@code PrimesBenchmark.run}. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** The benchmark's class (everything before the last dot). */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** These params without the named ones: the key of a group of benchmarks that differ only in those. */
    public SortedMap<String, String> paramsWithout(String... names) {
        SortedMap<String, String> rest = new TreeMap<>(params);
        for (String n : names) {
            rest.remove(n);
        }
        return rest;
    }

    /** {@code PrimesBenchmark.run [size=300000, strategy=pool, threads=2]}. */
    public String label() {
        return shortName() + (params.isEmpty() ? "" : " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]")))
                + (jmhThreads > 1 ? " @" + jmhThreads + " JMH threads" : "");
    }
}
