package io.parbench.analyzer.report;

import java.util.List;

/** Short explanations fit for a course handout, shown at the end of every report that has speedups. */
final class Explanations {

    private Explanations() {
    }

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
            new String[] {"Reading the numbers",
                "'12.3 ± 0.4 ms/op' is the mean with JMH's 99.9% confidence interval. Speedups show their 95% interval "
                        + "in brackets. 'Within noise' means a statistical test (Welch's t-test with Holm's correction for "
                        + "comparing several strategies at once) could not tell the strategy from the winner, or that the two "
                        + "are less than 3% apart, too little to matter: more forks or iterations may separate them. A coefficient of variation of 10% or more marks a noisy "
                        + "benchmark; Tukey's fences mark outliers."});
}
