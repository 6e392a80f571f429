package io.parbench.bench.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hazard demos: exact counts where the code is safe, a deadlock found and ended, no thread left behind. */
class HazardsTest {

    private Set<Long> threadsBefore;

    @BeforeEach
    void rememberThreads() {
        threadsBefore = Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
    }

    @AfterEach
    void noThreadOutlivesADemo() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !threadsBefore.contains(t.threadId()) && t.isAlive())
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("race-") || n.startsWith("transfer-") || n.startsWith("fair-")
                            || n.startsWith("unfair-") || n.startsWith("polite-diner-"))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left: " + left);
    }

    @Test
    void jainIndexOnKnownDistributions() {
        assertEquals(1.0, Fairness.jainIndex(new long[] {5, 5, 5, 5}), 1e-12, "equal shares");
        assertEquals(0.25, Fairness.jainIndex(new long[] {9, 0, 0, 0}), 1e-12, "one of four gets all: 1/n");
        assertEquals(36.0 / 42.0, Fairness.jainIndex(new long[] {1, 2, 3}), 1e-12, "(1+2+3)^2 / (3 x 14)");
        assertEquals(1.0, Fairness.jainIndex(new long[] {0, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Fairness.jainIndex(new long[] {-1}));
    }

    @Test
    void atomicCountsAreExactAndOneThreadCannotRace() throws InterruptedException {
        LostUpdates.Counts one = LostUpdates.count(1, 100_000);
        assertEquals(100_000, one.racy(), "a single thread loses nothing");
        LostUpdates.Counts four = LostUpdates.count(4, 200_000);
        assertEquals(800_000, four.atomic(), "AtomicLong never loses an update");
        assertTrue(four.racy() <= 800_000 && four.racy() > 0);
    }

    @Test
    void aConstructedDeadlockIsFoundNamedAndEnded() throws InterruptedException {
        DeadlockDemo.Outcome o = DeadlockDemo.run(Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertEquals(2, o.cycle().size(), o.toString());
        assertTrue(o.cycle().contains("transfer-a-to-b holds lock A and waits for lock B, held by transfer-b-to-a"),
                o.cycle().toString());
        assertTrue(o.cycle().contains("transfer-b-to-a holds lock B and waits for lock A, held by transfer-a-to-b"),
                o.cycle().toString());
        // Found while the cycle existed: the threads' 2 s lock time-outs end it, so a later find would be impossible.
        assertTrue(o.detectedAfterMillis() >= 0 && o.detectedAfterMillis() < 2_000, o.toString());
        assertTrue(o.released(), "both threads timed out and ended");
    }

    @Test
    void politeDinersLivelockAndRandomnessBreaksIt() throws InterruptedException {
        // Counts, not time: each run goes on until 10,000 passes (minutes of slack on a loaded machine).
        LivelockDemo.Outcome polite = LivelockDemo.run(false, Duration.ofMinutes(2), 10_000);
        assertEquals(0, polite.meals(), "always polite: nobody ever eats");
        assertTrue(polite.passes() >= 10_000, "yet the spoon keeps moving: " + polite);
        assertTrue(polite.livelockDetected());
        LivelockDemo.Outcome randomised = LivelockDemo.run(true, Duration.ofMinutes(2), 10_000);
        assertTrue(randomised.meals() > 0, "a coin flip per turn: no meal in 10,000 turns has probability 2^-10000");
        assertFalse(randomised.livelockDetected());
        assertTrue(LivelockDemo.noProgress(1_000, 0));
        assertFalse(LivelockDemo.noProgress(1_000, 500));
        assertFalse(LivelockDemo.noProgress(10, 0), "too little activity to judge");
    }

    @Test
    void fairnessCountsEveryThread() throws InterruptedException {
        long[] fair = Fairness.acquisitions(3, true, Duration.ofMillis(200));
        assertEquals(3, fair.length);
        for (long c : fair) {
            assertTrue(c > 0, "a fair lock starves no one");
        }
    }

    @Test
    void pinningDemoSaysWhichJdkRan() throws Exception {
        PinningDemo.Outcome o = PinningDemo.run(20, Duration.ofMillis(5));
        assertEquals(Runtime.version().feature(), o.jdk());
        // JEP 491 (JDK 24): a virtual thread that blocks inside synchronized releases its carrier. Before it, every
        // sleep inside the monitor pinned the carrier and JFR recorded it.
        if (o.jdk() >= 24) {
            assertEquals(0, o.pinnedEvents(), "no pinning since JEP 491: " + o);
        } else {
            assertTrue(o.pinnedEvents() >= 1, "synchronized + sleep pins on JDK " + o.jdk() + ": " + o);
        }
        // Every task sleeps 5 ms, so neither variant can take less than that, whatever the machine.
        assertTrue(o.synchronizedMillis() >= 5 && o.reentrantLockMillis() >= 5, o.toString());
    }
}
