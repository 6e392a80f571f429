package io.parbench.bench.suite.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * One shared counter, several threads incrementing it: what does it cost to be correct?
 *
 * <p>The trap: {@code count++} on a shared field is a read, an add and a write. Two threads interleaving those
 * three steps both write the same value, and one increment is gone. Nothing fails, nothing warns: the count is
 * just low. {@code racy} does exactly that and reports how many updates it lost (the secondary metric
 * {@code lostUpdates}, and {@code lostPercent} of the increments made, from {@link AuxCounters}); every other primitive loses none, and the benchmark fails if one
 * does.
 *
 * <p>The lesson, in the numbers: with one thread every primitive is cheap. With more, the threads fight over one
 * cache line: a lock serialises them (fair locks hand over in order and pay for it), {@code AtomicLong} retries its
 * compare-and-set, and {@code LongAdder} gives each contending thread its own cell, so it keeps scaling, at the
 * price of a slower read. JMH's own threads are the contenders here ({@code -t}), swept from 1 to twice the
 * logical CPUs by {@code scripts/parbench run --suite sync}.
 *
 * <p>Run: {@code java -jar benchmarks.jar CounterContention -t 4 -p primitive=racy,atomic,adder}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Threads(2)
public class CounterContention {

    @Param({"racy", "synchronized", "lock-unfair", "lock-fair", "atomic", "adder", "semaphore"})
    public String primitive;

    // --- the shared state: one of these is used per trial ---
    // WRONG: volatile makes each read and write visible, but count++ is still read, add, write: updates get lost.
    // (Without volatile the JIT may keep the count in a register and lose nearly all of them.)
    private volatile long racyCount;
    private long syncCount;
    private final Object monitor = new Object();
    private ReentrantLock lock;
    private long lockCount;
    private final AtomicLong atomic = new AtomicLong();
    private final LongAdder adder = new LongAdder();
    private final Semaphore mutex = new Semaphore(1);
    private long semaphoreCount;
    /** Increments made in this iteration, added by each thread at its tear-down. */
    private final AtomicLong made = new AtomicLong();
    /** Threads that have reported in this iteration. */
    private final java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Per thread: the increments this thread made (its own field, so counting them costs no contention) and the
     * secondary metrics {@code lostUpdates} and {@code lostPercent}: the increments made but missing from the
     * counter per iteration (mean over the measured iterations), reported by the last thread to finish an iteration
     * (the others report 0, and JMH sums over threads; see {@link IterationShare} for the iterations).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Tally {
        long mine;
        public long lostUpdates;
        /** The same, as a percentage of the increments made. */
        public double lostPercent;

        @Setup(Level.Iteration)
        public void clear() {
            mine = 0;
            lostUpdates = 0;
            lostPercent = 0;
        }

        /** Runs after every thread has stopped (JMH waits for all of them before tear-down). */
        @TearDown(Level.Iteration)
        public void report(CounterContention bench, org.openjdk.jmh.infra.ThreadParams threads,
                org.openjdk.jmh.infra.BenchmarkParams params) {
            bench.made.addAndGet(mine);
            if (bench.reported.incrementAndGet() == threads.getThreadCount()) {
                long lost = bench.made.get() - bench.value();
                lostUpdates = (long) IterationShare.of(lost, params);
                lostPercent = bench.made.get() == 0 ? 0 : IterationShare.of(100.0 * lost / bench.made.get(), params);
                bench.reset();
                if (lost != 0 && !bench.primitive.equals("racy")) {
                    throw new IllegalStateException(bench.primitive + " lost " + lost + " updates: it is not a "
                            + "correct counter");
                }
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (!java.util.List.of("racy", "synchronized", "lock-unfair", "lock-fair", "atomic", "adder", "semaphore")
                .contains(primitive)) {
            throw new IllegalArgumentException("unknown primitive '" + primitive + "'; valid: racy, synchronized, "
                    + "lock-unfair, lock-fair, atomic, adder, semaphore");
        }
        lock = new ReentrantLock(primitive.equals("lock-fair"));
    }

    @Benchmark
    public void increment(Tally tally) throws InterruptedException {
        switch (primitive) {
            case "racy" -> racyCount++; // WRONG, on purpose
            case "synchronized" -> {
                synchronized (monitor) {
                    syncCount++;
                }
            }
            case "lock-unfair", "lock-fair" -> {
                lock.lock();
                try {
                    lockCount++;
                } finally {
                    lock.unlock();
                }
            }
            case "atomic" -> atomic.incrementAndGet();
            case "adder" -> adder.increment();
            case "semaphore" -> {
                mutex.acquire();
                try {
                    semaphoreCount++;
                } finally {
                    mutex.release();
                }
            }
            default -> throw new IllegalStateException(primitive);
        }
        tally.mine++;
    }

    /** The counter's value (called when no thread increments). */
    long value() {
        synchronized (monitor) {
            return switch (primitive) {
                case "racy" -> racyCount;
                case "synchronized" -> syncCount;
                case "lock-unfair", "lock-fair" -> lockCount;
                case "atomic" -> atomic.get();
                case "adder" -> adder.sum();
                case "semaphore" -> semaphoreCount;
                default -> throw new IllegalStateException(primitive);
            };
        }
    }

    private void reset() {
        synchronized (monitor) {
            racyCount = 0;
            syncCount = 0;
            lockCount = 0;
            semaphoreCount = 0;
            atomic.set(0);
            adder.reset();
            made.set(0);
            reported.set(0);
        }
    }
}
