package io.parbench.bench.workload.sync;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-slot, one-direction hand-off of a number between two threads, five ways: {@code put} waits until the slot
 * is empty, {@code take} until it is full. What differs is how a waiting thread sleeps and is woken.
 */
public interface Mailbox {

    List<String> MECHANISMS = List.of("wait-notify", "condition", "park-unpark", "synchronous-queue");

    void put(long value) throws InterruptedException;

    long take() throws InterruptedException;

    static Mailbox create(String mechanism) {
        return switch (mechanism) {
            case "wait-notify" -> new Monitor();
            case "condition" -> new Conditions();
            case "park-unpark" -> new Parking();
            case "synchronous-queue" -> new Synchronous();
            default -> throw new IllegalArgumentException("unknown hand-off mechanism '" + mechanism + "'; valid: "
                    + String.join(", ", MECHANISMS) + ", exchanger");
        };
    }

    /** {@code synchronized} + {@code wait}/{@code notifyAll}: the monitor every object has. */
    final class Monitor implements Mailbox {
        private long value;
        private boolean full;

        @Override
        public synchronized void put(long v) throws InterruptedException {
            while (full) {
                wait();
            }
            value = v;
            full = true;
            notifyAll();
        }

        @Override
        public synchronized long take() throws InterruptedException {
            while (!full) {
                wait();
            }
            full = false;
            notifyAll();
            return value;
        }
    }

    /** A {@link ReentrantLock} with two {@link Condition}s: wakes only the side that can proceed. */
    final class Conditions implements Mailbox {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        private long value;
        private boolean full;

        @Override
        public void put(long v) throws InterruptedException {
            lock.lock();
            try {
                while (full) {
                    notFull.await();
                }
                value = v;
                full = true;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long take() throws InterruptedException {
            lock.lock();
            try {
                while (!full) {
                    notEmpty.await();
                }
                full = false;
                notFull.signal();
                return value;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * {@link LockSupport#park}/{@link LockSupport#unpark} on volatile fields: no lock at all. Each side publishes
     * itself before checking the slot, and the other side reads that after changing the slot, so a wake-up is
     * never missed (and a spurious one only costs a re-check).
     */
    final class Parking implements Mailbox {
        private volatile long value;
        private volatile boolean full;
        private volatile Thread taker;
        private volatile Thread putter;

        @Override
        public void put(long v) throws InterruptedException {
            putter = Thread.currentThread();
            while (full) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            value = v;
            full = true;
            Thread t = taker;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        @Override
        public long take() throws InterruptedException {
            taker = Thread.currentThread();
            while (!full) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            long v = value;
            full = false;
            Thread p = putter;
            if (p != null) {
                LockSupport.unpark(p);
            }
            return v;
        }
    }

    /** A {@link SynchronousQueue}: no slot at all, the putter waits until a taker takes. */
    final class Synchronous implements Mailbox {
        private final SynchronousQueue<Long> queue = new SynchronousQueue<>();

        @Override
        public void put(long v) throws InterruptedException {
            queue.put(v);
        }

        @Override
        public long take() throws InterruptedException {
            return queue.take();
        }
    }
}
