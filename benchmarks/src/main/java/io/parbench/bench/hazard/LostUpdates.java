package io.parbench.bench.hazard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The race: several threads do {@code count++} on a shared field.
 *
 * <p>The trap: {@code count++} is three steps (read, add, write). Two threads that read the same value both write
 * value + 1, and one increment is lost. Making the field {@code volatile} does not help: volatile makes each read
 * and write visible to other threads, it does not make read-add-write one step. (A plain field would be worse: the
 * JIT may keep it in a register for the whole loop.) The fix: an atomic read-modify-write, {@link AtomicLong}, or a
 * lock around the three steps.
 */
public final class LostUpdates {

    private static final class RacyCounter {
        volatile long count;
    }

    private LostUpdates() {
    }

    /** The counts after {@code threads} threads each add 1 {@code increments} times: racy and atomic. */
    public record Counts(long expected, long racy, long atomic) {
        public double lostFraction() {
            return expected == 0 ? 0 : (double) (expected - racy) / expected;
        }
    }

    public static Counts count(int threads, int increments) throws InterruptedException {
        RacyCounter racy = new RacyCounter();
        AtomicLong atomic = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(threads); // start together, or there is little to race
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().name("race-" + t).start(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                for (int i = 0; i < increments; i++) {
                    racy.count++; // read, add, write: not atomic, even on a volatile field
                    atomic.incrementAndGet();
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        return new Counts((long) threads * increments, racy.count, atomic.get());
    }

    public static HazardResult demo(int[] threadCounts, int increments) throws InterruptedException {
        Map<String, Object> measured = new LinkedHashMap<>();
        StringBuilder outcome = new StringBuilder("Lost updates of volatile count++:");
        for (int t : threadCounts) {
            Counts c = count(t, increments);
            if (c.atomic() != c.expected()) {
                throw new IllegalStateException("AtomicLong lost updates: " + c);
            }
            measured.put("lostPercentAt" + t + "Threads", Math.round(c.lostFraction() * 10_000) / 100.0);
            outcome.append(String.format(Locale.ROOT, " %.1f%% at %d thread%s;", c.lostFraction() * 100, t, t == 1 ? "" : "s"));
        }
        measured.put("incrementsPerThread", increments);
        outcome.append(" AtomicLong lost none.");
        return new HazardResult("race", outcome.toString(), "volatile gives visibility, not atomicity: count++ is "
                + "read-add-write, so use AtomicLong (or LongAdder, or a lock) for shared counters.", measured);
    }
}
