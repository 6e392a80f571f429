package io.parbench.bench.suite.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code parties} threads meeting at a gate, over and over: one operation is one meeting (the benchmark thread
 * plus {@code parties - 1} helper threads started at trial set-up).
 *
 * <p>{@link CyclicBarrier} and {@link Phaser} reset themselves after each meeting; a {@link CountDownLatch} is
 * one-shot, so each round makes a new one and hands it to the helpers (a queue per helper), which is what code that
 * "reuses" latches really does. The lesson: a meeting costs a wake-up of every party, so it grows with the
 * parties and jumps when they exceed the cores (the last to arrive must wait to be scheduled).
 *
 * <p>Run: {@code java -jar benchmarks.jar BarrierRoundTrip -p parties=2,4}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class BarrierRoundTrip {

    @Param({"cyclic-barrier", "phaser", "count-down-latch"})
    public String primitive;

    @Param({"2", "4"})
    public int parties;

    private CyclicBarrier barrier;
    private Phaser phaser;
    private final List<BlockingQueue<CountDownLatch>> handoffs = new ArrayList<>();
    private final List<Thread> helpers = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        if (parties < 2) {
            throw new IllegalArgumentException("parties must be >= 2; got " + parties);
        }
        barrier = new CyclicBarrier(parties);
        phaser = new Phaser(parties);
        for (int i = 0; i < parties - 1; i++) {
            BlockingQueue<CountDownLatch> q = new ArrayBlockingQueue<>(1);
            handoffs.add(q);
            Runnable body = switch (primitive) {
                case "cyclic-barrier" -> () -> loop(() -> barrier.await());
                case "phaser" -> () -> loop(phaser::arriveAndAwaitAdvance);
                case "count-down-latch" -> () -> loop(() -> {
                    q.take().countDown();
                    return null;
                });
                default -> throw new IllegalArgumentException("unknown primitive '" + primitive
                        + "'; valid: cyclic-barrier, phaser, count-down-latch");
            };
            Thread t = Thread.ofPlatform().name("parbench-barrier-helper-" + i).daemon(true).start(body);
            helpers.add(t);
        }
    }

    private interface Step {
        Object run() throws InterruptedException, BrokenBarrierException;
    }

    private static void loop(Step step) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                step.run();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // tear-down: stop
        }
    }

    @Benchmark
    public int meet() throws Exception {
        switch (primitive) {
            case "cyclic-barrier" -> {
                return barrier.await();
            }
            case "phaser" -> {
                return phaser.arriveAndAwaitAdvance();
            }
            default -> {
                CountDownLatch latch = new CountDownLatch(parties - 1);
                for (BlockingQueue<CountDownLatch> q : handoffs) {
                    q.put(latch);
                }
                latch.await();
                return (int) latch.getCount();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        helpers.forEach(Thread::interrupt);
        barrier.reset();
        phaser.forceTermination();
        for (Thread t : helpers) {
            t.join(5_000);
        }
    }
}
