package io.parbench.bench.suite.sync;

import io.parbench.bench.workload.sync.PingPong;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads passing a number back and forth: the time of one round trip (two hand-offs), by mechanism, on
 * platform threads and on virtual threads. One operation is {@value #ROUNDS} round trips between two threads made
 * for it (their start is shared among the rounds); the score is per round trip.
 *
 * <p>The lesson: waking a blocked platform thread is a trip through the kernel (a futex wake, a context switch), a
 * few microseconds; a virtual thread waking another is a continuation put on the scheduler's queue, often run on
 * the same carrier, and can be several times cheaper. Among mechanisms, {@code wait/notifyAll} wakes everyone,
 * {@code Condition} only the waiter, {@code park/unpark} skips the lock altogether.
 *
 * <p>Run: {@code java -jar benchmarks.jar HandOffLatency -p kind=platform,virtual}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class HandOffLatency {

    public static final int ROUNDS = 2_000;

    @Param({"wait-notify", "condition", "park-unpark", "synchronous-queue", "exchanger"})
    public String mechanism;

    @Param({"platform", "virtual"})
    public String kind;

    @Setup(Level.Trial)
    public void check() {
        if (!PingPong.MECHANISMS.contains(mechanism) || !PingPong.KINDS.contains(kind)) {
            throw new IllegalArgumentException("mechanism must be one of " + PingPong.MECHANISMS + " and kind one of "
                    + PingPong.KINDS + "; got " + mechanism + ", " + kind);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long roundTrips() throws InterruptedException {
        return PingPong.run(mechanism, kind, ROUNDS);
    }
}
