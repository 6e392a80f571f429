package io.parbench.bench.strategy.io;

import io.parbench.bench.strategy.StrategyFailure;
import io.parbench.bench.workload.io.IoFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The I/O strategies by id. */
public final class IoStrategies {

    private static final List<String> IDS = List.of("sequential", "platform", "pool", "virtual", "forkjoin",
            "forkjoin-managed", "async");

    private IoStrategies() {
    }

    public static List<String> ids() {
        return IDS;
    }

    /** The strategy {@code id} with a concurrency of {@code threads}, or an error listing the valid ids. */
    public static IoStrategy create(String id, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 for an I/O strategy; got " + threads);
        }
        return switch (id) {
            case "sequential" -> new SequentialLoop();
            case "platform" -> new ThreadPerTask("platform", Thread.ofPlatform().name("parbench-io-platform-", 0).factory(),
                    threads);
            case "virtual" -> new ThreadPerTask("virtual", Thread.ofVirtual().name("parbench-io-virtual-", 0).factory(),
                    threads);
            case "pool" -> new FixedPool(threads);
            case "forkjoin" -> new ForkJoinBlocking(threads, false);
            case "forkjoin-managed" -> new ForkJoinBlocking(threads, true);
            case "async" -> new AsyncCompletion(threads);
            default -> throw new IllegalArgumentException("unknown I/O strategy '" + id + "'; valid strategies: "
                    + String.join(", ", IDS));
        };
    }

    /**
     * Submits task {@code i} of {@code tasks} (from outside the pool: for a ForkJoinPool, no worker waits in a join)
     * and sums the results as {@link #sum} does.
     */
    static long submitAll(String strategy, ExecutorService pool, int tasks,
            IntFunction<Callable<Long>> task) {
        List<Future<Long>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        return sum(strategy, futures);
    }

    /**
     * Waits for every future and sums their results; after the first failure the rest are cancelled and the
     * failure is thrown (with the I/O failure's own sentence).
     */
    static long sum(String strategy, List<? extends Future<Long>> futures) {
        long sum = 0;
        RuntimeException failure = null;
        for (Future<Long> f : futures) {
            try {
                if (failure == null) {
                    sum += f.get();
                } else {
                    f.cancel(true);
                }
            } catch (ExecutionException e) {
                failure = failure(strategy, e);
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                throw failure(strategy, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sum;
    }

    /** A task's failure as the strategy's: the I/O failure's own sentence where there is one. */
    static RuntimeException failure(String strategy, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IoFailure io) { // ForkJoin and executors wrap it, sometimes twice
                return new StrategyFailure(strategy + ": " + io.getMessage(), io);
            }
        }
        Throwable cause = t;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return StrategyFailure.unwrap(strategy, cause);
    }
}
