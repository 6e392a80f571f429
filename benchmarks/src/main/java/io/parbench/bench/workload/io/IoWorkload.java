package io.parbench.bench.workload.io;

import java.util.concurrent.CompletableFuture;

/**
 * An I/O-bound workload of {@link #tasks()} independent tasks, each of which waits for something (a timer, the
 * disk, a server) and yields a number; the answer of a run is the sum of the numbers, so every order and every
 * strategy gives the same answer.
 *
 * <p>Each task can be run two ways: {@link #task(int)} blocks the calling thread until it is done (what
 * {@code sequential}, {@code pool}, {@code platform}, {@code virtual} and {@code forkjoin} call), and
 * {@link #taskAsync(int)} returns at once with a future that completes when the I/O does, holding no thread
 * while it waits (what {@code async} calls). A workload owns its resources (temporary files, a server, a client,
 * a timer thread): made when it is made, released by {@link #close()}.
 */
public interface IoWorkload extends AutoCloseable {

    /** The workload id: {@code latency}, {@code file}, {@code http}. */
    String id();

    /** How many tasks one run performs. */
    int tasks();

    /** Runs task {@code i} on the calling thread, blocking while it waits. */
    long task(int i) throws Exception;

    /** Starts task {@code i} without blocking; the future completes with what {@link #task(int)} returns. */
    CompletableFuture<Long> taskAsync(int i);

    /** The answer of a whole run, computed without doing the I/O: what every strategy must return. */
    long expected();

    /** Releases everything the workload made; never throws for resources already gone. */
    @Override
    void close();
}
