package io.parbench.bench.suite.sync;

import io.parbench.bench.workload.sync.QueueKind;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.infra.Control;
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
 * Producers and consumers joined by a queue, at three ratios (JMH groups: {@code p1c1} one producer and one
 * consumer, {@code p2c1}, {@code p1c2}); the score of a group is the items moved per microsecond by all its
 * threads (JMH reports producers and consumers separately too).
 *
 * <p>The queues differ in how they wait and where they contend: {@code array} (one lock for both ends),
 * {@code linked} (a lock per end), {@code transfer} and {@code concurrent-linked} (lock-free nodes),
 * {@code synchronous} (no storage: every item is a hand-off), {@code priority} (a heap under one lock: takes
 * come out smallest first) and {@code deque-lifo} (a deque used as a stack: newest first). Unbounded queues are
 * held to the same 1,024 items as the bounded ones, so that a fast side cannot fill the heap. After every
 * iteration, produced = consumed + still queued, or the benchmark fails (no item lost or made up).
 *
 * <p>Run: {@code java -jar benchmarks.jar QueueThroughput -p queue=array,synchronous}
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class QueueThroughput {

    @Param({"array", "linked", "transfer", "synchronous", "concurrent-linked", "priority", "deque-lifo"})
    public String queue;

    private QueueKind q;
    private final LongAdder produced = new LongAdder();
    private final LongAdder consumed = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
        q = QueueKind.create(queue);
    }

    @TearDown(Level.Iteration)
    public void account() {
        long left = q.size();
        if (produced.sum() != consumed.sum() + left) {
            throw new IllegalStateException(queue + ": produced " + produced.sum() + " but consumed " + consumed.sum()
                    + " with " + left + " left: items were lost or duplicated");
        }
        q.clear();
        produced.reset();
        consumed.reset();
    }

    private boolean produce(Control control) throws InterruptedException {
        boolean ok = q.offer(System.nanoTime(), () -> control.stopMeasurement);
        if (ok) {
            produced.increment();
        }
        return ok;
    }

    private Long consume(Control control) throws InterruptedException {
        Long v = q.poll(() -> control.stopMeasurement);
        if (v != null) {
            consumed.increment();
        }
        return v;
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public boolean p1c1Put(Control control) throws InterruptedException {
        return produce(control);
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public Long p1c1Take(Control control) throws InterruptedException {
        return consume(control);
    }

    @Benchmark
    @Group("p2c1")
    @GroupThreads(2)
    public boolean p2c1Put(Control control) throws InterruptedException {
        return produce(control);
    }

    @Benchmark
    @Group("p2c1")
    @GroupThreads(1)
    public Long p2c1Take(Control control) throws InterruptedException {
        return consume(control);
    }

    @Benchmark
    @Group("p1c2")
    @GroupThreads(1)
    public boolean p1c2Put(Control control) throws InterruptedException {
        return produce(control);
    }

    @Benchmark
    @Group("p1c2")
    @GroupThreads(2)
    public Long p1c2Take(Control control) throws InterruptedException {
        return consume(control);
    }
}
