package io.parbench.bench.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** One JMH benchmark with one value for each param: the unit the launcher runs, reports and resumes by. */
public record PlannedBenchmark(SuiteCatalog.Entry entry, String strategy, int threads, long size) {

    /** The JMH params this benchmark runs with, in the contract's names. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", strategy);
        params.put("threads", Integer.toString(threads));
        params.put("size", Long.toString(size));
        return params;
    }

    /** A short label for progress lines: {@code PrimesBenchmark strategy=pool threads=2 size=300000}. */
    public String label() {
        return entry.benchmarkClass().getSimpleName() + " strategy=" + strategy + " threads=" + threads + " size=" + size;
    }
}
