package io.parbench.bench.strategy.io;

import io.parbench.bench.workload.io.IoWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A new thread for every task, at most {@code threads} alive at once (a semaphore): {@code platform} pays a kernel
 * thread's creation, stack and scheduling per task; {@code virtual} a small heap object, and its waiting parks the
 * virtual thread instead of blocking a carrier. Every thread started is joined before the operation returns.
 */
final class ThreadPerTask implements IoStrategy {

    private final String id;
    private final ThreadFactory factory;
    private final int threads;

    ThreadPerTask(String id, ThreadFactory factory, int threads) {
        this.id = id;
        this.factory = factory;
        this.threads = threads;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long run(IoWorkload workload) {
        Semaphore permits = new Semaphore(threads);
        LongAdder sum = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>(workload.tasks());
        try {
            for (int i = 0; i < workload.tasks() && failure.get() == null; i++) {
                permits.acquire();
                int task = i;
                Thread t = factory.newThread(() -> {
                    try {
                        sum.add(workload.task(task));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
                started.add(t);
                t.start();
            }
            for (Thread t : started) {
                t.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            for (Thread t : started) {
                try {
                    t.join(1000);
                } catch (InterruptedException again) {
                    break;
                }
            }
            throw IoStrategies.failure(id, e);
        }
        if (failure.get() != null) {
            throw IoStrategies.failure(id, failure.get());
        }
        return sum.sum();
    }

    @Override
    public void close() {
        // threads live for one task only
    }
}
