package io.parbench.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.strategy.Chunking;
import io.parbench.bench.workload.cpu.CpuWorkloads;
import io.parbench.bench.workload.cpu.PrimeCount;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Failure paths of the child-JVM pool: every one must end with a clear message and no child left alive. */
class ProcessWorkerPoolTest {

    /** Long enough (several seconds in a cold child) that the test can act while the children work. */
    private static final RangeWorkload LONG_WORK = new PrimeCount(1_000_000_000L, 2_000_000);

    @AfterEach
    void noChildOutlivesATest() {
        assertEquals(0, ChildJvms.liveCount(), "child JVMs still alive after the test");
    }

    @Test
    void computesAndClosesCleanly() {
        List<Long> pids;
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(2)) {
            pids = pool.pids();
            assertEquals(2, pool.size());
            pool.ping();
            RangeWorkload w = CpuWorkloads.create("primes", 300_000);
            assertEquals(24_268, pool.compute(w, Chunking.of(2).split(w.units())));
            RangeWorkload shifted = new PrimeCount(1_000_000_000L, 3_000); // a non-default setting travels too
            assertEquals(shifted.computeAll(), pool.compute(shifted, Chunking.of(2).split(shifted.units())));
        }
        pids.forEach(pid -> assertFalse(alive(pid), "child " + pid + " still alive after close"));
    }

    @Test
    void aChildKilledMidRunFailsTheComputationAndNoChildSurvives() throws Exception {
        ProcessWorkerPool pool = ProcessWorkerPool.start(2);
        List<Long> pids = pool.pids();
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(
                () -> pool.compute(LONG_WORK, Chunking.of(2).split(LONG_WORK.units())));
        Thread.sleep(500);
        ProcessHandle.of(pids.get(0)).orElseThrow().destroyForcibly();
        var e = assertThrows(Exception.class, () -> run.get(60, TimeUnit.SECONDS));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("child JVM pid " + pids.get(0)), message);
        assertTrue(message.contains("exited with code"), message);
        assertTrue(message.contains("computing primes"), message);
        waitUntilDead(pids);
        var again = assertThrows(ProcessWorkerPool.ProcessPoolFailure.class,
                () -> pool.compute(LONG_WORK, List.of(new Chunking.Range(0, 1))));
        assertTrue(again.getMessage().contains("closed"), again.getMessage());
        pool.close(); // a second close is harmless
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aHungChildIsKilledWithinTheTimeoutAndNamed() throws Exception {
        ProcessWorkerPool pool = ProcessWorkerPool.start(2, Duration.ofSeconds(1));
        List<Long> pids = pool.pids();
        // Freeze one child: it stays alive but never answers, as a deadlocked or swapped-out child would.
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pids.get(1))).start();
        assertTrue(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0, "kill -STOP failed");
        long start = System.nanoTime();
        // Work the healthy child finishes in milliseconds, so that only the frozen one can miss the timeout, however
        // busy the machine is.
        RangeWorkload quick = new PrimeCount(2, 20_000);
        var e = assertThrows(ProcessWorkerPool.ProcessPoolFailure.class,
                () -> pool.compute(quick, Chunking.of(2).split(quick.units())));
        assertTrue(e.getMessage().contains("did not answer within the timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("pid " + pids.get(1)), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "the failure must come within a bound");
        waitUntilDead(pids);
    }

    @Test
    void aChildThatAnswersErrFailsWithItsMessage() {
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(1)) {
            RangeWorkload lying = new RangeWorkload() {
                @Override public String id() { return "nonsense"; }
                @Override public String spec() { return "nonsense/5"; }
                @Override public long size() { return 5; }
                @Override public long units() { return 5; }
                @Override public long computeRange(long from, long to) { return 0; }
            };
            var e = assertThrows(ProcessWorkerPool.ProcessPoolFailure.class,
                    () -> pool.compute(lying, List.of(new Chunking.Range(0, 5))));
            assertTrue(e.getMessage().contains("unknown CPU workload 'nonsense'"), e.getMessage());
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aWorkerExitsByItselfWhenItsParentIsKilled() throws Exception {
        // The worker's parent is a shell; the test keeps the worker's stdin open, so only the parent watch can end it.
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "\"$@\" & wait", "sh"));
        cmd.addAll(ChildJvms.workerCommand());
        Process shell = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            var out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("READY "), "worker said: " + ready);
            long workerPid = Long.parseLong(ready.substring(6).trim());
            assertTrue(alive(workerPid));
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
            waitUntilDead(List.of(workerPid));
        } finally {
            shell.destroyForcibly();
            shell.getOutputStream().close();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void waitUntilDead(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (long pid : pids) {
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(alive(pid), "child " + pid + " is still alive");
        }
    }
}
