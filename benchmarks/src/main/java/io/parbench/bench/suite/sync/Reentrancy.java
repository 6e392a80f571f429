package io.parbench.bench.suite.sync;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * Taking a lock the thread already holds, {@code depth} times over (a method calling another that locks the same
 * object): the cost of reentrancy, one thread, no contention.
 *
 * <p>The lesson: re-acquiring is cheap but not free. {@code synchronized} re-entry bumps a recursion count in the
 * monitor (the JIT often removes nested locks on the same object it can see); a {@link ReentrantLock} checks the
 * owner and increments its hold count, every time. Neither deadlocks on itself, which is the point of
 * reentrancy: a non-reentrant lock (a {@code Semaphore(1)}) would block forever at depth 2. {@code baseline} makes
 * the same nested calls without a lock: the floor under the others.
 *
 * <p>Each variant is a final class chosen once per trial (no test of its name in the measured operation), and the
 * ReentrantLock's hold counts are checked once, at set-up, not inside the measured calls.
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

    /** The variants, in the order of the @Param below. */
    static final List<String> LOCKS = List.of("baseline", "synchronized", "reentrant-lock");

    @Param({"baseline", "synchronized", "reentrant-lock"})
    public String lock;

    @Param({"1", "2", "4", "8"})
    public int depth;

    private Nested nested;

    /** Nested calls {@code d} deep, each taking the same lock; the innermost increments a count and returns it. */
    abstract static class Nested {
        long count;

        abstract long enter(int d);
    }

    static final class Unlocked extends Nested {
        @Override
        long enter(int d) {
            return d == 1 ? ++count : enter(d - 1);
        }
    }

    static final class Monitor extends Nested {
        private final Object monitor = new Object();

        @Override
        long enter(int d) {
            synchronized (monitor) {
                return d == 1 ? ++count : enter(d - 1);
            }
        }
    }

    static final class Locked extends Nested {
        final ReentrantLock lock = new ReentrantLock();

        @Override
        long enter(int d) {
            lock.lock();
            try {
                return d == 1 ? ++count : enter(d - 1);
            } finally {
                lock.unlock();
            }
        }

        /** Enters {@code depth} deep and checks the hold count at every level (once, outside the measurement). */
        void check(int depth) {
            checkFrom(depth, depth);
            if (lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("the lock is still held after " + depth + " levels returned");
            }
        }

        private void checkFrom(int d, int depth) {
            lock.lock();
            try {
                if (lock.getHoldCount() != depth - d + 1) {
                    throw new IllegalStateException("hold count " + lock.getHoldCount() + " at depth " + (depth - d + 1));
                }
                if (d > 1) {
                    checkFrom(d - 1, depth);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more; got " + depth);
        }
        nested = switch (lock) {
            case "baseline" -> new Unlocked();
            case "synchronized" -> new Monitor();
            case "reentrant-lock" -> {
                Locked l = new Locked();
                l.check(depth);
                yield l;
            }
            default -> throw new IllegalArgumentException("lock must be one of " + String.join(", ", LOCKS) + "; got '"
                    + lock + "'");
        };
    }

    @Benchmark
    public long acquire() {
        return nested.enter(depth);
    }
}
