package io.parbench.bench.suite.sync;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.sync.FirstMatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Finding the one match in 8 million ints, placed a tenth or half of the way in: scanning everything, stopping at
 * the match, and searching in parallel with three ways to stop the other workers (a shared flag, {@code invokeAny}
 * which cancels the losers, a short-circuiting parallel stream). The secondary metric {@code percentExamined} is
 * the share of the array looked at: the work saved is the rest.
 *
 * <p>The lesson: cancellation is cooperative. A worker stops only when it checks the flag or its interrupt
 * status; the sooner the match, the more an early exit saves, and parallel search pays only when the scan is
 * long enough to cover the start-up of the workers.
 *
 * <p>Run: {@code java -jar benchmarks.jar EarlyTermination}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class EarlyTermination {

    public static final int SIZE = 8_000_000;

    @Param({"scan-all", "sequential-exit", "shared-flag", "invoke-any", "stream-any"})
    public String approach;

    @Param({"0.1", "0.5"})
    public double position;

    private FirstMatch search;
    private ExecutorService pool;
    private int workers;
    private long ops;

    /** The share of the array examined per search in the iteration, in percent. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Work {
        public double percentExamined;
    }

    @Setup(Level.Trial)
    public void setUp() {
        search = new FirstMatch(SIZE, position);
        workers = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(workers);
        if (!FirstMatch.APPROACHES.contains(approach)) {
            throw new IllegalArgumentException("unknown approach '" + approach + "'; valid: "
                    + String.join(", ", FirstMatch.APPROACHES));
        }
    }

    @Setup(Level.Iteration)
    public void clear() {
        search.resetExamined();
        ops = 0;
    }

    @Benchmark
    public int find(Work work, org.openjdk.jmh.infra.BenchmarkParams params) throws InterruptedException {
        int found = search.find(approach, pool, workers);
        if (found != search.expected()) {
            throw new IllegalStateException(approach + " found index " + found + "; the match is at " + search.expected());
        }
        ops++;
        work.percentExamined = IterationShare.of(100.0 * search.examined() / ((double) ops * SIZE), params);
        return found;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Cleanup.stop(pool, 10);
    }
}
