package io.parbench.bench.workload.io;

import io.parbench.bench.Cleanup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pure cost of waiting: each task waits {@code latencyMs} and returns a number derived from its index. No
 * CPU work, no device: what remains is how a strategy holds a waiting task (a blocked platform thread, a parked
 * virtual thread, or, for {@code async}, nothing but a timer entry).
 *
 * <p>{@link #taskAsync(int)} schedules the completion on one timer thread made with the workload and stopped by
 * {@link #close()}.
 */
public final class LatencyWorkload implements IoWorkload {

    private final int tasks;
    private final long latencyMs;
    private final ScheduledExecutorService timer;

    public LatencyWorkload(int tasks, long latencyMs) {
        if (tasks < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("latency needs tasks >= 0 and latencyMs >= 0; got tasks=" + tasks
                    + ", latencyMs=" + latencyMs);
        }
        this.tasks = tasks;
        this.latencyMs = latencyMs;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parbench-latency-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public int tasks() {
        return tasks;
    }

    public long latencyMs() {
        return latencyMs;
    }

    @Override
    public long task(int i) throws InterruptedException {
        Thread.sleep(latencyMs);
        return value(i);
    }

    @Override
    public CompletableFuture<Long> taskAsync(int i) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        timer.schedule(() -> f.complete(value(i)), latencyMs, TimeUnit.MILLISECONDS);
        return f;
    }

    /** A value that differs per task, so that a lost or repeated task changes the sum. */
    static long value(int i) {
        long z = i * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 29)) & 0xFFFF_FFFFL;
    }

    @Override
    public long expected() {
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
            sum += value(i);
        }
        return sum;
    }

    @Override
    public void close() {
        Cleanup.stop(timer, 10);
    }
}
