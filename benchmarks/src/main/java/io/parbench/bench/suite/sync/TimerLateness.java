package io.parbench.bench.suite.sync;

import io.parbench.bench.Cleanup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
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
 * How late does a 1 ms wait wake up? {@code Thread.sleep(1)}, {@code LockSupport.parkNanos(1 ms)} and a task
 * scheduled 1 ms ahead on a {@link ScheduledExecutorService}, timed one by one (JMH's sample mode), so the report
 * shows the distribution: mean, median, p99.
 *
 * <p>The lesson: a timer is a promise of "not before". The OS timer slack (50 µs by default on Linux), the
 * scheduler and a busy machine add their lateness on top, and the tail (p99) is where a periodic task drifts.
 *
 * <p>Run: {@code java -jar benchmarks.jar TimerLateness}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class TimerLateness {

    @Param({"sleep", "park-nanos", "scheduled"})
    public String timer;

    private ScheduledExecutorService scheduler;

    @Setup(Level.Trial)
    public void setUp() {
        if (!java.util.List.of("sleep", "park-nanos", "scheduled").contains(timer)) {
            throw new IllegalArgumentException("unknown timer '" + timer + "'; valid: sleep, park-nanos, scheduled");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @Benchmark
    public Object wait1ms() throws Exception {
        switch (timer) {
            case "sleep" -> Thread.sleep(1);
            case "park-nanos" -> {
                long deadline = System.nanoTime() + 1_000_000;
                for (long left = 1_000_000; left > 0; left = deadline - System.nanoTime()) {
                    LockSupport.parkNanos(left); // may return early (spuriously): park again for the rest
                }
            }
            default -> {
                return scheduler.schedule(() -> Boolean.TRUE, 1, TimeUnit.MILLISECONDS).get();
            }
        }
        return null;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Cleanup.stop(scheduler, 10);
    }
}
