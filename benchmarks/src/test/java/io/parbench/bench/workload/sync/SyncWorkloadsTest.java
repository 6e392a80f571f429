package io.parbench.bench.workload.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The hand-offs, queues and searches of the sync suite: correct answers, nothing lost, nothing left running. */
class SyncWorkloadsTest {

    @Test
    void everyHandOffMechanismCompletesEveryRoundOnBothKindsOfThread() {
        for (String mechanism : PingPong.MECHANISMS) {
            for (String kind : PingPong.KINDS) {
                long last = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> PingPong.run(mechanism, kind, 3_000));
                assertEquals(3_000, last, mechanism + " on " + kind + ": the last reply is the last request + 1");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PingPong.run("smoke-signals", "platform", 1));
        assertThrows(IllegalArgumentException.class, () -> PingPong.run("condition", "green", 1));
    }

    @Test
    void noQueueLosesOrDuplicatesAnItem() throws Exception {
        for (String id : QueueKind.IDS) {
            for (int[] ratio : new int[][] {{1, 1}, {2, 1}, {1, 2}}) {
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> moveAll(id, ratio[0], ratio[1], 20_000));
            }
        }
    }

    /** {@code producers} put disjoint ranges of items, {@code consumers} take them all: each exactly once. */
    private static void moveAll(String id, int producers, int consumers, int perProducer) throws Exception {
        QueueKind q = QueueKind.create(id);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        long total = (long) producers * perProducer;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long base = (long) p * perProducer;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (long i = 0; i < perProducer; i++) {
                        if (!q.offer(base + i, () -> false)) {
                            throw new AssertionError("offer gave up without being told to stop");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (taken.get() < total) {
                        Long v = q.poll(() -> taken.get() >= total);
                        if (v != null) {
                            taken.incrementAndGet();
                            if (!seen.add(v)) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, duplicates.get(), id + ": duplicated items");
        assertEquals(total, seen.size(), id + " " + producers + ":" + consumers + ": lost items");
        assertEquals(0, q.size(), id + ": items left");
    }

    @Test
    void priorityComesOutSmallestFirstAndTheDequeNewestFirst() throws Exception {
        QueueKind priority = QueueKind.create("priority");
        for (long v : new long[] {5, 1, 9, 3, 7}) {
            priority.offer(v, () -> false);
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(priority.poll(() -> true));
        }
        assertEquals(List.of(1L, 3L, 5L, 7L, 9L), out);
        QueueKind lifo = QueueKind.create("deque-lifo");
        for (long v = 1; v <= 3; v++) {
            lifo.offer(v, () -> false);
        }
        assertEquals(3L, lifo.poll(() -> true));
        assertEquals(2L, lifo.poll(() -> true));
        assertEquals(1L, lifo.poll(() -> true));
        assertNull(lifo.poll(() -> true), "empty and told to stop: gives up instead of waiting forever");
        QueueKind sync = QueueKind.create("synchronous");
        assertEquals(false, sync.offer(1, () -> true), "nobody takes: offer gives up when told to stop");
        assertThrows(IllegalArgumentException.class, () -> QueueKind.create("stack"));
    }

    @Test
    void everySearchFindsTheOneMatchAndTheEarlyExitsExamineLess() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (double position : new double[] {0.0, 0.1, 0.5, 0.999}) {
                FirstMatch m = new FirstMatch(200_000, position);
                for (String approach : FirstMatch.APPROACHES) {
                    m.resetExamined();
                    assertEquals(m.expected(), m.find(approach, pool, 3), approach + " at " + position);
                    if (approach.equals("scan-all")) {
                        assertEquals(200_000, m.examined());
                    }
                    if (approach.equals("sequential-exit")) {
                        assertEquals(m.expected() + 1, m.examined());
                    }
                    if (approach.equals("shared-flag") && position <= 0.5) {
                        // workers stop after the block they are in: at most one block each past the match
                        assertTrue(m.examined() <= m.expected() + 1 + 3 * 4096L, approach + " examined " + m.examined());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalArgumentException.class, () -> new FirstMatch(10, 1.0));
    }
}
