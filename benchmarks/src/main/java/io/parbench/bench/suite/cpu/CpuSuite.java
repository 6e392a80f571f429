package io.parbench.bench.suite.cpu;

import io.parbench.bench.strategy.Chunking;
import io.parbench.bench.suite.AnswerCheck;
import io.parbench.bench.strategy.CpuStrategies;
import io.parbench.bench.strategy.CpuStrategy;
import io.parbench.bench.workload.cpu.CpuWorkloads;
import io.parbench.bench.workload.cpu.RangeWorkload;
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
 * The CPU suite's adapter: picks a workload (the subclass) and a strategy (the {@code strategy} param), makes
 * both at trial set-up, and times one whole computation per operation.
 *
 * <p>The strategy's pools and warm child JVMs are made in {@code @Setup(Level.Trial)}, outside the measured
 * region; only {@code process-cold} starts JVMs inside it, which is what its name says. The answer of every
 * operation is returned (JMH sinks it) and checked against the sequential answer after each iteration, outside
 * the timed region: a strategy that loses work fails its benchmark instead of reporting a fast wrong answer.
 *
 * <p>Concurrency lives inside the operation: JMH's own {@code @Threads} stays 1. The annotations below are the
 * defaults for plain JMH use ({@code java -jar benchmarks.jar cpu}); {@code scripts/parbench run} sets its
 * profile's values instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class CpuSuite {

    @Param({"sequential", "platform", "pool", "virtual", "forkjoin", "stream", "process", "process-cold"})
    public String strategy;

    @Param({"1", "2", "4"})
    public int threads;

    /** Chunks per thread; see {@link Chunking#DEFAULT_CHUNKS_PER_THREAD} for why 4. */
    @Param({"4"})
    public int chunksPerThread;

    private RangeWorkload workload;
    private CpuStrategy impl;
    private long expected;
    private final AnswerCheck check = new AnswerCheck();

    /** The workload id of this suite class. */
    protected abstract String workloadId();

    /** The {@code size} param of the subclass. */
    protected abstract long problemSize();

    @Setup(Level.Trial)
    public void setUp() {
        workload = CpuWorkloads.create(workloadId(), WorkFactor.scaledSize(workloadId(), problemSize()));
        expected = workload.computeAll();
        impl = CpuStrategies.create(strategy, new Chunking(threads, chunksPerThread));
    }

    @Benchmark
    public long run() {
        return check.record(impl.compute(workload));
    }

    @TearDown(Level.Iteration)
    public void verify() {
        check.verify(expected, () -> strategy + " with " + threads + " threads on " + workloadId() + " size "
                + workload.size() + " (sequential's answer is the reference)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (impl != null) {
            impl.close();
        }
    }
}
