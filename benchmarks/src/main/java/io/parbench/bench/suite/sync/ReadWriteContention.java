package io.parbench.bench.suite.sync;

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

    @Param({"synchronized", "rwlock", "stamped"})
    public String lock;

    @Param({"90"})
    public int readPercent;

    private long x;
    private long y;
    private final Object monitor = new Object();
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final StampedLock stamped = new StampedLock();

    @Setup(Level.Trial)
    public void check() {
        if (!java.util.List.of("synchronized", "rwlock", "stamped").contains(lock) || readPercent < 0 || readPercent > 100) {
            throw new IllegalArgumentException("lock must be one of synchronized, rwlock, stamped and readPercent 0..100; got "
                    + "lock=" + lock + ", readPercent=" + readPercent);
        }
    }

    @Benchmark
    public long operate() {
        boolean read = ThreadLocalRandom.current().nextInt(100) < readPercent;
        return read ? read() : write();
    }

    private long read() {
        long a;
        long b;
        switch (lock) {
            case "synchronized" -> {
                synchronized (monitor) {
                    a = x;
                    b = y;
                }
            }
            case "rwlock" -> {
                rw.readLock().lock();
                try {
                    a = x;
                    b = y;
                } finally {
                    rw.readLock().unlock();
                }
            }
            default -> {
                long stamp = stamped.tryOptimisticRead();
                a = x;
                b = y;
                if (!stamped.validate(stamp)) { // a writer got in: read again under the read lock
                    stamp = stamped.readLock();
                    try {
                        a = x;
                        b = y;
                    } finally {
                        stamped.unlockRead(stamp);
                    }
                }
            }
        }
        if (a != b) {
            throw new IllegalStateException(lock + " let a reader see a half-written point: x=" + a + ", y=" + b);
        }
        return a;
    }

    private long write() {
        switch (lock) {
            case "synchronized" -> {
                synchronized (monitor) {
                    x++;
                    y++;
                }
            }
            case "rwlock" -> {
                rw.writeLock().lock();
                try {
                    x++;
                    y++;
                } finally {
                    rw.writeLock().unlock();
                }
            }
            default -> {
                long stamp = stamped.writeLock();
                try {
                    x++;
                    y++;
                } finally {
                    stamped.unlockWrite(stamp);
                }
            }
        }
        return 0;
    }

    @TearDown(Level.Iteration)
    public void consistent() {
        synchronized (monitor) {
            if (x != y) {
                throw new IllegalStateException(lock + " left x=" + x + ", y=" + y);
            }
        }
    }
}
