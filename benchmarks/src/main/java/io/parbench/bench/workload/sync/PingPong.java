package io.parbench.bench.workload.sync;

import java.util.List;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two threads pass a number back and forth {@code rounds} times, each reply one more than the request, through a
 * {@link Mailbox} per direction or an {@link Exchanger}: the cost of one hand-off round trip, on platform or on
 * virtual threads. Every reply is checked.
 */
public final class PingPong {

    public static final List<String> MECHANISMS = List.of("wait-notify", "condition", "park-unpark", "synchronous-queue",
            "exchanger");
    public static final List<String> KINDS = List.of("platform", "virtual");

    private PingPong() {
    }

    /** Runs {@code rounds} round trips between two new threads of {@code kind}; returns the last reply. */
    public static long run(String mechanism, String kind, int rounds) throws InterruptedException {
        ThreadFactory factory = switch (kind) {
            case "platform" -> Thread.ofPlatform().name("parbench-pingpong-", 0).factory();
            case "virtual" -> Thread.ofVirtual().name("parbench-pingpong-", 0).factory();
            default -> throw new IllegalArgumentException("unknown thread kind '" + kind + "'; valid: platform, virtual");
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] both = new Thread[2]; // a failing side interrupts the other, which would otherwise wait forever
        long[] last = new long[1];
        Runnable ping;
        Runnable pong;
        if (mechanism.equals("exchanger")) {
            Exchanger<Long> ex = new Exchanger<>();
            ping = guarded(failure, both, () -> {
                for (long i = 0; i < rounds; i++) {
                    long reply = ex.exchange(i);
                    check(i, reply);
                    last[0] = reply;
                }
            });
            pong = guarded(failure, both, () -> {
                long next = 1;
                for (int i = 0; i < rounds; i++) {
                    long request = ex.exchange(next);
                    next = request + 2; // the ping side will send request + 1 next; answer one more than that
                }
            });
        } else {
            Mailbox there = Mailbox.create(mechanism);
            Mailbox back = Mailbox.create(mechanism);
            ping = guarded(failure, both, () -> {
                for (long i = 0; i < rounds; i++) {
                    there.put(i);
                    long reply = back.take();
                    check(i, reply);
                    last[0] = reply;
                }
            });
            pong = guarded(failure, both, () -> {
                for (int i = 0; i < rounds; i++) {
                    back.put(there.take() + 1);
                }
            });
        }
        Thread a = factory.newThread(ping);
        Thread b = factory.newThread(pong);
        both[0] = a;
        both[1] = b;
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            a.interrupt();
            b.interrupt();
            throw e;
        }
        if (failure.get() != null) {
            throw new IllegalStateException(mechanism + " on " + kind + " threads failed: " + failure.get(), failure.get());
        }
        return last[0];
    }

    private static void check(long request, long reply) {
        if (reply != request + 1) {
            throw new IllegalStateException("sent " + request + ", got back " + reply + " instead of " + (request + 1));
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Runnable guarded(AtomicReference<Throwable> failure, Thread[] both, Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    for (Thread t : both) {
                        if (t != Thread.currentThread()) {
                            t.interrupt();
                        }
                    }
                }
            }
        };
    }
}
