package io.parbench.bench.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JMH benchmark with one value for each param: the unit the launcher runs, reports and resumes by.
 * Strategy suites set the contract's params ({@code strategy}, {@code threads}, {@code size}); contention suites
 * set JMH's own thread count ({@code jmhThreads}, 0: the benchmark's annotation) and leave {@code strategy} null.
 */
public record PlannedBenchmark(SuiteCatalog.Entry entry, String strategy, int threads, long size, int jmhThreads) {

    public PlannedBenchmark(SuiteCatalog.Entry entry, String strategy, int threads, long size) {
        this(entry, strategy, threads, size, 0);
    }

    /** The JMH params this benchmark runs with, in the contract's names (none for contention suites). */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (strategy != null) {
            params.put("strategy", strategy);
            params.put("threads", Integer.toString(threads));
            params.put("size", Long.toString(size));
        }
        return params;
    }

    /**
     * The forks this benchmark gets in a run of {@code rounds} rounds: one a round, except that {@code process-cold}
     * sits out the last round of three or more. A fork of it costs 1.7 times another (3.6 s against 2.2 s on the
     * development machine: its operations start JVMs, so every iteration overruns its 200 ms), and its speedup, a
     * tenth of sequential's, is never near a tie, so no ranking or recommendation turns on its third fork; the 12 forks
     * it skips in the default run save some 40 s of it (see the README's "Measured on the development machine").
     */
    public int forks(int rounds) {
        return rounds >= 3 && "process-cold".equals(strategy) ? rounds - 1 : rounds;
    }

    /** True when this benchmark runs a fork in round {@code round} (counted from 1) of {@code rounds}. */
    public boolean runsIn(int round, int rounds) {
        return round <= forks(rounds);
    }

    /** A short label for progress lines: {@code PrimesBenchmark strategy=pool threads=2 size=300000}. */
    public String label() {
        String name = entry.isPython() ? entry.benchmarkName() : entry.benchmarkClass().getSimpleName();
        if (strategy != null) {
            return name + " strategy=" + strategy + " threads=" + threads + " size=" + size;
        }
        String method = entry.method().equals(".*") ? "" : "." + entry.method();
        return name + method + (jmhThreads > 0 ? " contenders=" + jmhThreads : "");
    }
}
