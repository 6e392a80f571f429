package io.parbench.bench.hazard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The deadlock: two threads take two locks in opposite orders.
 *
 * <p>The trap: thread "transfer-a-to-b" holds lock A and waits for B while "transfer-b-to-a" holds B and waits for
 * A; neither can go on, forever. The JVM can see the cycle ({@link ThreadMXBean#findDeadlockedThreads} follows
 * "waits for lock held by"), and here the threads wait with a timeout ({@code tryLock}), so they give up, release
 * what they hold, and the demo ends. The fix: take locks in one global order (always A before B), or use timeouts
 * and retry.
 */
public final class DeadlockDemo {

    private DeadlockDemo() {
    }

    /** What the detector saw: one line per deadlocked thread, how long it took to see it, and whether both let go. */
    public record Outcome(List<String> cycle, long detectedAfterMillis, boolean released) {
    }

    public static Outcome run(Duration lockTimeout, Duration detectWithin) throws InterruptedException {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread t1 = Thread.ofPlatform().name("transfer-a-to-b").start(() -> transfer(a, b, bothHoldOne, lockTimeout));
        Thread t2 = Thread.ofPlatform().name("transfer-b-to-a").start(() -> transfer(b, a, bothHoldOne, lockTimeout));
        // The JVM names a lock by its internal synchroniser; the lock a thread waits for is the one its owner took first.
        Map<String, String> firstLockOf = Map.of(t1.getName(), "lock A", t2.getName(), "lock B");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        List<String> cycle = new ArrayList<>();
        long detected = -1;
        while (System.nanoTime() - start < detectWithin.toNanos()) {
            long[] ids = mx.findDeadlockedThreads();
            if (ids != null) {
                detected = (System.nanoTime() - start) / 1_000_000;
                for (ThreadInfo info : mx.getThreadInfo(ids)) {
                    if (info != null) {
                        cycle.add(info.getThreadName() + " holds " + firstLockOf.get(info.getThreadName())
                                + " and waits for " + firstLockOf.getOrDefault(info.getLockOwnerName(), info.getLockName())
                                + ", held by " + info.getLockOwnerName());
                    }
                }
                break;
            }
            Thread.sleep(10);
        }
        t1.join(lockTimeout.toMillis() * 4);
        t2.join(lockTimeout.toMillis() * 4);
        return new Outcome(cycle, detected, !t1.isAlive() && !t2.isAlive());
    }

    private static void transfer(ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldOne, Duration timeout) {
        first.lock();
        try {
            bothHoldOne.countDown();
            bothHoldOne.await(); // make sure the other thread holds its first lock: the deadlock is certain
            if (second.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                second.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            first.unlock();
        }
    }

    public static HazardResult demo() throws InterruptedException {
        Outcome o = run(Duration.ofSeconds(2), Duration.ofSeconds(5));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("cycle", o.cycle());
        measured.put("detectedAfterMillis", o.detectedAfterMillis());
        measured.put("released", o.released());
        String outcome = o.cycle().isEmpty() ? "No deadlock was detected within 5 s (unexpected)."
                : "Deadlock detected after " + o.detectedAfterMillis() + " ms: " + String.join("; ", o.cycle())
                        + (o.released() ? ". Both threads timed out, released their locks and ended." : ".");
        return new HazardResult("deadlock", outcome, "Take locks in one global order, or wait with a timeout and back "
                + "off; ThreadMXBean.findDeadlockedThreads shows who waits for whom.", measured);
    }
}
