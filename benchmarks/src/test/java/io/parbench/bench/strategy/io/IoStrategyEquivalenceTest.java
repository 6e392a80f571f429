package io.parbench.bench.strategy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.workload.io.FileWorkload;
import io.parbench.bench.workload.io.HttpWorkload;
import io.parbench.bench.workload.io.IoWorkload;
import io.parbench.bench.workload.io.LatencyWorkload;
import io.parbench.bench.workload.io.PrimeFeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every I/O strategy x concurrency {1, 3, 64} x workload x size returns exactly the answer computed without I/O;
 * the concurrency limit holds; the hybrid pipeline's four variants agree.
 */
class IoStrategyEquivalenceTest {

    private static final int[] SIZES = {0, 1, 2, 7, 65};

    @TempDir
    Path temp;

    static Stream<Arguments> strategiesAndThreads() {
        List<Arguments> args = new ArrayList<>();
        for (String id : IoStrategies.ids()) {
            for (int threads : new int[] {1, 3, 64}) {
                args.add(Arguments.of(id, threads));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} threads={1}")
    @MethodSource("strategiesAndThreads")
    void everyStrategyReturnsTheAnswerOnEveryWorkload(String id, int threads) throws Exception {
        try (IoStrategy strategy = IoStrategies.create(id, threads)) {
            assertEquals(id, strategy.id());
            for (int size : SIZES) {
                try (IoWorkload latency = new LatencyWorkload(size, 1);
                        IoWorkload read = new FileWorkload(temp, size, 3000, false);
                        IoWorkload write = new FileWorkload(temp, size, 777, true);
                        IoWorkload http = new HttpWorkload(size, 0, 1500)) {
                    for (IoWorkload w : List.of(latency, read, write, http)) {
                        for (int repeat = 0; repeat < 2; repeat++) { // a strategy serves every operation of a trial
                            assertEquals(w.expected(), strategy.run(w), () -> id + " threads=" + threads + " " + w.id()
                                    + " size=" + size);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theAnswerDependsOnEveryTask() throws Exception {
        try (LatencyWorkload w = new LatencyWorkload(10, 0); LatencyWorkload fewer = new LatencyWorkload(9, 0)) {
            assertTrue(w.expected() != fewer.expected(), "a lost task changes the sum");
        }
    }

    @Test
    void noStrategyExceedsItsConcurrencyExceptTheManagedForkJoin() throws Exception {
        for (String id : List.of("platform", "pool", "virtual", "forkjoin", "async")) {
            try (IoStrategy s = IoStrategies.create(id, 4); PeakWorkload w = new PeakWorkload(new LatencyWorkload(24, 15))) {
                assertEquals(w.expected(), s.run(w));
                assertTrue(w.peak.get() <= 4 && w.peak.get() >= 1, id + " had " + w.peak.get() + " tasks in flight, limit 4");
            }
        }
        try (IoStrategy s = IoStrategies.create("forkjoin-managed", 1); PeakWorkload w = new PeakWorkload(
                new LatencyWorkload(16, 100))) {
            assertEquals(w.expected(), s.run(w));
            assertTrue(w.peak.get() > 1, "a ManagedBlocker lets the pool start spare workers, so more than 1 task "
                    + "waits at once; peak was " + w.peak.get());
        }
    }

    @Test
    void theHybridVariantsAgree() throws Exception {
        try (PrimeFeed feed = new PrimeFeed(40, 1, 500)) {
            long expected = feed.expected();
            assertTrue(expected > 0);
            for (String id : HybridPipeline.ids()) {
                for (int threads : new int[] {1, 5, 64}) {
                    try (HybridPipeline p = HybridPipeline.create(id, threads)) {
                        assertEquals(expected, p.run(feed), id + " threads=" + threads);
                        assertEquals(expected, p.run(feed), id + " threads=" + threads + ", second run");
                    }
                }
            }
        }
    }

    @Test
    void unknownStrategiesAreRefusedWithTheValidOnes() {
        assertEquals("unknown I/O strategy 'stream'; valid strategies: sequential, platform, pool, virtual, forkjoin, "
                + "forkjoin-managed, async", assertThrows(IllegalArgumentException.class,
                        () -> IoStrategies.create("stream", 2)).getMessage());
        assertEquals("unknown hybrid strategy 'async'; valid strategies: sequential, pool, virtual, virtual-forkjoin",
                assertThrows(IllegalArgumentException.class, () -> HybridPipeline.create("async", 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IoStrategies.create("pool", 0));
    }

    /** Counts the tasks in flight at once. */
    static final class PeakWorkload implements IoWorkload {
        final IoWorkload inner;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        PeakWorkload(IoWorkload inner) {
            this.inner = inner;
        }

        private void enter() {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public int tasks() {
            return inner.tasks();
        }

        @Override
        public long task(int i) throws Exception {
            enter();
            try {
                return inner.task(i);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public CompletableFuture<Long> taskAsync(int i) {
            enter();
            return inner.taskAsync(i).whenComplete((v, e) -> inFlight.decrementAndGet());
        }

        @Override
        public long expected() {
            return inner.expected();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
