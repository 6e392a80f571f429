package io.parbench.bench.suite.sync;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH sums an {@code @AuxCounters(EVENTS)} counter over the measured iterations (as it sums it over threads). For a
 * counter that is a level, not a count (a percentage, a peak), each iteration reports its share, value / measured
 * iterations, so that the score JMH prints is the mean over the iterations. The per-iteration raw values in
 * results.json are then shares.
 */
final class IterationShare {

    private IterationShare() {
    }

    static double of(double perIteration, BenchmarkParams params) {
        return perIteration / Math.max(1, params.getMeasurement().getCount());
    }
}
