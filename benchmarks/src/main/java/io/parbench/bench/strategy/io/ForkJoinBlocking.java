package io.parbench.bench.strategy.io;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.io.IoWorkload;
import java.util.concurrent.ForkJoinPool;

/**
 * Blocking tasks on a {@link ForkJoinPool} of {@code threads}, submitted from outside the pool (so that no worker
 * waits in a join). {@code forkjoin} blocks the worker plainly: the pool has no idea and at most {@code threads}
 * tasks wait at once. {@code forkjoin-managed} wraps each wait in a {@link ForkJoinPool.ManagedBlocker}: the pool
 * is told a worker is about to block and starts a spare worker to keep its parallelism busy, so far more than
 * {@code threads} tasks may wait at once (up to the pool's maximum size, 256 spares beyond the parallelism).
 *
 * <p>Some JDK code manages its own blocking: {@code CompletableFuture.get} on a ForkJoin worker (which
 * {@code HttpClient.send} uses) already compensates, so plain {@code forkjoin} behaves like the managed one there.
 */
final class ForkJoinBlocking implements IoStrategy {

    private final int threads;
    private final boolean managed;
    private final ForkJoinPool pool;

    ForkJoinBlocking(int threads, boolean managed) {
        this.threads = threads;
        this.managed = managed;
        this.pool = new ForkJoinPool(threads);
    }

    @Override
    public String id() {
        return managed ? "forkjoin-managed" : "forkjoin";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long run(IoWorkload workload) {
        return IoStrategies.submitAll(id(), pool, workload.tasks(),
                task -> () -> managed ? blockManaged(workload, task) : workload.task(task));
    }

    private static long blockManaged(IoWorkload workload, int task) throws Exception {
        TaskBlocker blocker = new TaskBlocker(workload, task);
        ForkJoinPool.managedBlock(blocker);
        if (blocker.error != null) {
            throw blocker.error;
        }
        return blocker.result;
    }

    /** Runs one blocking task as a managed block: the pool may start a spare worker meanwhile. */
    private static final class TaskBlocker implements ForkJoinPool.ManagedBlocker {
        private final IoWorkload workload;
        private final int task;
        private long result;
        private Exception error;
        private boolean done;

        TaskBlocker(IoWorkload workload, int task) {
            this.workload = workload;
            this.task = task;
        }

        @Override
        public boolean block() {
            try {
                result = workload.task(task);
            } catch (Exception e) {
                error = e;
            }
            done = true;
            return true;
        }

        @Override
        public boolean isReleasable() {
            return done;
        }
    }

    @Override
    public void close() {
        Cleanup.stop(pool, 30);
    }
}
