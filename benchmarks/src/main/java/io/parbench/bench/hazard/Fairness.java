package io.parbench.bench.hazard;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starvation and fairness: threads that all want one lock, and how the acquisitions are shared out.
 *
 * <p>The trap: an unfair lock (the default) lets a thread that releases the lock take it straight back ("barging"),
 * which is fast, since the lock stays in the same core's cache, but one thread can get most of the turns while the
 * others starve. A fair lock hands the lock to the longest waiter, which shares the turns out evenly, at the cost of
 * a hand-off (a context switch) every time. Jain's fairness index summarises the shares: 1 when equal, 1/n when one
 * thread gets everything (Jain, Chiu and Hawe, DEC-TR-301, 1984).
 */
public final class Fairness {

    private Fairness() {
    }

    /** Jain's index (sum x)^2 / (n sum x^2) of non-negative shares; 1 for an empty or all-zero list. */
    public static double jainIndex(long[] x) {
        double sum = 0;
        double squares = 0;
        for (long v : x) {
            if (v < 0) {
                throw new IllegalArgumentException("shares must be >= 0; got " + v);
            }
            sum += v;
            squares += (double) v * v;
        }
        return squares == 0 ? 1.0 : sum * sum / (x.length * squares);
    }

    /** How many times each of {@code threads} threads took the lock during {@code duration}. */
    public static long[] acquisitions(int threads, boolean fair, Duration duration) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(fair);
        long[] counts = new long[threads];
        AtomicBoolean stop = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = Thread.ofPlatform().name((fair ? "fair-" : "unfair-") + t).start(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                long mine = 0;
                while (!stop.get()) {
                    lock.lock();
                    try {
                        mine++;
                        Thread.onSpinWait(); // a tiny critical section
                    } finally {
                        lock.unlock();
                    }
                }
                counts[id] = mine;
            });
        }
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread w : workers) {
            w.join(); // join publishes counts[id]
        }
        return counts;
    }

    public static HazardResult demo(int threads, Duration duration) throws InterruptedException {
        long[] unfair = acquisitions(threads, false, duration);
        long[] fair = acquisitions(threads, true, duration);
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("threads", threads);
        measured.put("unfairAcquisitions", Arrays.stream(unfair).boxed().toList());
        measured.put("fairAcquisitions", Arrays.stream(fair).boxed().toList());
        measured.put("unfairJain", jainIndex(unfair));
        measured.put("fairJain", jainIndex(fair));
        String outcome = String.format(Locale.ROOT, "Over %d ms, %d threads: unfair lock %d acquisitions, Jain index %.2f; "
                        + "fair lock %d acquisitions, Jain index %.2f.", duration.toMillis(), threads, Arrays.stream(unfair).sum(),
                jainIndex(unfair), Arrays.stream(fair).sum(), jainIndex(fair));
        return new HazardResult("starvation", outcome, "An unfair lock is faster but may starve threads; a fair lock "
                + "shares turns evenly and pays a hand-off each time. Measure both before choosing.", measured);
    }
}
