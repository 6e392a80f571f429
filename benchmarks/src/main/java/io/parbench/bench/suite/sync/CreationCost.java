package io.parbench.bench.suite.sync;

import io.parbench.bench.Cleanup;
import io.parbench.bench.process.WorkerHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * What it costs to get something running, from cheapest to dearest: start and join a virtual thread, a platform
 * thread, a task on an existing pool; start a child JVM and get one line from it (with class-data sharing off,
 * with the JDK's default archive, and with an archive of this application's classes made at trial set-up); and,
 * for comparison, one round trip to a child JVM that is already running.
 *
 * <p>The lesson, on a log scale: each step up costs one or more orders of magnitude. A new JVM costs tens to
 * hundreds of milliseconds, most of it loading and linking classes, which is what a CDS archive saves; a warm
 * child answers in microseconds. Start expensive things once.
 *
 * <p>Run: {@code java -jar benchmarks.jar CreationCost}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class CreationCost {

    public static final List<String> WHAT = List.of("virtual-thread", "platform-thread", "pool-task", "child-jvm-no-cds",
            "child-jvm", "child-jvm-app-cds", "warm-child-round-trip");

    @Param({"virtual-thread", "platform-thread", "pool-task", "child-jvm-no-cds", "child-jvm", "child-jvm-app-cds",
            "warm-child-round-trip"})
    public String what;

    private ExecutorService pool;
    private WorkerHandle warm;
    private Path archiveDir;
    private List<String> flags = List.of();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (!WHAT.contains(what)) {
            throw new IllegalArgumentException("unknown 'what' " + what + "; valid: " + String.join(", ", WHAT));
        }
        pool = Executors.newFixedThreadPool(1);
        pool.submit(() -> null).get(); // the pool's thread exists before timing starts
        switch (what) {
            case "warm-child-round-trip" -> warm = WorkerHandle.start(List.of());
            case "child-jvm-no-cds" -> flags = List.of("-Xshare:off");
            case "child-jvm-app-cds" -> {
                archiveDir = Files.createTempDirectory("parbench-cds-");
                Path archive = archiveDir.resolve("app.jsa");
                try (WorkerHandle w = WorkerHandle.start(List.of("-XX:ArchiveClassesAtExit=" + archive))) {
                    w.ping();
                }
                for (int i = 0; i < 100 && !Files.exists(archive); i++) {
                    Thread.sleep(50); // the archive is written as the child exits
                }
                if (!Files.exists(archive)) {
                    throw new IllegalStateException("the child JVM wrote no class-data-sharing archive at " + archive);
                }
                flags = List.of("-XX:SharedArchiveFile=" + archive);
            }
            default -> {
            }
        }
    }

    @Benchmark
    public Object create() throws Exception {
        switch (what) {
            case "virtual-thread" -> {
                Thread t = Thread.ofVirtual().start(() -> { });
                t.join();
                return t;
            }
            case "platform-thread" -> {
                Thread t = Thread.ofPlatform().start(() -> { });
                t.join();
                return t;
            }
            case "pool-task" -> {
                return pool.submit(() -> Boolean.TRUE).get();
            }
            case "warm-child-round-trip" -> {
                warm.ping();
                return warm;
            }
            default -> {
                try (WorkerHandle w = WorkerHandle.start(flags)) { // started, READY read: one line answered
                    return w;
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Cleanup.stop(pool, 10);
        if (warm != null) {
            warm.close();
        }
        Cleanup.deleteTree(archiveDir);
    }
}
