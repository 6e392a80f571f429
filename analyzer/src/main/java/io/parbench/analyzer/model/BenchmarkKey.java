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

    /**
     * The order a reader expects: benchmark, mode, JMH threads, then each param by name, numbers as numbers
     * ({@code length=10} before {@code length=1000}).
     */
    public static final java.util.Comparator<BenchmarkKey> NATURAL = (x, y) -> {
        int c = x.benchmark.compareTo(y.benchmark);
        c = c != 0 ? c : x.mode.compareTo(y.mode);
        c = c != 0 ? c : Integer.compare(x.jmhThreads, y.jmhThreads);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(x.params.keySet());
        names.addAll(y.params.keySet());
        for (String n : names) {
            if (c != 0) {
                return c;
            }
            c = naturally(x.params.get(n), y.params.get(n));
        }
        return c;
    };

    private static int naturally(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
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
