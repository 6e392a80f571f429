package io.parbench.bench.hazard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The livelock: two polite diners share one spoon, and each hands it to the other whenever the other is hungry.
 *
 * <p>The trap: both are hungry, so the diner holding the spoon passes it over, and the other, seeing the first one
 * still hungry, passes it back; forever. Both threads are busy (unlike a deadlock, nothing is blocked), the spoon
 * changes hands millions of times, and nobody eats. A progress counter (meals) that stays still while activity
 * (passes) piles up is the sign. Livelocks come from symmetric, over-polite rules; they need no bad timing. The fix:
 * break the symmetry, here by eating anyway half the time (a random choice, like a random back-off).
 */
public final class LivelockDemo {

    private LivelockDemo() {
    }

    /** Spoon passes and meals over a window, and whether the progress check fired. */
    public record Outcome(boolean randomised, long passes, long meals, boolean livelockDetected) {
    }

    /**
     * The progress check: lots of activity and (almost) no progress over a window is a livelock: busy, not blocked,
     * going nowhere.
     */
    public static boolean noProgress(long activity, long progress) {
        return activity >= 100 && progress * 100 < activity;
    }

    public static Outcome run(boolean randomised, Duration window) throws InterruptedException {
        return run(randomised, window, Long.MAX_VALUE);
    }

    /**
     * Runs until {@code passesAtLeast} spoon passes or meals have happened, or {@code window} is over: a count, not a
     * time, for tests that must not depend on how busy the machine is.
     */
    public static Outcome run(boolean randomised, Duration window, long passesAtLeast) throws InterruptedException {
        AtomicInteger spoon = new AtomicInteger(0); // which diner holds it
        AtomicLong passes = new AtomicLong();
        AtomicLong meals = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] diners = new Thread[2];
        for (int d = 0; d < 2; d++) {
            int me = d;
            int other = 1 - d;
            diners[d] = Thread.ofPlatform().name("polite-diner-" + d).start(() -> {
                while (!stop.get()) {
                    if (spoon.get() != me) {
                        Thread.onSpinWait(); // not my turn
                        continue;
                    }
                    // Both diners are always hungry here, so a polite diner always hands the spoon over.
                    boolean polite = !randomised || ThreadLocalRandom.current().nextBoolean();
                    if (polite) {
                        spoon.set(other); // "you first"
                        passes.incrementAndGet();
                        continue;
                    }
                    meals.incrementAndGet(); // eat, then get hungry again and hand the spoon on
                    spoon.set(other);
                }
            });
        }
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline && passes.get() + meals.get() < passesAtLeast) {
            Thread.sleep(Math.min(5, Math.max(1, window.toMillis())));
        }
        stop.set(true);
        for (Thread t : diners) {
            t.join();
        }
        return new Outcome(randomised, passes.get(), meals.get(), noProgress(passes.get(), meals.get()));
    }

    public static HazardResult demo() throws InterruptedException {
        Outcome polite = run(false, Duration.ofMillis(300));
        Outcome randomised = run(true, Duration.ofMillis(300));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("politePasses", polite.passes());
        measured.put("politeMeals", polite.meals());
        measured.put("politeLivelock", polite.livelockDetected());
        measured.put("randomisedPasses", randomised.passes());
        measured.put("randomisedMeals", randomised.meals());
        measured.put("randomisedLivelock", randomised.livelockDetected());
        String outcome = String.format(Locale.ROOT, "Over 300 ms, always polite: the spoon changed hands %d times and %d "
                        + "meals were eaten%s; polite half the time: %d passes, %d meals.", polite.passes(), polite.meals(),
                polite.livelockDetected() ? " (livelock: busy, no progress)" : "", randomised.passes(), randomised.meals());
        return new HazardResult("livelock", outcome, "Symmetric, over-polite rules keep threads busy without progress; "
                + "watch a progress counter, and break the symmetry (a random choice or back-off).", measured);
    }
}
