package io.parbench.bench.suite.sync;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pair of fields that must always be read and written together (a point: x and y, kept equal), under a mix of
 * reads and writes ({@code readPercent}).
 *
 * <p>The trap: reaching for a read-write lock because "most operations are reads". A
 * {@link ReentrantReadWriteLock}'s read lock still writes a shared reader count on every acquisition, so readers
 * contend on that cache line; under short critical sections it often loses to plain {@code synchronized}. A
 * {@link StampedLock}'s optimistic read writes nothing: it reads, then validates the stamp, and retries under a
 * real read lock only when a writer got in between. Every read checks x == y, so a torn read fails the benchmark.
 * {@code baseline} draws the same mix of reads and writes and touches nothing shared: the floor under the others.
 *
 * <p>As in {@link CounterContention}, each variant is a final class chosen once per trial (no switch on its name
 * in the measured operation) and the pair sits alone on its cache lines ({@link Padding}).
 *
 * <p>Run: {@code java -jar benchmarks.jar ReadWriteContention -t 4 -p readPercent=90}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Threads(2)
public class ReadWriteContention {

    /** The variants, in the order of the @Param below. */
    static final List<String> LOCKS = List.of("baseline", "synchronized", "rwlock", "stamped");

    @Param({"baseline", "synchronized", "rwlock", "stamped"})
    public String lock;

    @Param({"90"})
    public int readPercent;

    /** The variant of this trial. */
    private Store store;

    /** The pair under one kind of lock. Implementations are final and padded; one is used per trial. */
    interface Store {
        /** Reads x and y together; throws when they differ (a torn read). */
        long read();

        /** Increments x and y together. */
        long write();
    }

    /** Reads and writes nothing shared: the random draw, the call and the check, the floor under the others. */
    static final class Baseline extends Padding.Slot<Void> implements Store {
        Baseline() {
            super(null);
        }

        @Override
        public long read() {
            return 0;
        }

        @Override
        public long write() {
            return 0;
        }
    }

    static final class Monitor extends Padding.Slot<Object> implements Store {
        Monitor() {
            super(new Object());
        }

        @Override
        public long read() {
            long a;
            long b;
            synchronized (shared) {
                a = x;
                b = y;
            }
            return checked(a, b, "synchronized");
        }

        @Override
        public long write() {
            synchronized (shared) {
                x++;
                y++;
            }
            return 0;
        }
    }

    static final class ReadWrite extends Padding.Slot<ReentrantReadWriteLock> implements Store {
        ReadWrite() {
            super(new ReentrantReadWriteLock());
        }

        @Override
        public long read() {
            long a;
            long b;
            shared.readLock().lock();
            try {
                a = x;
                b = y;
            } finally {
                shared.readLock().unlock();
            }
            return checked(a, b, "rwlock");
        }

        @Override
        public long write() {
            shared.writeLock().lock();
            try {
                x++;
                y++;
            } finally {
                shared.writeLock().unlock();
            }
            return 0;
        }
    }

    static final class Stamped extends Padding.Slot<StampedLock> implements Store {
        Stamped() {
            super(new StampedLock());
        }

        @Override
        public long read() {
            long stamp = shared.tryOptimisticRead();
            long a = x;
            long b = y;
            if (!shared.validate(stamp)) { // a writer got in: read again under the read lock
                stamp = shared.readLock();
                try {
                    a = x;
                    b = y;
                } finally {
                    shared.unlockRead(stamp);
                }
            }
            return checked(a, b, "stamped");
        }

        @Override
        public long write() {
            long stamp = shared.writeLock();
            try {
                x++;
                y++;
            } finally {
                shared.unlockWrite(stamp);
            }
            return 0;
        }
    }

    private static long checked(long a, long b, String lock) {
        if (a != b) {
            throw new IllegalStateException(lock + " let a reader see a half-written point: x=" + a + ", y=" + b);
        }
        return a;
    }

    /** The variant named {@code lock}; one sentence naming the valid ones otherwise. */
    static Store store(String lock) {
        return switch (lock) {
            case "baseline" -> new Baseline();
            case "synchronized" -> new Monitor();
            case "rwlock" -> new ReadWrite();
            case "stamped" -> new Stamped();
            default -> throw new IllegalArgumentException("lock must be one of " + String.join(", ", LOCKS)
                    + "; got '" + lock + "'");
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (readPercent < 0 || readPercent > 100) {
            throw new IllegalArgumentException("readPercent must be 0..100; got " + readPercent);
        }
        store = store(lock);
    }

    @Benchmark
    public long operate() {
        return ThreadLocalRandom.current().nextInt(100) < readPercent ? store.read() : store.write();
    }

    /** With no thread working, one more read checks the pair was left whole (it throws if x != y). */
    @TearDown(Level.Iteration)
    public void consistent() {
        store.read();
    }
}
