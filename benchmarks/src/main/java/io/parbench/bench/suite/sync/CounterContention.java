package io.parbench.bench.suite.sync;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One shared counter, several threads incrementing it: what does it cost to be correct?
 *
 * <p>The trap: {@code count++} on a shared field is a read, an add and a write. Two threads interleaving those
 * three steps both write the same value, and one increment is gone. Nothing fails, nothing warns: the count is
 * just low. {@code racy} does exactly that and reports how many updates it lost (the secondary metric
 * {@code lostUpdates}, and {@code lostPercent} of the increments made, from {@link AuxCounters}); every other
 * primitive loses none, and the benchmark fails if one does.
 *
 * <p>The lesson, in the numbers: with one thread every primitive is cheap. With more, the threads fight over one
 * cache line: a lock serialises them (fair locks hand over in order and pay for it), {@code AtomicLong} makes every
 * increment a locked read-modify-write of that line, and {@code LongAdder} gives each contending thread its own
 * cell, so it keeps scaling, at the price of a slower read. {@code baseline} increments nothing shared: it is the
 * cost of the measuring loop itself, the floor under every other line. JMH's own threads are the contenders here
 * ({@code -t}), swept from 1 to twice the logical CPUs by {@code scripts/parbench run --suite sync}.
 *
 * <p>How it measures the primitive and not the harness, as JMH's samples do: each variant is a final class of its
 * own, chosen once per trial, so the call in {@link #increment} has one receiver type in a fork and the JIT inlines
 * it (no switch on the variant's name inside the measured operation); the counter sits alone on its cache lines
 * ({@link Padding}, JMH sample 22), so a thread reading the variant's lock reference is not slowed by another
 * thread's write to the count beside it.
 *
 * <p>Run: {@code java -jar benchmarks.jar CounterContention -t 4 -p primitive=baseline,racy,atomic,adder}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Threads(2)
public class CounterContention {

    /** The variants, in the order of the @Param below. */
    static final List<String> PRIMITIVES = List.of("baseline", "racy", "synchronized", "lock-unfair", "lock-fair",
            "atomic", "adder", "semaphore");

    @Param({"baseline", "racy", "synchronized", "lock-unfair", "lock-fair", "atomic", "adder", "semaphore"})
    public String primitive;

    /** The variant of this trial. */
    private Counter counter;
    /** Increments made in this iteration, added by each thread at its tear-down. */
    private final AtomicLong made = new AtomicLong();
    /** Threads that have reported in this iteration. */
    private final AtomicInteger reported = new AtomicInteger();

    /** A shared counter. Implementations are final and padded; one is used per trial. */
    interface Counter {
        void increment() throws InterruptedException;

        /** The count (read when no thread increments). */
        long value();

        void reset();

        /** False for the baseline, which counts nothing and so loses nothing. */
        default boolean counts() {
            return true;
        }
    }

    /** Increments nothing: the loop, the call and the thread's own tally, the floor under every other variant. */
    static final class Baseline extends Padding.Slot<Void> implements Counter {
        Baseline() {
            super(null);
        }

        @Override
        public void increment() {
        }

        @Override
        public long value() {
            return 0;
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean counts() {
            return false;
        }
    }

    /**
     * WRONG, on purpose: volatile makes each read and write visible, but {@code racy++} is still read, add, write, so
     * updates get lost. (Without volatile the JIT may keep the count in a register and lose nearly all of them.)
     */
    static final class Racy extends Padding.Slot<Void> implements Counter {
        Racy() {
            super(null);
        }

        @Override
        public void increment() {
            racy++;
        }

        @Override
        public long value() {
            return racy;
        }

        @Override
        public void reset() {
            racy = 0;
        }
    }

    /**
     * The variants that count in the padded {@code count} under their lock. The count is read and reset only when no
     * thread increments: by the last thread to report an iteration ({@link Tally#report}), whose increment of the
     * atomic {@code reported} comes after every other thread's, each made after that thread's last increment; or
     * after the threads are joined. Those hand-overs order the writes before the read, so no lock is needed there.
     */
    abstract static class Guarded<P> extends Padding.Slot<P> implements Counter {
        Guarded(P shared) {
            super(shared);
        }

        @Override
        public long value() {
            return count;
        }

        @Override
        public void reset() {
            count = 0;
        }
    }

    /** A monitor around {@code count++}. */
    static final class Synchronized extends Guarded<Object> {
        Synchronized() {
            super(new Object());
        }

        @Override
        public void increment() {
            synchronized (shared) {
                count++;
            }
        }
    }

    /** A ReentrantLock, unfair (barging) or fair (first come, first served), around {@code count++}. */
    static final class Locked extends Guarded<ReentrantLock> {
        Locked(boolean fair) {
            super(new ReentrantLock(fair));
        }

        @Override
        public void increment() {
            shared.lock();
            try {
                count++;
            } finally {
                shared.unlock();
            }
        }
    }

    /** A Semaphore(1) used as a mutex around {@code count++}. */
    static final class Mutex extends Guarded<Semaphore> {
        Mutex() {
            super(new Semaphore(1));
        }

        @Override
        public void increment() throws InterruptedException {
            shared.acquire();
            try {
                count++;
            } finally {
                shared.release();
            }
        }
    }

    /** An AtomicLong: one locked read-modify-write per increment. */
    static final class Atomic extends Padding.Slot<AtomicLong> implements Counter {
        Atomic() {
            super(new PaddedAtomicLong());
        }

        @Override
        public void increment() {
            shared.incrementAndGet();
        }

        @Override
        public long value() {
            return shared.get();
        }

        @Override
        public void reset() {
            shared.set(0);
        }
    }

    /** A LongAdder: a cell per contending thread, summed on read. */
    static final class Adder extends Padding.Slot<LongAdder> implements Counter {
        Adder() {
            super(new PaddedLongAdder());
        }

        @Override
        public void increment() {
            shared.increment();
        }

        @Override
        public long value() {
            return shared.sum();
        }

        @Override
        public void reset() {
            shared.reset();
        }
    }

    /** An AtomicLong with 128 bytes after its value (before it: its header and the variant's trailing padding). */
    @SuppressWarnings("serial")
    static final class PaddedAtomicLong extends AtomicLong {
        long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
    }

    /** A LongAdder with 128 bytes after its base field (its cells are padded by the JDK). */
    @SuppressWarnings("serial")
    static final class PaddedLongAdder extends LongAdder {
        long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
    }

    /** The variant named {@code primitive}; one sentence naming the valid ones otherwise. */
    static Counter counter(String primitive) {
        return switch (primitive) {
            case "baseline" -> new Baseline();
            case "racy" -> new Racy();
            case "synchronized" -> new Synchronized();
            case "lock-unfair" -> new Locked(false);
            case "lock-fair" -> new Locked(true);
            case "atomic" -> new Atomic();
            case "adder" -> new Adder();
            case "semaphore" -> new Mutex();
            default -> throw new IllegalArgumentException("unknown primitive '" + primitive + "'; valid: "
                    + String.join(", ", PRIMITIVES));
        };
    }

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
        public void report(CounterContention bench, ThreadParams threads, BenchmarkParams params) {
            bench.made.addAndGet(mine);
            if (bench.reported.incrementAndGet() == threads.getThreadCount()) {
                Counter c = bench.counter;
                long lost = c.counts() ? bench.made.get() - c.value() : 0;
                lostUpdates = (long) IterationShare.of(lost, params);
                lostPercent = bench.made.get() == 0 ? 0 : IterationShare.of(100.0 * lost / bench.made.get(), params);
                c.reset();
                bench.made.set(0);
                bench.reported.set(0);
                if (lost != 0 && !(c instanceof Racy)) {
                    throw new IllegalStateException(bench.primitive + " lost " + lost + " updates: it is not a "
                            + "correct counter");
                }
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        counter = counter(primitive);
    }

    @Benchmark
    public void increment(Tally tally) throws InterruptedException {
        counter.increment();
        tally.mine++;
    }

    /** The counter's value (called when no thread increments). */
    long value() {
        return counter.value();
    }
}
