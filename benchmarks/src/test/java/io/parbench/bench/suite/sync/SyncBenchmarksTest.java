package io.parbench.bench.suite.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::setUp);
        assertEquals("unknown primitive 'volatile-magic'; valid: baseline, racy, synchronized, lock-unfair, lock-fair, "
                + "atomic, adder, semaphore", e.getMessage());
        CounterContention.Counter baseline = CounterContention.counter("baseline");
        baseline.increment();
        assertFalse(baseline.counts(), "the baseline counts nothing, so it cannot be said to lose updates");
    }

    /** Each class's list of variants is its @Param's, so a variant added to one and not the other fails here. */
    @Test
    void everyParamValueHasAVariantAndNoneIsMissing() throws Exception {
        assertEquals(CounterContention.PRIMITIVES, params(CounterContention.class, "primitive"));
        assertEquals(ReadWriteContention.LOCKS, params(ReadWriteContention.class, "lock"));
        assertEquals(Reentrancy.LOCKS, params(Reentrancy.class, "lock"));
        for (String p : CounterContention.PRIMITIVES) {
            assertNotNull(CounterContention.counter(p), p);
        }
        for (String l : ReadWriteContention.LOCKS) {
            assertNotNull(ReadWriteContention.store(l), l);
        }
        for (String p : List.of(CounterContention.PRIMITIVES.get(0), ReadWriteContention.LOCKS.get(0),
                Reentrancy.LOCKS.get(0))) {
            assertEquals("baseline", p, "each class measures its floor first");
        }
    }

    private static List<String> params(Class<?> benchmark, String field) throws NoSuchFieldException {
        return List.of(benchmark.getField(field).getAnnotation(org.openjdk.jmh.annotations.Param.class).value());
    }

    /**
     * The fields several threads write have 128 bytes (two cache lines) of padding between them and the variant's
     * read-only reference to its lock, and 128 more after them, in HotSpot's real layout (JMH sample 22's concern):
     * the offsets come from the JVM ({@code jdk.internal.misc.Unsafe}, exported to the tests by the pom), since the
     * order of declaration promises nothing.
     */
    @Test
    void theHotFieldsArePaddedAwayFromEverythingElse() throws Exception {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        java.lang.reflect.Method offsetOf = unsafeClass.getMethod("objectFieldOffset", java.lang.reflect.Field.class);
        List<Class<?>> variants = new ArrayList<>();
        for (String p : CounterContention.PRIMITIVES) {
            variants.add(CounterContention.counter(p).getClass());
        }
        for (String l : ReadWriteContention.LOCKS) {
            variants.add(ReadWriteContention.store(l).getClass());
        }
        for (Class<?> c : variants) {
            java.util.Map<String, Long> offsets = new java.util.TreeMap<>();
            for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
                for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        offsets.put(f.getName(), (Long) offsetOf.invoke(unsafe, f));
                    }
                }
            }
            long shared = offsets.get("shared");
            long hotStart = java.util.stream.Stream.of("count", "racy", "x", "y").mapToLong(offsets::get).min().orElseThrow();
            long hotEnd = java.util.stream.Stream.of("count", "racy", "x", "y").mapToLong(offsets::get).max().orElseThrow() + 8;
            long before = offsets.entrySet().stream().filter(e -> e.getKey().matches("p\\d\\d")
                    && e.getValue() > shared && e.getValue() < hotStart).count();
            long after = offsets.entrySet().stream().filter(e -> e.getKey().matches("q\\d\\d")
                    && e.getValue() >= hotEnd).count();
            assertTrue(hotStart - shared >= 128 && before == 16, c + ": the lock reference is within 128 bytes of the "
                    + "hot fields: " + offsets);
            assertTrue(after == 16, c + ": fewer than 128 bytes after the hot fields: " + offsets);
            if (c.getSimpleName().equals("Atomic") || c.getSimpleName().equals("Adder")) {
                Class<?> own = c.getSimpleName().equals("Atomic") ? CounterContention.PaddedAtomicLong.class
                        : CounterContention.PaddedLongAdder.class;
                long value = (Long) offsetOf.invoke(unsafe, own.getSuperclass().getSimpleName().equals("AtomicLong")
                        ? java.util.concurrent.atomic.AtomicLong.class.getDeclaredField("value")
                        : Class.forName("java.util.concurrent.atomic.Striped64").getDeclaredField("base"));
                for (java.lang.reflect.Field f : own.getDeclaredFields()) {
                    assertTrue((Long) offsetOf.invoke(unsafe, f) > value, own + ": padding before its value");
                }
                assertEquals(16, own.getDeclaredFields().length, own + ": 128 bytes of padding after its value");
            }
        }
    }

    @Test
    void everyReadWriteVariantKeepsThePairWhole() throws Exception {
        for (String lock : ReadWriteContention.LOCKS) {
            ReadWriteContention rw = new ReadWriteContention();
            rw.lock = lock;
            rw.readPercent = 50;
            rw.setUp();
            List<Thread> workers = new ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < 4; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 50_000; i++) {
                            rw.operate();
                        }
                    } catch (RuntimeException ex) {
                        failure.set(ex);
                    }
                }));
            }
            for (Thread w : workers) {
                w.join();
            }
            assertEquals(null, failure.get(), lock);
            rw.consistent();
        }
        ReadWriteContention bad = new ReadWriteContention();
        bad.lock = "spin";
        bad.readPercent = 90;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::setUp);
        assertEquals("lock must be one of baseline, synchronized, rwlock, stamped; got 'spin'", e.getMessage());
    }

    @Test
    void reentrancyReachesEveryDepthAndReleasesTheLock() {
        for (String lock : Reentrancy.LOCKS) {
            Reentrancy r = new Reentrancy();
            r.lock = lock;
            r.depth = 8;
            r.setUp(); // the reentrant lock's hold counts are checked here, at every depth
            assertEquals(1, r.acquire(), lock);
            assertEquals(2, r.acquire(), lock);
        }
        Reentrancy bad = new Reentrancy();
        bad.lock = "semaphore";
        bad.depth = 2;
        assertThrows(IllegalArgumentException.class, bad::setUp);
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
