package io.parbench.bench.python;

import io.parbench.bench.run.Profile;
import io.parbench.bench.run.SuiteCatalog;
import io.parbench.bench.run.SuiteCatalog.Entry;
import io.parbench.bench.run.SuiteCatalog.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The python suite: the course's workloads under CPython's threading, multiprocessing, concurrent.futures and
 * asyncio, run by the harness in {@code src/main/python/parbench_py} (one interpreter process per fork) and written
 * into the run's results.json as JMH results named {@code python.<workload>} ({@code python-ft.<workload>} for a
 * free-threaded build). The strategy lists and workload params here are the harness's {@code CATALOG} and
 * {@code PARAMS}; a test compares them.
 */
public final class PythonSuite {

    /** The benchmark name prefix of the GIL build on PATH ({@code python3}). */
    public static final String PREFIX = "python";
    /** The prefix of a free-threaded build ({@code python3.13t}, {@code python3.14t}), when one is present. */
    public static final String FREE_THREADED_PREFIX = "python-ft";

    static final List<String> CPU = List.of("sequential", "thread", "threadpool", "asyncio", "mp-pool", "process-fork",
            "process-spawn", "process-forkserver");
    static final List<String> IO = List.of("sequential", "thread", "threadpool", "asyncio");

    /** workload -> strategies, as the harness's CATALOG. */
    public static final Map<String, List<String>> STRATEGIES = new LinkedHashMap<>();
    /** workload -> params beyond the contract's, with their defaults, as the harness's PARAMS. */
    public static final Map<String, Map<String, String>> PARAMS = new LinkedHashMap<>();

    static {
        STRATEGIES.put("primes", CPU);
        STRATEGIES.put("sumsq", CPU);
        STRATEGIES.put("sleep", IO);
        STRATEGIES.put("http", IO);
        STRATEGIES.put("hybrid", List.of("sequential", "threadpool", "hybrid", "asyncio-hybrid"));
        STRATEGIES.put("counter", List.of("unlocked", "unlocked-call", "locked"));
        STRATEGIES.put("start", List.of("thread", "fork", "spawn", "forkserver", "pool"));
        STRATEGIES.put("pickle", List.of("pickle", "threadpool", "process-fork"));
        PARAMS.put("sleep", Map.of("latencyMs", "1"));
        PARAMS.put("http", ordered("latencyMs", "1", "responseBytes", "4096"));
        PARAMS.put("hybrid", ordered("latencyMs", "2", "width", "1000"));
    }

    private PythonSuite() {
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * The suite's entries under a benchmark name prefix. Sizes make one sequential operation take 0.1 to 1 s in
     * CPython (2.6 GHz Zen 3, CPython 3.11, the means of four quick runs: primes in [100,000, 400,000) 0.34-0.40 s, sum
     * of squares below 5M 0.19-0.23 s, 256 waits of 1 ms 0.29-0.30 s, 256 GETs 0.42-0.46 s, 64 fetched ranges counted
     * 0.34 s); counter's size is the increments per thread, pickle's the ints in the list sent. The quick profile took
     * 6 min 52 s and 7 min 12 s on 2 cores.
     */
    public static List<Entry> entries(String prefix) {
        List<Entry> out = new ArrayList<>();
        out.add(entry(prefix, "primes", sizes(20_000, 300_000, 300_000, 1_000_000), Sweep.CORES));
        out.add(entry(prefix, "sumsq", sizes(200_000, 5_000_000, 5_000_000, 20_000_000), Sweep.CORES));
        out.add(entry(prefix, "sleep", sizes(16, 256, 256, 1024), Sweep.PYTHON_CONCURRENCY));
        out.add(entry(prefix, "http", sizes(16, 256, 256, 1024), Sweep.PYTHON_CONCURRENCY));
        out.add(entry(prefix, "hybrid", sizes(8, 64, 64, 256), Sweep.PYTHON_CONCURRENCY));
        out.add(entry(prefix, "counter", sizes(10_000, 200_000, 200_000, 1_000_000), Sweep.CORES));
        out.add(entry(prefix, "start", sizes(1, 1, 1, 1), Sweep.NONE));
        out.add(entry(prefix, "pickle", sizes(10_000, 1_000_000, 1_000_000, 4_000_000), Sweep.NONE));
        return out;
    }

    private static Entry entry(String prefix, String workload, Map<Profile, List<Long>> sizes, Sweep sweep) {
        return new Entry("python", workload, null, prefix + "." + workload, STRATEGIES.get(workload), sizes, sweep);
    }

    private static Map<Profile, List<Long>> sizes(long smoke, long quick, long full1, long full2) {
        return Map.of(Profile.SMOKE, List.of(smoke), Profile.QUICK, List.of(quick), Profile.FULL, List.of(full1, full2));
    }

    /** The prefix of a python entry's benchmark name. */
    public static String prefix(SuiteCatalog.Entry e) {
        String name = e.benchmarkName();
        return name.substring(0, name.indexOf('.'));
    }

    /**
     * How a fork of the python suite is timed, per profile: fewer and shorter iterations than the JVM's (no JIT to
     * warm; an operation takes 0.1 to 1 s, so an iteration is mostly one operation); the forks are the run's rounds.
     */
    public record Settings(int warmupIterations, int measurementIterations, int iterationMillis) {

        public static Settings of(Profile profile) {
            return switch (profile) {
                case SMOKE -> new Settings(0, 1, 0);
                case QUICK -> new Settings(1, 5, 100);
                case FULL -> new Settings(2, 10, 1000);
            };
        }

        /** Seconds a fork should take, interpreter start and pools included (for estimates). */
        public double estimatedSecondsPerFork() {
            return 0.4 + (warmupIterations + measurementIterations) * Math.max(0.3, iterationMillis / 1000.0);
        }
    }
}
