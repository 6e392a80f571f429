package io.parbench.bench.suite.io;

import io.parbench.bench.strategy.io.IoStrategies;
import io.parbench.bench.strategy.io.IoStrategy;
import io.parbench.bench.suite.AnswerCheck;
import io.parbench.bench.workload.io.IoWorkload;
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
 * The I/O suite's adapter: {@code size} tasks of a workload (the subclass) per operation, run by a strategy with
 * {@code threads} as its concurrency (tasks waiting at once). Throughput is size / time per operation, which the
 * analyzer derives; the theoretical limit for a wait of L ms is threads / L tasks per millisecond.
 *
 * <p>The workload's resources (temporary files, the loopback server, the HTTP client, timer threads) and the
 * strategy's pools are made at trial set-up and released at trial tear-down, also when the benchmark fails. The
 * answer of every operation is checked after each iteration against the answer computed without I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public abstract class IoSuite {

    @Param({"sequential", "platform", "pool", "virtual", "forkjoin", "forkjoin-managed", "async"})
    public String strategy;

    @Param({"1", "32", "1024"})
    public int threads;

    @Param({"1024"})
    public int size;

    private IoWorkload workload;
    private IoStrategy impl;
    private long expected;
    private final AnswerCheck check = new AnswerCheck();

    /** Makes the workload (and its server, files, timers) for {@code tasks} tasks per operation. */
    protected abstract IoWorkload createWorkload(int tasks) throws Exception;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        impl = IoStrategies.create(strategy, threads); // first: an unknown strategy leaves nothing to clean up
        try {
            workload = createWorkload(size);
            expected = workload.expected();
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @Benchmark
    public long run() {
        return check.record(impl.run(workload));
    }

    @TearDown(Level.Iteration)
    public void verify() {
        check.verify(expected, () -> strategy + " with " + threads + " threads on " + workload.id() + " size " + size);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (impl != null) {
                impl.close();
            }
        } finally {
            if (workload != null) {
                workload.close();
            }
        }
    }
}
