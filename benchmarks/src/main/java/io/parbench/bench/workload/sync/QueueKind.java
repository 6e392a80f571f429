package io.parbench.bench.workload.sync;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The queues of a producer/consumer comparison behind one interface whose {@code offer} and {@code poll} give up
 * when {@code stop} says so (JMH ends an iteration while producers or consumers wait: a plain {@code put} or
 * {@code take} would then wait forever). Bounded queues hold {@link #CAPACITY} items; the unbounded ones
 * ({@code concurrent-linked}, {@code priority}, {@code transfer}) are held to the same bound by a counter, so that
 * fast producers cannot fill the heap.
 */
public final class QueueKind {

    public static final List<String> IDS = List.of("array", "linked", "transfer", "synchronous", "concurrent-linked",
            "priority", "deque-lifo");
    public static final int CAPACITY = 1024;

    private final String id;
    private final Queue<Long> queue;
    private final AtomicInteger held = new AtomicInteger(); // unbounded queues only

    private QueueKind(String id, Queue<Long> queue) {
        this.id = id;
        this.queue = queue;
    }

    public static QueueKind create(String id) {
        Queue<Long> q = switch (id) {
            case "array" -> new ArrayBlockingQueue<>(CAPACITY);
            case "linked" -> new LinkedBlockingQueue<>(CAPACITY);
            case "transfer" -> new LinkedTransferQueue<>();
            case "synchronous" -> new SynchronousQueue<>();
            case "concurrent-linked" -> new ConcurrentLinkedQueue<>();
            case "priority" -> new PriorityBlockingQueue<>();
            case "deque-lifo" -> new LinkedBlockingDeque<>(CAPACITY);
            default -> throw new IllegalArgumentException("unknown queue '" + id + "'; valid: " + String.join(", ", IDS));
        };
        return new QueueKind(id, q);
    }

    public String id() {
        return id;
    }

    private boolean unbounded() {
        return id.equals("transfer") || id.equals("concurrent-linked") || id.equals("priority");
    }

    /** Adds {@code item}, waiting while the queue is full; false if {@code stop} became true first. */
    public boolean offer(long item, BooleanSupplier stop) throws InterruptedException {
        if (unbounded()) {
            while (held.get() >= CAPACITY) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                Thread.onSpinWait();
            }
            held.incrementAndGet();
            queue.offer(item);
            return true;
        }
        BlockingQueue<Long> bq = (BlockingQueue<Long>) queue;
        while (!bq.offer(item, 1, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** Removes the next item (for {@code deque-lifo}: the newest), waiting while empty; null if stopped first. */
    public Long poll(BooleanSupplier stop) throws InterruptedException {
        if (id.equals("concurrent-linked")) {
            for (Long v = queue.poll(); ; v = queue.poll()) {
                if (v != null) {
                    held.decrementAndGet();
                    return v;
                }
                if (stop.getAsBoolean()) {
                    return null;
                }
                Thread.onSpinWait();
            }
        }
        for (;;) {
            Long v = id.equals("deque-lifo") ? ((BlockingDeque<Long>) queue).pollLast(1, TimeUnit.MILLISECONDS)
                    : ((BlockingQueue<Long>) queue).poll(1, TimeUnit.MILLISECONDS);
            if (v != null) {
                if (unbounded()) {
                    held.decrementAndGet();
                }
                return v;
            }
            if (stop.getAsBoolean()) {
                return null;
            }
        }
    }

    /** Removes whatever is left (between iterations). */
    public void clear() {
        queue.clear();
        held.set(0);
    }

    public int size() {
        return queue.size();
    }
}
