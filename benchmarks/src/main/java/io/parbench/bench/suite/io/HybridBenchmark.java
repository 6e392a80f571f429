package io.parbench.bench.suite.io;

import io.parbench.bench.strategy.io.HybridPipeline;
import io.parbench.bench.suite.AnswerCheck;
import io.parbench.bench.workload.io.PrimeFeed;
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
 * A program that does both kinds of work: stage 1 fetches {@code size} ranges over HTTP (each request waits
 * {@code latencyMs} at the server), stage 2 counts the primes in each range of {@code width} numbers, the stages
 * joined by a bounded queue. {@code threads} is the number of fetches in flight; stage 2 has one consumer per
 * processor. Compares one executor per kind of work ({@code virtual-forkjoin}) with one pool for everything
 * ({@code pool}), virtual threads for everything ({@code virtual}) and {@code sequential}. See
 * {@link HybridPipeline}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class HybridBenchmark {

    @Param({"sequential", "pool", "virtual", "virtual-forkjoin"})
    public String strategy;

    @Param({"1", "32", "256"})
    public int threads;

    @Param({"256"})
    public int size;

    @Param({"2"})
    public long latencyMs;

    @Param({"6000"})
    public int width;

    private PrimeFeed feed;
    private HybridPipeline pipeline;
    private long expected;
    private final AnswerCheck check = new AnswerCheck();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pipeline = HybridPipeline.create(strategy, threads);
        try {
            feed = new PrimeFeed(size, latencyMs, width);
            expected = feed.expected();
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @Benchmark
    public long run() {
        return check.record(pipeline.run(feed));
    }

    @TearDown(Level.Iteration)
    public void verify() {
        check.verify(expected, () -> "hybrid " + strategy + " with " + threads + " threads (primes in " + size + " ranges)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            if (feed != null) {
                feed.close();
            }
        }
    }
}
