package io.parbench.bench.suite.sync;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Taking a lock the thread already holds, {@code depth} times over (a method calling another that locks the same
 * object): the cost of reentrancy, one thread, no contention.
 *
 * <p>The lesson: re-acquiring is cheap but not free. {@code synchronized} re-entry bumps a recursion count in the
 * monitor (the JIT often removes nested locks on the same object it can see); a {@link ReentrantLock} checks the
 * owner and increments its hold count, every time. Neither deadlocks on itself, which is the point of
 * reentrancy: a non-reentrant lock (a {@code Semaphore(1)}) would block forever at depth 2.
 *
 * <p>Run: {@code java -jar benchmarks.jar Reentrancy}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class Reentrancy {

    @Param({"synchronized", "reentrant-lock"})
    public String lock;

    @Param({"1", "2", "4", "8"})
    public int depth;

    private final Object monitor = new Object();
    private final ReentrantLock reentrant = new ReentrantLock();
    private long count;

    @Benchmark
    public long acquire() {
        return lock.equals("synchronized") ? viaMonitor(depth) : viaLock(depth);
    }

    private long viaMonitor(int d) {
        synchronized (monitor) {
            return d == 1 ? ++count : viaMonitor(d - 1);
        }
    }

    private long viaLock(int d) {
        reentrant.lock();
        try {
            if (reentrant.getHoldCount() != depth - d + 1) {
                throw new IllegalStateException("hold count " + reentrant.getHoldCount() + " at depth " + (depth - d + 1));
            }
            return d == 1 ? ++count : viaLock(d - 1);
        } finally {
            reentrant.unlock();
        }
    }
}
