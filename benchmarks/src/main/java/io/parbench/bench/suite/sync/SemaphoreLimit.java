package io.parbench.bench.suite.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code Semaphore(permits)} as a limit: 64 tasks, each holding a permit while it waits 1 ms (a call to a
 * service that allows {@code permits} requests at once), all started at once on virtual threads.
 *
 * <p>The lesson: the limit holds exactly (the secondary metric {@code peakInFlight} is the most tasks seen holding
 * a permit at once, and equals {@code permits}; more fails the benchmark), and the time follows it: 64 / permits
 * waits of 1 ms in a row. A semaphore is how to protect a resource from more concurrency than it can take, even
 * when threads themselves are cheap.
 *
 * <p>Run: {@code java -jar benchmarks.jar SemaphoreLimit}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class SemaphoreLimit {

    public static final int TASKS = 64;

    @Param({"1", "4", "16"})
    public int permits;

    private ExecutorService executor;

    /** The peak number of tasks in flight seen in the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Peak {
        public double peakInFlight;

        @Setup(Level.Iteration)
        public void clear() {
            peakInFlight = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1; got " + permits);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Benchmark
    public int limit(Peak peak, org.openjdk.jmh.infra.BenchmarkParams params) throws Exception {
        int max = runLimited();
        peak.peakInFlight = Math.max(peak.peakInFlight, IterationShare.of(max, params));
        return max;
    }

    /** Runs the 64 tasks under the semaphore; returns the most seen holding a permit at once. */
    int runLimited() throws Exception {
        Semaphore semaphore = new Semaphore(permits);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < TASKS; i++) {
            futures.add(executor.submit(() -> {
                semaphore.acquire();
                try {
                    max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(1);
                    inFlight.decrementAndGet();
                } finally {
                    semaphore.release();
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        if (max.get() > permits) {
            throw new IllegalStateException(max.get() + " tasks held a permit at once; the limit is " + permits);
        }
        return max.get();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }
}
