package io.parbench.bench.suite.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.process.ChildJvms;
import io.parbench.bench.process.IpcChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sync suite's benchmark classes used directly (no JMH): exact counts for every safe primitive, the limit of a
 * semaphore, reentrancy, and the child-JVM channels echoing every byte and leaving nothing behind.
 */
class SyncBenchmarksTest {

    @Test
    void everySafeCounterCountsExactly() throws Exception {
        int threads = 4;
        int each = 50_000;
        for (String primitive : List.of("synchronized", "lock-unfair", "lock-fair", "atomic", "adder", "semaphore")) {
            CounterContention c = new CounterContention();
            c.primitive = primitive;
            c.setUp();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    CounterContention.Tally tally = new CounterContention.Tally();
                    try {
                        for (int i = 0; i < each; i++) {
                            c.increment(tally);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            assertEquals((long) threads * each, c.value(), primitive);
        }
        CounterContention bad = new CounterContention();
        bad.primitive = "volatile-magic";
        assertThrows(IllegalArgumentException.class, bad::setUp);
    }

    @Test
    void reentrancyReachesEveryDepthAndReleasesTheLock() {
        for (String lock : List.of("synchronized", "reentrant-lock")) {
            Reentrancy r = new Reentrancy();
            r.lock = lock;
            r.depth = 8;
            assertEquals(1, r.acquire());
            assertEquals(2, r.acquire());
        }
    }

    @Test
    void aSemaphoreNeverLetsMoreThanItsPermitsIn() throws Exception {
        for (int permits : new int[] {1, 4}) {
            SemaphoreLimit s = new SemaphoreLimit();
            s.permits = permits;
            s.setUp();
            try {
                int max = s.runLimited();
                assertTrue(max >= 1 && max <= permits, "peak " + max + " with " + permits + " permits");
            } finally {
                s.tearDown();
            }
        }
    }

    @Test
    void everyChannelEchoesEveryByteAndCleansUp(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        byte[] small = new byte[64];
        byte[] large = new byte[300_000];
        new SplittableRandom(3).nextBytes(small);
        new SplittableRandom(4).nextBytes(large);
        for (String kind : IpcChannel.KINDS) {
            try (IpcChannel c = IpcChannel.open(kind, large.length, tmp)) {
                for (int i = 0; i < 20; i++) {
                    small[0] = (byte) i;
                    assertEquals(64, c.roundTrip(small, 64));
                }
                assertEquals(large.length, c.roundTrip(large, large.length));
            }
        }
        assertEquals(0, ChildJvms.liveCount(), "every child JVM has exited");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the shared-memory file is deleted (a folder of this test's own)");
        }
    }

    @Test
    void theBarrierHelpersEndAtTearDown() throws Exception {
        for (String primitive : List.of("cyclic-barrier", "phaser", "count-down-latch")) {
            BarrierRoundTrip b = new BarrierRoundTrip();
            b.primitive = primitive;
            b.parties = 3;
            b.setUp();
            for (int i = 0; i < 100; i++) {
                b.meet();
            }
            b.tearDown();
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(
                t -> t.getName().startsWith("parbench-barrier-helper")), "helpers outlived the trial");
    }
}
