package io.parbench.bench.strategy;

import io.parbench.bench.workload.cpu.RangeWorkload;

/**
 * One way of running a {@link RangeWorkload} with a given parallelism. Made once per trial (pools, child JVMs
 * are set up by the constructor or factory), used for many operations, then closed.
 *
 * <p>Callers may rely on: {@link #compute} returns exactly {@code workload.computeAll()} for every workload,
 * size and thread count; {@link #close} releases every thread and child process and may be called twice.
 */
public interface CpuStrategy extends AutoCloseable {

    /** The strategy's id, as in the {@code strategy} JMH param. */
    String id();

    /** The parallelism the strategy was given. */
    int threads();

    /** Runs the whole workload and returns its answer. */
    long compute(RangeWorkload workload);

    @Override
    void close();
}
