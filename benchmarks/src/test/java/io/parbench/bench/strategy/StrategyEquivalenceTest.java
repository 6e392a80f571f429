package io.parbench.bench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parbench.bench.process.ChildJvms;
import io.parbench.bench.workload.cpu.CpuWorkloads;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy x workload x threads {1, 2, 3, 8} x size (0, 1, and around the chunk-count boundaries) must
 * return exactly the sequential answer. One strategy instance serves all workloads and sizes of its thread count,
 * as it would serve all operations of a JMH trial.
 */
class StrategyEquivalenceTest {

    private static final long[] SIZES = {0, 1, 2, 3, 7, 8, 31, 32, 33, 97, 1_000, 4_099};
    private static final long[] MATMUL_SIZES = {0, 1, 2, 3, 7, 8, 31, 32, 33};

    static Stream<Arguments> strategiesAndThreads() {
        List<Arguments> args = new ArrayList<>();
        for (String id : CpuStrategies.ids()) {
            for (int threads : new int[] {1, 2, 3, 8}) {
                args.add(Arguments.of(id, threads));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} threads={1}")
    @MethodSource("strategiesAndThreads")
    void everyStrategyReturnsTheSequentialAnswer(String id, int threads) {
        try (CpuStrategy strategy = CpuStrategies.create(id, Chunking.of(threads))) {
            assertEquals(id, strategy.id());
            for (String workload : CpuWorkloads.ids()) {
                // process-cold starts JVMs for every call: test it on the boundary sizes only.
                long[] sizes = workload.equals("matmul") ? MATMUL_SIZES : SIZES;
                for (long size : sizes) {
                    if (id.equals("process-cold") && size > 8 && size != 33) {
                        continue;
                    }
                    RangeWorkload w = CpuWorkloads.create(workload, size);
                    assertEquals(w.computeAll(), strategy.compute(w),
                            () -> id + " threads=" + threads + " " + workload + " size=" + size);
                }
            }
        }
    }

    @Test
    void chunkingPolicyDoesNotChangeTheAnswer() {
        RangeWorkload w = CpuWorkloads.create("collatz", 5_000);
        for (int cpt : new int[] {1, 2, 16, 64}) {
            for (String id : List.of("platform", "pool", "virtual", "forkjoin", "stream")) {
                try (CpuStrategy s = CpuStrategies.create(id, new Chunking(3, cpt))) {
                    assertEquals(w.computeAll(), s.compute(w), id + " chunksPerThread=" + cpt);
                }
            }
        }
    }

    @Test
    void aWorkerThatThrowsFailsTheOperationWithItsMessage() {
        RangeWorkload broken = new RangeWorkload() {
            @Override public String id() { return "broken"; }
            @Override public long size() { return 100; }
            @Override public long units() { return 100; }
            @Override public long computeRange(long from, long to) {
                if (from > 50) {
                    throw new ArithmeticException("boom at " + from);
                }
                return to - from;
            }
        };
        for (String id : List.of("platform", "pool", "virtual", "forkjoin", "stream")) {
            try (CpuStrategy s = CpuStrategies.create(id, Chunking.of(2))) {
                RuntimeException e = assertThrows(RuntimeException.class, () -> s.compute(broken), id);
                String text = e + " " + e.getCause();
                org.junit.jupiter.api.Assertions.assertTrue(text.contains("boom at"), id + ": " + text);
            }
        }
    }

    @Test
    void unknownStrategyListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuStrategies.create("gpu", Chunking.of(2)));
        assertEquals("unknown CPU strategy 'gpu'; valid strategies: sequential, platform, pool, virtual, forkjoin, "
                + "stream, process, process-cold", e.getMessage());
    }

    @AfterAll
    static void noChildJvmOutlivesTheTests() {
        assertEquals(0, ChildJvms.liveCount(), "child JVMs still alive");
    }
}
