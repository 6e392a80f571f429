package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixPlannerTest {

    @Test
    void defaultSweepIsPowersOfTwoToTwiceTheLogicalCpusPlusTheCoreCounts() {
        assertEquals(List.of(1, 2, 4), MatrixPlanner.defaultThreads(2, 2));
        assertEquals(List.of(1, 2, 4, 8, 16), MatrixPlanner.defaultThreads(4, 8));
        assertEquals(List.of(1, 2, 4, 6, 8, 12, 16, 24), MatrixPlanner.defaultThreads(6, 12));
        assertEquals(List.of(1, 2), MatrixPlanner.defaultThreads(1, 1));
        assertEquals(List.of(2), MatrixPlanner.threadsFor(Profile.SMOKE, 8, 16));
    }

    @Test
    void sequentialRunsOncePerSizeAndTheOthersAtEveryThreadCount() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1, 2, 4), null, null, null, 2, 2);
        assertEquals(4 * (1 + 7 * 3), plan.size());
        List<PlannedBenchmark> sequential = plan.stream().filter(b -> b.strategy().equals("sequential")).toList();
        assertEquals(4, sequential.size());
        assertTrue(sequential.stream().allMatch(b -> b.threads() == 1));
        PlannedBenchmark first = plan.get(0);
        assertEquals("io.parbench.bench.suite.cpu.PrimesBenchmark.run", first.entry().benchmarkName());
        assertEquals(300_000, first.size());
        assertEquals("{strategy=sequential, threads=1, size=300000}", first.params().toString());
    }

    @Test
    void processColdSitsOutTheLastOfThreeRoundsOrMore() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1, 2, 4), null, null,
                null, 2, 2);
        PlannedBenchmark cold = plan.stream().filter(b -> b.strategy().equals("process-cold")).findFirst()
                .orElseThrow();
        PlannedBenchmark pool = plan.stream().filter(b -> b.strategy().equals("pool")).findFirst().orElseThrow();
        assertEquals(List.of(1, 2, 2, 4, 9), List.of(1, 2, 3, 5, 10).stream().map(cold::forks).toList());
        assertEquals(List.of(1, 2, 3, 5, 10), List.of(1, 2, 3, 5, 10).stream().map(pool::forks).toList());
        assertEquals(List.of(true, true, false), List.of(1, 2, 3).stream().map(r -> cold.runsIn(r, 3)).toList());
        assertTrue(pool.runsIn(3, 3));
        // the default run: 88 benchmarks, 3 rounds; the 12 process-cold benchmarks 2 forks each
        assertEquals(88 * 3 - 12, plan.stream().mapToInt(b -> b.forks(3)).sum());
        JmhSettings quick = JmhSettings.of(Profile.QUICK, List.of());
        double perFork = quick.estimatedSecondsPerBenchmark() / 3;
        assertEquals((88 * 3 - 12) * perFork, quick.estimatedSeconds(plan, Profile.QUICK), 1e-6);
    }

    @Test
    void includeStrategiesAndSizesNarrowThePlan() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("cpu"), Profile.FULL, List.of(2),
                "primes=1k,primes=2k,500", List.of("pool", "sequential"), "Primes|Collatz", 2, 2);
        assertEquals(List.of("PrimesBenchmark strategy=sequential threads=1 size=1000",
                "PrimesBenchmark strategy=pool threads=2 size=1000",
                "PrimesBenchmark strategy=sequential threads=1 size=2000",
                "PrimesBenchmark strategy=pool threads=2 size=2000",
                "CollatzBenchmark strategy=sequential threads=1 size=500",
                "CollatzBenchmark strategy=pool threads=2 size=500"),
                plan.stream().map(PlannedBenchmark::label).toList());
    }

    @Test
    void theIoSuiteSweepsConcurrencyFarPastTheCoresWithItsOwnStrategies() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("io"), Profile.QUICK, null, null, null, null, 2, 2);
        // latency, file, http: sequential + 6 strategies x 5 points; hybrid: sequential + 3 x 5
        assertEquals(3 * (1 + 6 * 5) + (1 + 3 * 5), plan.size());
        assertEquals(List.of(1, 4, 32, 256, 1024), plan.stream().filter(b -> b.strategy().equals("async"))
                .map(PlannedBenchmark::threads).distinct().toList());
        assertTrue(plan.stream().anyMatch(b -> b.strategy().equals("virtual-forkjoin")));
        assertEquals(1024, plan.get(0).size());
        // both suites at once: each keeps its own sweep unless --threads says otherwise
        List<PlannedBenchmark> both = MatrixPlanner.plan(List.of("cpu", "io"), Profile.QUICK, null, null,
                List.of("pool"), null, 2, 2);
        assertEquals(List.of(1, 2, 4), both.stream().filter(b -> b.entry().suite().equals("cpu"))
                .map(PlannedBenchmark::threads).distinct().toList());
        assertEquals(List.of(1, 4, 32, 256, 1024), both.stream().filter(b -> b.entry().suite().equals("io"))
                .map(PlannedBenchmark::threads).distinct().toList());
        String bad = assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("io"), Profile.QUICK, null, null,
                List.of("stream"), null, 2, 2)).getMessage();
        assertEquals("unknown strategy 'stream' for suite(s) io; valid strategies: sequential, platform, pool, virtual, "
                + "forkjoin, forkjoin-managed, async, virtual-forkjoin", bad);
    }

    @Test
    void theSyncSuiteSweepsContendersForContentionBenchmarksAndRunsTheOthersOnce() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("sync"), Profile.QUICK, null, null, null, null, 2, 2);
        List<PlannedBenchmark> counter = plan.stream().filter(b -> b.entry().workload().equals("counter")).toList();
        assertEquals(List.of(1, 2, 4), counter.stream().map(PlannedBenchmark::jmhThreads).toList());
        assertTrue(counter.stream().allMatch(b -> b.params().isEmpty() && b.strategy() == null));
        assertEquals(1, plan.stream().filter(b -> b.entry().workload().equals("queue")).count());
        assertEquals("CounterContention contenders=4", counter.get(2).label());
        assertEquals(7 * 3 * 1, SuiteCatalog.suite("sync").get(7).variants(), "queues x groups");
        assertEquals(8, SuiteCatalog.suite("sync").get(0).variants(), "one benchmark x 7 primitives and the baseline");
        // --strategies chooses among strategy suites: contention benchmarks have none
        assertTrue(assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("sync"), Profile.QUICK, null, null,
                List.of("pool"), null, 2, 2)).getMessage().startsWith("unknown strategy 'pool' for suite(s) sync"));
    }

    @Test
    void thePythonSuiteSweepsCoresForCpuWorkThreeConcurrenciesForIoAndRunsCostsOnce() {
        List<PlannedBenchmark> plan = MatrixPlanner.plan(List.of("python"), Profile.QUICK, null, null, null, null, 2, 2);
        java.util.function.BiFunction<String, String, List<Integer>> threads = (w, s) -> plan.stream()
                .filter(b -> b.entry().workload().equals(w) && b.strategy().equals(s)).map(PlannedBenchmark::threads).toList();
        assertEquals(List.of(1, 2), threads.apply("primes", "process-spawn"), "no point past the cores");
        assertEquals(List.of(1), threads.apply("primes", "sequential"));
        assertEquals(List.of(1, 16, 256), threads.apply("http", "asyncio"));
        assertEquals(List.of(1, 2), threads.apply("counter", "unlocked"));
        assertEquals(List.of(1), threads.apply("start", "spawn"));
        assertEquals(List.of(1), threads.apply("pickle", "process-fork"));
        assertTrue(plan.stream().allMatch(b -> b.entry().isPython() && b.entry().benchmarkName().equals("python."
                + b.entry().workload())));
        assertEquals("python.primes strategy=threadpool threads=2 size=300000",
                plan.stream().filter(b -> b.entry().workload().equals("primes") && b.strategy().equals("threadpool")
                        && b.threads() == 2).findFirst().orElseThrow().label());
        // --threads replaces the sweeps, not the once-only costs
        List<PlannedBenchmark> narrow = MatrixPlanner.plan(List.of("python"), Profile.QUICK, List.of(1, 2), null, null,
                "start|http", 2, 2);
        assertEquals(5 + 1 + 3 * 2, narrow.size());
        assertEquals("-p latencyMs=soon is not a whole number >= 0 (the python suite's latencyMs)", assertThrows(
                UsageException.class, () -> PythonSetup.checkParams(JmhSettings.of(Profile.QUICK, List.of("-p",
                        "latencyMs=soon"))), "").getMessage());
        PythonSetup.checkParams(JmhSettings.of(Profile.QUICK, List.of("-p", "latencyMs=5", "-p", "width=200")));
        assertEquals("-p latencyMs=1,5 gives the python suite 2 values, and its benchmarks take one: run once per "
                + "value", assertThrows(UsageException.class, () -> PythonSetup.checkParams(
                        JmhSettings.of(Profile.QUICK, List.of("-p", "latencyMs=1,5")))).getMessage());
        assertEquals("--threads 1,000 is too many for mp-pool (at most 64 child processes); leave it out with --strategies, "
                + "or lower --threads", assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("python"),
                Profile.QUICK, List.of(1000), null, null, "primes", 2, 2)).getMessage());
    }

    @Test
    void fullProfileHasTwoSizesPerWorkload() {
        assertEquals(List.of(300_000L, 1_000_000L), SuiteCatalog.suite("cpu").get(0).sizes(Profile.FULL));
    }

    @Test
    void sizesTakeSuffixesAndSeparators() {
        assertEquals(50_000_000, MatrixPlanner.parseSize("50M"));
        assertEquals(300_000, MatrixPlanner.parseSize("300_000"));
        assertEquals(2_000, MatrixPlanner.parseSize(" 2k "));
        assertEquals(0, MatrixPlanner.parseSize("0"));
    }

    @Test
    void badChoicesGetOneSentenceListingTheValidValues() {
        assertEquals("unknown suite 'gpu'; valid suites: cpu, io, python, sync",
                assertThrows(UsageException.class, () -> SuiteCatalog.suite("gpu")).getMessage());
        assertEquals("unknown profile 'fast'; valid profiles: smoke, quick, full",
                assertThrows(UsageException.class, () -> Profile.parse("fast")).getMessage());
        String strategy = assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK,
                List.of(1), null, List.of("gpu"), null, 2, 2)).getMessage();
        assertEquals("unknown strategy 'gpu' for suite(s) cpu; valid strategies: sequential, platform, pool, virtual, "
                + "forkjoin, stream, process, process-cold", strategy);
        assertTrue(assertThrows(UsageException.class, () -> MatrixPlanner.parseThreads("1,zero")).getMessage()
                .startsWith("thread count 'zero' is not a whole number >= 1"));
        assertThrows(UsageException.class, () -> MatrixPlanner.parseThreads("0"));
        assertTrue(assertThrows(UsageException.class, () -> MatrixPlanner.parseSize("-5")).getMessage()
                .startsWith("size '-5' is not a whole number >= 0"));
        assertTrue(assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK,
                List.of(1), null, null, "(", 2, 2)).getMessage().startsWith("--include '(' is not a valid regular expression"));
        assertTrue(assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK,
                List.of(1), null, null, "NoSuchBenchmark", 2, 2)).getMessage().startsWith("nothing to run"));
    }

    @Test
    void includeMatchesWorkloadIdsIgnoringCase() {
        List<PlannedBenchmark> lower = MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1), null, null, "primes", 2, 2);
        List<PlannedBenchmark> upper = MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1), null, null, "PRIMES", 2, 2);
        assertEquals(8, lower.size(), "sequential + 7 strategies at one thread count");
        assertEquals(lower, upper);
        lower.forEach(b -> assertEquals("primes", b.entry().workload()));
        assertEquals(16, MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1), null, null, "sumsq|Matmul", 2, 2).size());
    }

    @Test
    void sizesForAnUnknownWorkloadAreRefused() {
        String message = assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK,
                List.of(1), "bogus=1", null, null, 2, 2)).getMessage();
        assertEquals("--sizes names the workload 'bogus', which suite(s) cpu do not have; workloads: collatz, matmul, "
                + "primes, sumsq", message);
        assertEquals(8, MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(1), "primes=1k", null, "primes", 2, 2).size());
    }

    @Test
    void threadCountsAreBoundedPerStrategy() {
        String process = assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK,
                List.of(100_000), null, List.of("process"), null, 2, 2)).getMessage();
        assertEquals("--threads 100,000 is too many for process (at most 64 child JVMs); leave it out with --strategies, "
                + "or lower --threads", process);
        assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(100_000),
                null, null, null, 2, 2), "every strategy is planned, process among them");
        assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("cpu"), Profile.QUICK, List.of(5_000),
                null, List.of("platform"), null, 2, 2));
        assertEquals(8, MatrixPlanner.plan(List.of("cpu", "io"), Profile.QUICK, List.of(100_000), null,
                List.of("virtual"), null, 2, 2).size(), "thousands of virtual threads are fine (4 cpu + 4 io workloads)");
        assertThrows(UsageException.class, () -> MatrixPlanner.plan(List.of("sync"), Profile.QUICK, List.of(10_000),
                null, null, "counter", 2, 2), "JMH contenders are platform threads");
    }

    @Test
    void precisionAndMaxTimeAreParsedOrRefusedInOneSentence() {
        assertEquals(0.02, RunCommand.parsePrecision("2%"), 1e-12);
        assertEquals(0.005, RunCommand.parsePrecision("0.5"), 1e-12);
        assertEquals("--precision '200%' is not a percentage between 0 and 100 (example: --precision 2%)",
                assertThrows(UsageException.class, () -> RunCommand.parsePrecision("200%")).getMessage());
        assertThrows(UsageException.class, () -> RunCommand.parsePrecision("x"));
        assertEquals(java.time.Duration.ofMinutes(30), RunCommand.parseDuration("30m"));
        assertEquals(java.time.Duration.ofSeconds(90), RunCommand.parseDuration("90s"));
        assertEquals(java.time.Duration.ofHours(2), RunCommand.parseDuration("2h"));
        assertEquals("--max-time 'soon' is not a duration (examples: 90s, 30m, 2h)",
                assertThrows(UsageException.class, () -> RunCommand.parseDuration("soon")).getMessage());
    }
}
