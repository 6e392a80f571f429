package io.parbench.bench.workload.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.strategy.StrategyFailure;
import io.parbench.bench.strategy.io.HybridPipeline;
import io.parbench.bench.strategy.io.IoStrategies;
import io.parbench.bench.strategy.io.IoStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outlives a trial (threads, the server, files), and every way the I/O can fail ends the run with a
 * sentence that says what failed, within a bounded time.
 */
class IoReliabilityTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void noThreadOrFileOutlivesATrial() throws Exception {
        Set<Thread> before = liveThreads();
        for (String id : IoStrategies.ids()) {
            try (IoStrategy s = IoStrategies.create(id, 16);
                    IoWorkload latency = new LatencyWorkload(40, 1);
                    FileWorkload files = new FileWorkload(temp, 40, 4096, true);
                    HttpWorkload http = new HttpWorkload(40, 1, 2048)) {
                assertTrue(Files.isDirectory(files.directory()));
                for (IoWorkload w : List.of(latency, files, http)) {
                    assertEquals(w.expected(), s.run(w));
                }
            }
        }
        for (String id : HybridPipeline.ids()) {
            try (HybridPipeline p = HybridPipeline.create(id, 8); PrimeFeed feed = new PrimeFeed(20, 1, 200)) {
                assertEquals(feed.expected(), p.run(feed));
            }
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the temporary folders are deleted at tear-down");
        }
        assertNoNewThreads(before);
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(0, 0, i -> new byte[1], LoopbackServer.Fault.NONE)) {
            assertTrue(server.boundAddress().getAddress().isLoopbackAddress(), server.boundAddress().toString());
            assertEquals("127.0.0.1", server.item(3).getHost());
            assertTrue(server.port() > 0);
        }
    }

    @Test
    void aServerThatCannotStartSaysWhy() throws Exception {
        try (LoopbackServer taken = LoopbackServer.start(0, 0, i -> new byte[1], LoopbackServer.Fault.NONE)) {
            IoFailure e = assertThrows(IoFailure.class, () -> LoopbackServer.start(taken.port(), 0, i -> new byte[1],
                    LoopbackServer.Fault.NONE));
            assertTrue(e.getMessage().startsWith("could not start the loopback HTTP server on 127.0.0.1:" + taken.port()),
                    e.getMessage());
        }
    }

    @Test
    void aRefusedConnectionFailsTheRun() throws Exception {
        Set<Thread> before = liveThreads();
        for (String id : List.of("sequential", "pool", "virtual", "forkjoin-managed", "async")) {
            try (IoStrategy s = IoStrategies.create(id, 4); HttpWorkload w = new HttpWorkload(10, 0, 10)) {
                w.server().close(); // nobody listens on the port any more
                String message = assertTimeoutPreemptively(LIMIT, () -> assertThrows(StrategyFailure.class,
                        () -> s.run(w))).getMessage();
                assertTrue(message.startsWith(id + ": GET http://127.0.0.1:") && message.contains("connection refused"),
                        message);
            }
        }
        assertNoNewThreads(before);
    }

    @Test
    void aTimeoutFailsTheRunInsteadOfHangingIt() throws Exception {
        for (String id : List.of("virtual", "async")) {
            try (IoStrategy s = IoStrategies.create(id, 4);
                    HttpWorkload w = new HttpWorkload(4, 5_000, 10, LoopbackServer.Fault.NONE,
                            new HttpFetcher(Duration.ofMillis(300)))) {
                String message = assertTimeoutPreemptively(LIMIT, () -> assertThrows(StrategyFailure.class,
                        () -> s.run(w))).getMessage();
                assertTrue(message.contains("timed out after 300 ms"), message);
            }
        }
    }

    @Test
    void aShortReadOrABadStatusFailsTheRun() throws Exception {
        for (String id : List.of("pool", "async")) {
            try (IoStrategy s = IoStrategies.create(id, 2);
                    HttpWorkload shortBody = new HttpWorkload(3, 0, 100, LoopbackServer.Fault.SHORT_BODY, new HttpFetcher());
                    HttpWorkload error = new HttpWorkload(3, 0, 100, LoopbackServer.Fault.SERVER_ERROR, new HttpFetcher())) {
                String message = assertThrows(StrategyFailure.class, () -> s.run(shortBody)).getMessage();
                assertTrue(message.contains("short read: GET http://127.0.0.1:") && message.contains("returned 50 of 100 bytes"),
                        message);
                message = assertThrows(StrategyFailure.class, () -> s.run(error)).getMessage();
                assertTrue(message.contains("answered status 500, not 200"), message);
            }
        }
    }

    @Test
    void aTruncatedFileIsAShortRead() throws Exception {
        try (FileWorkload w = new FileWorkload(temp, 2, 1000, false); IoStrategy s = IoStrategies.create("pool", 2);
                IoStrategy async = IoStrategies.create("async", 2)) {
            Files.write(w.file(1), new byte[10]);
            assertTrue(assertThrows(StrategyFailure.class, () -> s.run(w)).getMessage()
                    .matches("pool: short read: .*f1\\.bin ended after 10 of 1000 bytes"));
            assertTrue(assertThrows(StrategyFailure.class, () -> async.run(w)).getMessage()
                    .matches("async: short read: .*f1\\.bin ended after 10 of 1000 bytes"));
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void badParamsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyWorkload(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FileWorkload(temp, 1, -5, false));
        assertThrows(IllegalArgumentException.class, () -> new HttpWorkload(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PrimeFeed(1, 1, 0));
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /** The JDK's own per-JVM threads, started once on first use and shared by everything: not the trial's. */
    private static final Set<String> JDK_SINGLETONS = Set.of("MasterPoller", "Read-Poller", "Write-Poller",
            "VirtualThread-unblocker", "Common-Cleaner");

    private static boolean jdkSingleton(Thread t) {
        return JDK_SINGLETONS.contains(t.getName()) || t.getName().startsWith("ForkJoinPool.commonPool")
                || t.getClass().getName().equals("jdk.internal.misc.CarrierThread"); // the virtual threads' carriers
    }

    /** Threads started since {@code before} must end (give them a few seconds to finish exiting). */
    private static void assertNoNewThreads(Set<Thread> before) throws InterruptedException {
        Set<Thread> extra = Set.of();
        for (int i = 0; i < 100; i++) {
            extra = liveThreads().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !jdkSingleton(t))
                    .collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("threads outlived the trial: " + extra.stream().map(Thread::getName).sorted().toList());
    }

}
