package io.parbench.analyzer.model;

import java.util.Map;

/**
 * One entry of a JMH JSON file: the key, how it was measured, its primary metric and any secondary ones
 * (for example {@code gc.alloc.rate}). Scores are kept as written; {@link #secondsPerOp()} gives the normalised
 * time per operation whatever the mode.
 */
public record BenchmarkResult(BenchmarkKey key, String jmhVersion, int forks, int warmupIterations, int measurementIterations,
        String jvm, String jdkVersion, String vmName, Metric primary, Map<String, Metric> secondary) {

    /** Raw primary samples in seconds per operation (throughput inverted), for speedup and time comparisons. */
    public Samples secondsPerOp() {
        Unit u = primary.unit();
        Samples base = primary.samples().scaled(u.toBase());
        return u.kind() == Unit.Kind.OPS_PER_TIME ? base.reciprocal() : base;
    }

    /** The score in seconds per operation. */
    public double scoreSecondsPerOp() {
        Unit u = primary.unit();
        double base = primary.score() * u.toBase();
        return u.kind() == Unit.Kind.OPS_PER_TIME ? 1.0 / base : base;
    }
}
