package io.parbench.analyzer.report;

import java.util.List;

/** Short explanations fit for a course handout, shown at the end of every report that has speedups. */
final class Explanations {

    private Explanations() {
    }

    /**
     * What each of parbench's sync-suite benchmarks measures and teaches, by class name: shown above its results
     * (the benchmark's source opens with the same trap and lesson).
     */
    static final java.util.Map<String, String> BENCHMARKS = java.util.Map.ofEntries(
            java.util.Map.entry("CounterContention", "One shared counter incremented by every JMH thread. 'racy' is "
                    + "count++ on a volatile field: fast and wrong, its lost updates are the secondary metrics lostUpdates "
                    + "and lostPercent. The others are correct; under contention locks serialise the threads, AtomicLong "
                    + "makes every increment a locked read-modify-write of one cache line, and LongAdder spreads the count "
                    + "over cells, so it keeps scaling. 'baseline' increments nothing shared: the measuring loop's own "
                    + "cost, the ceiling no primitive can pass."),
            java.util.Map.entry("ReadWriteContention", "Reads and writes of a pair that must stay consistent. A "
                    + "ReentrantReadWriteLock's read lock still writes a shared reader count, so readers contend; a "
                    + "StampedLock's optimistic read writes nothing and retries only when a writer got in. 'baseline' "
                    + "draws the same mix and touches nothing shared."),
            java.util.Map.entry("Reentrancy", "Re-acquiring a lock the thread already holds, by depth: cheap, not free. "
                    + "'baseline' makes the same nested calls without a lock."),
            java.util.Map.entry("SemaphoreLimit", "A Semaphore(n) bounding 64 tasks of 1 ms: peakInFlight shows the limit "
                    + "held exactly, and the time follows 64 / n waits."),
            java.util.Map.entry("BarrierRoundTrip", "One meeting of all parties at a CyclicBarrier, a Phaser or a fresh "
                    + "CountDownLatch: each meeting wakes every party, and costs more once parties exceed the cores."),
            java.util.Map.entry("HandOffLatency", "Two threads passing a number back and forth: the time of one round trip "
                    + "by mechanism, on platform threads (a kernel wake-up per hand-off) and on virtual threads (a "
                    + "continuation scheduled, often on the same carrier)."),
            java.util.Map.entry("TimerLateness", "How late a 1 ms wait wakes up, timed one wait at a time: a timer promises "
                    + "'not before', and the tail (p99) is where periodic work drifts."),
            java.util.Map.entry("QueueThroughput", "Items per microsecond through each queue with 1 producer and 1 "
                    + "consumer (p1c1), 2:1 and 1:2; the put and take rates are listed as secondary metrics. A "
                    + "SynchronousQueue stores nothing, so every item is a hand-off between two threads."),
            java.util.Map.entry("CreationCost", "What it costs to get something running, on a log scale: a virtual thread, "
                    + "a platform thread, a pool task, a child JVM (without class-data sharing, with the JDK's archive, "
                    + "with an archive of the application), and a round trip to a child already running."),
            java.util.Map.entry("IpcRoundTrip", "A message to a child JVM and its echo, every byte checked: pipes and "
                    + "sockets go through the kernel and wake the other process; shared memory does neither."),
            java.util.Map.entry("EarlyTermination", "Finding the one match: scanning everything, stopping at it, and "
                    + "parallel searches that stop the other workers (a shared flag, invokeAny, a short-circuiting "
                    + "stream). percentExamined is the share of the array looked at: the work saved is the rest. A "
                    + "parallel stream's findAny splits the array everywhere at once, so it examines far more."));

    static final List<String[]> TOPICS = List.of(
            new String[] {"Speedup",
                "Speedup S(n) is the sequential time divided by the time with n threads: 2x means twice as fast. "
                        + "parbench divides the mean of the sequential samples by the mean of the parallel ones, and gets "
                        + "its 95% interval by resampling both sets of raw samples (a bootstrap with a fixed seed, so the "
                        + "same input always gives the same report)."},
            new String[] {"Efficiency",
                "Efficiency is speedup divided by threads: how much of each added thread turned into speed. 100% is "
                        + "perfect; it falls as threads wait on each other, on memory, or on cores that are not there."},
            new String[] {"Amdahl's law",
                "If a fraction f of the work cannot run in parallel, n threads give at most S(n) = 1 / (f + (1 - f) / n), "
                        + "and no number of threads beats 1 / f: with 5% serial work, 20x is the ceiling. parbench fits f "
                        + "over the thread counts up to the physical cores, where the law's assumptions hold best. The "
                        + "Karp-Flatt metric computes the same f at each thread count: if it grows with n, the overhead "
                        + "of parallelism grows too (Amdahl 1967; Karp and Flatt 1990)."},
            new String[] {"Gustafson's law",
                "When the problem grows with the threads (weak scaling), the question changes from 'how much faster' to "
                        + "'how much more work in the same time': the scaled speedup is n - s (n - 1) for serial fraction s "
                        + "(Gustafson 1988). parbench applies it when the size grows in step with the threads."},
            new String[] {"The Universal Scalability Law",
                "Gunther's USL adds a second cost to Amdahl's: X(n) = lambda n / (1 + sigma (n - 1) + kappa n (n - 1)). "
                        + "sigma is contention (waiting for a shared resource), kappa is coherency (keeping copies in "
                        + "step, such as cache lines bouncing between cores). With kappa > 0 throughput peaks at "
                        + "sqrt((1 - sigma) / kappa) threads and then falls. It needs four or more thread counts."},
            new String[] {"Why virtual threads do not speed up CPU-bound work",
                "A virtual thread is cheap to create and cheap to park while it waits, but it runs on a small pool of "
                        + "carrier threads, one per core by default. Work that never waits keeps its carrier busy, so "
                        + "virtual threads can only ever use the cores there are: for computing they match a good thread "
                        + "pool at best. They win when tasks wait (I/O, sleeps, locks), because a waiting virtual thread "
                        + "frees its carrier."},
            new String[] {"What a child process costs",
                "A child JVM has its own heap, its own garbage collector and its own JIT compiler, which starts cold. "
                        + "Starting one takes tens to hundreds of milliseconds (process-cold pays that in every operation); "
                        + "a warm pool (process) pays it once, then a pipe round trip per chunk. Processes isolate "
                        + "failures and sidestep a shared heap, but for short tasks the overhead dominates."},
            new String[] {"Throughput, concurrency and the limit (I/O)",
                "When tasks wait, throughput is concurrency divided by the wait (Little's law: L = lambda W). With c tasks "
                        + "in flight, each waiting L ms, no strategy can complete more than c / L tasks per millisecond: "
                        + "the dashed line of the I/O charts. A strategy stays on it as long as holding a waiting task is "
                        + "cheap; it bends away where each task's own CPU cost (creating a thread, scheduling it, system "
                        + "calls, a server on the same cores) times the tasks per second uses up the cores. A platform "
                        + "thread per waiting task costs a kernel thread and its stack; a virtual thread or a pending "
                        + "future costs a small object, which is why they reach far higher concurrency."},
            new String[] {"Reading the numbers",
                "'12.3 ± 0.4 ms/op' is the mean with JMH's 99.9% confidence interval. Speedups show their 95% interval "
                        + "in brackets. 'Within noise' means a statistical test (Welch's t-test with Holm's correction for "
                        + "comparing several strategies at once) could not tell the strategy from the winner, or that the two "
                        + "are less than " + Math.round(io.parbench.analyzer.analysis.ScalingAnalysis.NOISE_THRESHOLD * 100)
                        + "% apart, too little to matter: more forks or iterations may separate them. A coefficient of "
                        + "variation of " + Math.round(io.parbench.analyzer.analysis.BenchmarkStats.NOISY_CV * 100)
                        + "% or more marks a noisy benchmark; Tukey's fences mark outliers."});
}
