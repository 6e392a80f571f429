package io.parbench.bench.process;

import io.parbench.bench.Cleanup;
import io.parbench.bench.strategy.Chunking;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of child worker JVMs fed chunks over pipes: one driver thread per child takes the next chunk, sends it,
 * and waits for the answer, so a child that finishes early takes more work.
 *
 * <p>Callers may rely on: a child that crashes, exits, answers ERR or owes an answer for longer than the timeout
 * makes {@link #compute} throw {@link ProcessPoolFailure} naming the child and what it was doing; after that the
 * pool is closed and every child is gone. {@link #close} ends every child (stdin closed, then destroyed if it
 * lingers) and may be called more than once.
 */
public final class ProcessWorkerPool implements AutoCloseable {

    /** How long a child may owe an answer before it is declared hung; system property {@value #TIMEOUT_PROPERTY}. */
    public static final String TIMEOUT_PROPERTY = "parbench.process.timeoutSeconds";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final List<ChildWorker> children = new ArrayList<>();
    private final ExecutorService drivers;
    private final ScheduledExecutorService watchdog;
    private final Duration timeout;
    private volatile boolean closed;

    private ProcessWorkerPool(int size, Duration timeout) {
        this.timeout = timeout;
        this.drivers = Executors.newFixedThreadPool(size, Thread.ofPlatform().name("parbench-child-driver-", 0)
                .daemon(true).factory());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parbench-child-watchdog")
                .daemon(true).factory());
    }

    /** Starts {@code size} children and waits until each says READY. */
    public static ProcessWorkerPool start(int size) {
        return start(size, configuredTimeout());
    }

    /** As {@link #start(int)}, with an explicit hang timeout (tests use a short one). */
    public static ProcessWorkerPool start(int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("a process pool needs at least 1 child; got " + size);
        }
        ProcessWorkerPool pool = new ProcessWorkerPool(size, timeout);
        try {
            for (int i = 0; i < size; i++) { // start them all first: their JVMs boot in parallel
                pool.children.add(new ChildWorker(ChildJvms.start()));
            }
            pool.watchdog.scheduleWithFixedDelay(pool::killHungChildren, 100, 100, TimeUnit.MILLISECONDS);
            for (ChildWorker child : pool.children) {
                child.awaitReady();
            }
            return pool;
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw new ProcessPoolFailure("could not start " + size + " child JVM(s): " + e.getMessage(), e);
        }
    }

    static Duration configuredTimeout() {
        String value = System.getProperty(TIMEOUT_PROPERTY);
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a whole number of seconds; got '" + value + "'");
        }
    }

    public int size() {
        return children.size();
    }

    /** The pids of the children, for tests and diagnostics. */
    public List<Long> pids() {
        return children.stream().map(ChildWorker::pid).toList();
    }

    /** Computes the workload's answer: every chunk goes to some child; the partial answers are summed. */
    public long compute(RangeWorkload workload, List<Chunking.Range> chunks) {
        if (closed) {
            throw new ProcessPoolFailure("the process pool is closed (an earlier failure ended its children)");
        }
        AtomicInteger next = new AtomicInteger();
        var completion = new ExecutorCompletionService<Long>(drivers);
        int driverCount = Math.min(children.size(), chunks.size());
        List<Future<Long>> futures = new ArrayList<>();
        for (int d = 0; d < driverCount; d++) {
            ChildWorker child = children.get(d);
            futures.add(completion.submit(() -> drive(child, workload, chunks, next)));
        }
        long total = 0;
        try {
            for (int d = 0; d < driverCount; d++) {
                total += completion.take().get();
            }
            return total;
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            throw new ProcessPoolFailure(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new ProcessPoolFailure("interrupted while waiting for child JVMs", e);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private static long drive(ChildWorker child, RangeWorkload workload, List<Chunking.Range> chunks,
            AtomicInteger next) throws IOException {
        long sum = 0;
        for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
            Chunking.Range r = chunks.get(i);
            String what = "computing " + workload.id() + " size " + workload.size() + " units " + r;
            String answer = child.request(WorkerProtocol.RANGE + " " + workload.spec() + " " + r.from() + " " + r.to(),
                    what);
            if (!answer.startsWith(WorkerProtocol.OK + " ")) {
                throw new IOException("child JVM pid " + child.pid() + " answered '" + answer + "' while " + what);
            }
            sum += Long.parseLong(answer.substring(WorkerProtocol.OK.length() + 1).trim());
        }
        return sum;
    }

    /** One round trip with no work to every child (a liveness check, and the cost of a pipe round trip). */
    public void ping() {
        for (ChildWorker child : children) {
            try {
                child.request(WorkerProtocol.PING, "answering PING");
            } catch (IOException e) {
                close();
                throw new ProcessPoolFailure(e.getMessage(), e);
            }
        }
    }

    private void killHungChildren() {
        long now = System.nanoTime();
        for (ChildWorker child : children) {
            long since = child.pendingSince();
            if (since != 0 && now - since > timeout.toNanos()) {
                child.killAsHung();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        // Close stdin of all first, so they exit in parallel, then reap each.
        children.parallelStream().forEach(ChildWorker::close);
        Cleanup.stop(drivers, 5);
    }

    /** The pool could not produce an answer; the message names the child and what went wrong. */
    public static final class ProcessPoolFailure extends RuntimeException {
        public ProcessPoolFailure(String message, Throwable cause) {
            super(message, cause);
        }

        public ProcessPoolFailure(String message) {
            super(message);
        }
    }
}
