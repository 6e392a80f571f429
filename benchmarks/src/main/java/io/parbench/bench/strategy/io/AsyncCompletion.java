package io.parbench.bench.strategy.io;

import io.parbench.bench.workload.io.IoWorkload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * No thread per waiting task: {@code threads} "lanes" each start a task with {@link IoWorkload#taskAsync(int)}
 * and, when its future completes, start the next one from the completion callback. Waiting costs a pending future
 * and whatever the workload's non-blocking API keeps (a timer entry, a socket in a selector); the calling thread
 * only waits for the last completion.
 */
final class AsyncCompletion implements IoStrategy {

    private final int threads;

    AsyncCompletion(int threads) {
        this.threads = threads;
    }

    @Override
    public String id() {
        return "async";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long run(IoWorkload workload) {
        Lanes lanes = new Lanes(workload);
        int count = Math.min(threads, workload.tasks());
        if (count == 0) {
            return 0;
        }
        for (int l = 0; l < count; l++) {
            lanes.launch();
        }
        try {
            return lanes.done.get();
        } catch (ExecutionException e) {
            throw IoStrategies.failure(id(), e);
        } catch (InterruptedException e) {
            lanes.failure.compareAndSet(null, e);
            throw IoStrategies.failure(id(), e);
        }
    }

    /** The shared state of the lanes of one run. */
    private static final class Lanes {
        final IoWorkload workload;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final LongAdder sum = new LongAdder();

        Lanes(IoWorkload workload) {
            this.workload = workload;
        }

        /** Starts tasks until one is still pending (its callback continues the lane) or none is left. */
        void launch() {
            while (failure.get() == null) {
                int i = next.getAndIncrement();
                if (i >= workload.tasks()) {
                    return;
                }
                inFlight.incrementAndGet();
                CompletableFuture<Long> f;
                try {
                    f = workload.taskAsync(i);
                } catch (Throwable e) {
                    f = CompletableFuture.failedFuture(e);
                }
                if (f.isDone()) {
                    settle(f.handle((v, e) -> e == null ? v : (Object) e).join()); // loop, not recursion
                    continue;
                }
                f.whenComplete((v, e) -> {
                    settle(e == null ? v : e);
                    launch();
                });
                return;
            }
        }

        private void settle(Object outcome) {
            if (outcome instanceof Throwable e) {
                failure.compareAndSet(null, e);
            } else {
                sum.add((Long) outcome);
                finished.incrementAndGet();
            }
            int left = inFlight.decrementAndGet();
            if (failure.get() != null) {
                if (left == 0) {
                    done.completeExceptionally(failure.get()); // after every task already started has ended
                }
            } else if (finished.get() == workload.tasks()) {
                done.complete(sum.sum());
            }
        }
    }

    @Override
    public void close() {
        // the lanes live for one run; the workload owns the timers, channels and clients
    }
}
