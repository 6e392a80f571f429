package io.parbench.bench.strategy.io;

import io.parbench.bench.workload.io.IoWorkload;

/**
 * A way to run an {@link IoWorkload}'s tasks with at most {@link #threads()} of them waiting at once (the
 * concurrency of the sweep), returning the sum of their results. Pools are made with the strategy (trial set-up)
 * and released by {@link #close()}; a task's failure fails the run with its message, after the tasks already
 * running have ended.
 */
public interface IoStrategy extends AutoCloseable {

    String id();

    /** The concurrency limit: tasks in flight at most (except {@code forkjoin-managed}, which may compensate). */
    int threads();

    long run(IoWorkload workload);

    @Override
    void close();
}
