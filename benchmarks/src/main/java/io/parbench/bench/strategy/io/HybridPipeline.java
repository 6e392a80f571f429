package io.parbench.bench.strategy.io;

import io.parbench.bench.Cleanup;
import io.parbench.bench.workload.io.PrimeFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A two-stage pipeline over a {@link PrimeFeed}: stage 1 fetches ranges over HTTP (I/O, {@code threads} fetches in
 * flight), stage 2 counts the primes in them (CPU, one consumer per processor), joined by a bounded
 * {@link ArrayBlockingQueue} of {@value #QUEUE_CAPACITY} ranges, so that a fast stage 1 waits for stage 2 instead of
 * filling memory.
 *
 * <ul>
 *   <li>{@code virtual-forkjoin}: a virtual thread per fetch feeding a ForkJoinPool of one worker per processor:
 *       each stage on the executor made for its kind of work.</li>
 *   <li>{@code pool}: one fixed pool of {@code threads} + processors platform threads runs both stages.</li>
 *   <li>{@code virtual}: virtual threads for both stages.</li>
 *   <li>{@code sequential}: fetch, count, fetch, count.</li>
 * </ul>
 */
public final class HybridPipeline implements AutoCloseable {

    public static final int QUEUE_CAPACITY = 64;
    private static final List<String> IDS = List.of("sequential", "pool", "virtual", "virtual-forkjoin");
    private static final PrimeFeed.Range END = new PrimeFeed.Range(0, 0);

    private final String id;
    private final int threads;
    private final int consumers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService stage2; // null: virtual consumers
    private final ExecutorService sharedPool; // pool only

    private HybridPipeline(String id, int threads) {
        this.id = id;
        this.threads = threads;
        this.stage2 = id.equals("virtual-forkjoin") ? new ForkJoinPool(consumers) : null;
        if (id.equals("pool")) {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads + consumers,
                    Thread.ofPlatform().name("parbench-hybrid-pool-", 0).daemon(true).factory());
            pool.prestartAllCoreThreads();
            this.sharedPool = pool;
        } else {
            this.sharedPool = null;
        }
    }

    public static List<String> ids() {
        return IDS;
    }

    public static HybridPipeline create(String id, int threads) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown hybrid strategy '" + id + "'; valid strategies: " + String.join(", ", IDS));
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 for the hybrid pipeline; got " + threads);
        }
        return new HybridPipeline(id, threads);
    }

    public String id() {
        return id;
    }

    public long run(PrimeFeed feed) {
        if (id.equals("sequential")) {
            long sum = 0;
            for (int i = 0; i < feed.items(); i++) {
                try {
                    sum += PrimeFeed.count(feed.fetch(i));
                } catch (Exception e) {
                    throw IoStrategies.failure(id, e);
                }
            }
            return sum;
        }
        BlockingQueue<PrimeFeed.Range> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder primes = new LongAdder();
        ExecutorService consumerExecutor = sharedPool != null ? sharedPool : stage2;
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutorService consumersOn = consumerExecutor != null ? consumerExecutor : virtual;
            List<Future<?>> consumerTasks = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                consumerTasks.add(consumersOn.submit(() -> consume(queue, primes, failure)));
            }
            ExecutorService producersOn = sharedPool != null ? sharedPool : virtual;
            Semaphore inFlight = new Semaphore(threads);
            List<Future<?>> producerTasks = new ArrayList<>(feed.items());
            for (int i = 0; i < feed.items() && failure.get() == null; i++) {
                inFlight.acquire();
                int item = i;
                producerTasks.add(producersOn.submit(() -> {
                    try {
                        if (failure.get() == null) {
                            queue.put(feed.fetch(item));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : producerTasks) {
                f.get();
            }
            for (int c = 0; c < consumers; c++) {
                queue.put(END);
            }
            for (Future<?> f : consumerTasks) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw IoStrategies.failure(id, e);
        }
        if (failure.get() != null) {
            throw IoStrategies.failure(id, failure.get());
        }
        return primes.sum();
    }

    /** A consumer: counts ranges until it takes the end marker (and keeps draining after a failure). */
    private static Void consume(BlockingQueue<PrimeFeed.Range> queue, LongAdder primes, AtomicReference<Throwable> failure)
            throws InterruptedException {
        for (PrimeFeed.Range r = queue.take(); r != END; r = queue.take()) {
            if (failure.get() == null) {
                primes.add(PrimeFeed.count(r));
            }
        }
        return null;
    }

    @Override
    public void close() {
        Cleanup.stop(stage2, 30);
        Cleanup.stop(sharedPool, 30);
    }
}
