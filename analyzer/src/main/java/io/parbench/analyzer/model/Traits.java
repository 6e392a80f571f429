package io.parbench.analyzer.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the launcher knows of a benchmark and JMH's results do not say, as environment.json's {@code benchmarks}
 * records it (see the benchmarks module's BenchmarkTraits): the analyzer reads these instead of guessing from names,
 * so a user's class called {@code HttpClientBench} is not taken for parbench's HTTP benchmark, and renaming one of
 * ours changes nothing.
 *
 * @param suite    cpu, io, sync, python; "other" when unknown
 * @param workload the workload id (primes, http, ...), or null
 * @param work     cpu, io or sync; null when unknown
 * @param runtime  jvm or cpython
 * @param server   the tasks talk to a server on the same machine
 * @param pipeline an operation waits, then computes (the hybrid pipeline)
 * @param axis     the concurrency axis ({@code threads}, {@code jmhThreads}), or null
 * @param baseline the strategy the others are measured against, or null
 */
public record Traits(String suite, String workload, String work, String runtime, boolean server, boolean pipeline,
        String axis, String baseline) {

    /** A benchmark nothing is known of: a user's JMH file without parbench's environment.json. */
    public static final Traits UNKNOWN = new Traits("other", null, null, "jvm", false, false, null, null);

    /** The python suite's benchmark-name prefixes: {@code python.primes}, {@code python-ft.primes} (free-threaded). */
    public static final String PYTHON_PREFIX = "python";
    public static final String FREE_THREADED_PREFIX = "python-ft";

    public boolean cpython() {
        return "cpython".equals(runtime);
    }

    /** The traits of {@code benchmark} in this run: recorded by the launcher, else (an older run folder) inferred. */
    public static Traits of(Environment env, String benchmark) {
        JsonNode all = env.json().path("benchmarks");
        if (all.isObject()) {
            JsonNode t = all.path(benchmark);
            if (t.isMissingNode()) {
                int dot = benchmark.lastIndexOf('.');
                t = dot < 0 ? t : all.path(benchmark.substring(0, dot)); // an entry for every method of its class
            }
            if (!t.isObject()) {
                return UNKNOWN;
            }
            return new Traits(t.path("suite").asText("other"), text(t, "workload"), text(t, "work"),
                    t.path("runtime").asText("jvm"), t.path("server").asBoolean(false), t.path("pipeline").asBoolean(false),
                    text(t, "axis"), text(t, "baseline"));
        }
        return env.present() ? legacy(benchmark) : UNKNOWN;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /**
     * The traits of a benchmark in a parbench run folder written before environment.json recorded them (schema 1
     * without {@code benchmarks}), from the names parbench gave its own benchmarks then: the package
     * ({@code ...bench.suite.cpu.X} is the cpu suite), the class ({@code HttpBenchmark} talks to a server), the python
     * harness's prefix. The only place the analyzer reads meaning into a name; never used for a file without
     * parbench's environment.json.
     */
    public static Traits legacy(String benchmark) {
        boolean python = benchmark.startsWith(PYTHON_PREFIX + ".") || benchmark.startsWith(FREE_THREADED_PREFIX + ".");
        if (python) {
            String workload = benchmark.substring(benchmark.indexOf('.') + 1);
            boolean server = workload.equals("http") || workload.equals("hybrid");
            return new Traits("python", workload, "cpu", "cpython", server, workload.equals("hybrid"), "threads",
                    "sequential");
        }
        int i = benchmark.indexOf(".suite.");
        String suite = "other";
        if (i >= 0) {
            String rest = benchmark.substring(i + 7);
            int dot = rest.indexOf('.');
            suite = dot < 0 ? "other" : rest.substring(0, dot);
        }
        String[] parts = benchmark.split("\\.");
        String simple = parts.length >= 2 ? parts[parts.length - 2] : benchmark;
        String workload = simple.endsWith("Benchmark") ? simple.substring(0, simple.length() - 9).toLowerCase(java.util.Locale.ROOT)
                : null;
        boolean hybrid = simple.contains("Hybrid");
        return new Traits(suite, workload, suite.equals("other") ? null : suite, "jvm", simple.contains("Http") || hybrid,
                hybrid, null, null);
    }
}
