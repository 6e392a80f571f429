package io.parbench.bench.hazard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Virtual-thread pinning: many virtual threads each sleep while holding a lock, first a {@code synchronized}
 * monitor, then a {@link ReentrantLock}.
 *
 * <p>The trap: up to JDK 23, a virtual thread that blocks inside {@code synchronized} cannot leave its carrier (it
 * is "pinned"), so only as many of them make progress as there are carriers, one per core: 100 sleeps of 20 ms on 2
 * cores take a second instead of 20 ms. A ReentrantLock never pinned. JDK 24 (JEP 491) lets virtual threads leave
 * their carrier inside {@code synchronized} too, so on newer JDKs both take about one sleep. JFR records every
 * pinning as a {@code jdk.VirtualThreadPinned} event: the demo counts them, and says which JDK ran.
 */
public final class PinningDemo {

    private PinningDemo() {
    }

    /** Wall times of the two variants, and the pinning events JFR saw. */
    public record Outcome(int jdk, long synchronizedMillis, long reentrantLockMillis, long pinnedEvents, int tasks,
            long sleepMillis) {
    }

    public static Outcome run(int tasks, Duration sleep) throws InterruptedException, IOException {
        Path jfr = Files.createTempFile("parbench-pinning", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
            recording.start();
            long sync = time(tasks, () -> {
                Object monitor = new Object();
                synchronized (monitor) {
                    sleep(sleep);
                }
            });
            long lock = time(tasks, () -> {
                ReentrantLock l = new ReentrantLock();
                l.lock();
                try {
                    sleep(sleep);
                } finally {
                    l.unlock();
                }
            });
            recording.stop();
            recording.dump(jfr);
            long pinned = RecordingFile.readAllEvents(jfr).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned")).count();
            return new Outcome(Runtime.version().feature(), sync, lock, pinned, tasks, sleep.toMillis());
        } finally {
            Files.deleteIfExists(jfr);
        }
    }

    private static long time(int tasks, Runnable task) throws InterruptedException {
        long start = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                ex.submit(task);
            }
        } // close() waits for every task
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static HazardResult demo() throws InterruptedException, IOException {
        Outcome o = run(100, Duration.ofMillis(20));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("jdk", o.jdk());
        measured.put("tasks", o.tasks());
        measured.put("sleepMillis", o.sleepMillis());
        measured.put("synchronizedMillis", o.synchronizedMillis());
        measured.put("reentrantLockMillis", o.reentrantLockMillis());
        measured.put("pinnedEvents", o.pinnedEvents());
        String outcome = String.format(Locale.ROOT, "JDK %d: %d virtual threads sleeping %d ms inside synchronized took %d ms, "
                        + "inside a ReentrantLock %d ms; JFR recorded %d pinning event(s).%s", o.jdk(), o.tasks(),
                o.sleepMillis(), o.synchronizedMillis(), o.reentrantLockMillis(), o.pinnedEvents(),
                o.jdk() >= 24 ? " Since JDK 24 (JEP 491) synchronized no longer pins." : " Before JDK 24 synchronized pins.");
        return new HazardResult("pinning", outcome, "On JDK 21 to 23, do not block inside synchronized on virtual threads "
                + "(use ReentrantLock); on JDK 24+ it is fine. JFR's jdk.VirtualThreadPinned shows where it happens.",
                measured);
    }
}
