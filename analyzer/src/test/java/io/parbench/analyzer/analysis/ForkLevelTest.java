package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkLevelTest {

    private static final String BENCH = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";

    @TempDir
    Path tmp;

    /**
     * A simulated run as the quick profile makes them: {@code pairs} workloads, each a sequential baseline (100 ms) and
     * a strategy {@code truth} times faster, 3 forks of 6 iterations. Each benchmark's spread between forks is drawn
     * from a prior (forks about 4% apart, 4 degrees of freedom: some benchmarks steady, some not, as measured here);
     * inside a fork the iterations vary by 2%.
     */
    static String simulatedRun(Well19937c random, int pairs, double truth) {
        GammaDistribution priorChi = new GammaDistribution(random, 2, 2);
        SyntheticJmh s = new SyntheticJmh();
        for (int w = 0; w < pairs; w++) {
            for (String strategy : new String[] {"sequential", "pool"}) {
                double sigma = Math.sqrt(4 * 0.0016 / priorChi.sample());
                double mean = strategy.equals("sequential") ? 100 : 100 / truth;
                double[][] raw = new double[3][6];
                for (double[] fork : raw) {
                    double forkEffect = sigma * random.nextGaussian();
                    for (int i = 0; i < fork.length; i++) {
                        fork[i] = mean * Math.exp(forkEffect + 0.02 * random.nextGaussian());
                    }
                }
                s.entry(BENCH, "avgt", "ms/op", Map.of("strategy", strategy, "threads", strategy.equals("sequential")
                        ? "1" : "2", "size", "" + (1000 + w)), raw);
            }
        }
        return s.json();
    }

    /**
     * The speedup's 95% interval covers the true speedup close to 95% of the time with the moderated variance (3,000
     * simulated intervals, fixed seed: 92.9%; the test asks 90-98%; a little under 95% because the prior is estimated
     * from 60 benchmarks and the few with a far larger spread than the rest are pulled towards it), where a percentile
     * bootstrap over three forks cannot be wider than the forks' spread and covers less (80.2% here; asked: below 90%).
     */
    @Test
    void theModeratedIntervalCoversTheTruthWhereTheBootstrapOverThreeForksDoesNot() throws IOException {
        Well19937c random = new Well19937c(11L);
        double truth = 1.6;
        int moderatedHits = 0;
        int bootstrapHits = 0;
        int n = 0;
        for (int run = 0; run < 100; run++) {
            Path f = tmp.resolve("run" + run + ".json");
            Files.writeString(f, simulatedRun(random, 30, truth));
            Run r = new RunReader().read(f);
            Map<BenchmarkResult, BenchmarkStats> stats = new java.util.IdentityHashMap<>();
            r.results().forEach(x -> stats.put(x, BenchmarkStats.of(x)));
            ForkLevel level = ForkLevel.of(stats.values());
            assertTrue(level.available());
            ScalingAnalysis moderated = new ScalingAnalysis(new Bootstrap(Analysis.RESAMPLES, Bootstrap.SEED), level,
                    StrategyOrder.DEFAULT);
            ScalingAnalysis bootstrap = new ScalingAnalysis(new Bootstrap(Analysis.RESAMPLES, Bootstrap.SEED),
                    ForkLevel.NONE, StrategyOrder.DEFAULT);
            for (int w = 0; w < 30; w++) {
                BenchmarkStats base = find(stats, "sequential", w);
                BenchmarkStats pool = find(stats, "pool", w);
                moderatedHits += moderated.speedup(base, pool, false).contains(truth) ? 1 : 0;
                bootstrapHits += bootstrap.speedup(base, pool, false).contains(truth) ? 1 : 0;
                n++;
            }
        }
        double moderatedCoverage = (double) moderatedHits / n;
        double bootstrapCoverage = (double) bootstrapHits / n;
        assertTrue(moderatedCoverage >= 0.90 && moderatedCoverage <= 0.98, "moderated coverage " + moderatedCoverage);
        assertTrue(bootstrapCoverage < 0.90, "bootstrap coverage " + bootstrapCoverage);
    }

    private static BenchmarkStats find(Map<BenchmarkResult, BenchmarkStats> stats, String strategy, int w) {
        return stats.entrySet().stream().filter(e -> e.getKey().key().param("strategy").equals(strategy)
                && e.getKey().key().param("size").equals("" + (1000 + w))).findFirst().orElseThrow().getValue();
    }

    /**
     * A score's 95% interval over two forks is Student t(1) over their means on its own (12.7 times the standard
     * error): moderated with the run's prior it is t on the prior's degrees of freedom plus one, as the speedups'. In
     * a simulated run whose benchmarks differ between forks by a common 4%, a two-fork benchmark's interval narrows
     * and stays above the pooled iterations' one; a one-fork run keeps its own.
     */
    @Test
    void aScoreIntervalOverTwoForksIsModeratedByTheRunsOtherBenchmarks() throws IOException {
        Path f = tmp.resolve("moderated.json");
        String run = simulatedRun(new Well19937c(5L), 10, 1.6);
        // one more benchmark, two forks 8% apart
        double[][] two = {{100, 101, 99, 100, 101, 99}, {108, 109, 107, 108, 109, 107}};
        String extra = new SyntheticJmh().entry("org.example.Two.run", "avgt", "ms/op", Map.of(), two).json();
        Files.writeString(f, run.substring(0, run.lastIndexOf(']')) + "," + extra.substring(extra.indexOf('[') + 1));
        Run r = new RunReader().read(f);
        BenchmarkResult twoForks = r.results().get(r.results().size() - 1);
        BenchmarkStats alone = BenchmarkStats.of(twoForks);
        double tOne = new org.apache.commons.math3.distribution.TDistribution(1).inverseCumulativeProbability(0.975);
        assertEquals(tOne * 4, alone.ci95(), 1e-6, "alone: t(1) x the fork means' sd (100, 108: 5.657) / sqrt(2)");
        BenchmarkStats inRun = Analysis.of(r).stats().get(twoForks);
        assertTrue(inRun.ci95() < alone.ci95() / 2, inRun.ci95() + " against " + alone.ci95());
        double pooled = io.parbench.analyzer.stats.Summary.of(alone.steady()).halfWidth(0.95);
        assertTrue(inRun.ci95() > pooled, inRun.ci95() + " against the pooled " + pooled);
        assertEquals(alone.mean(), inRun.mean(), 1e-12, "the score does not move");
        BenchmarkStats oneFork = BenchmarkStats.of(new RunReader().read(writeOneFork()).results().get(0));
        assertTrue(oneFork.ci95() > 0 && oneFork == oneFork.moderated(new ForkLevel.LogMean(Math.log(10.5), 1e-4, 9)),
                "one fork: its own interval over its iterations stays");
    }

    /**
     * The same file, read twice, gives the same intervals to the last bit: the prior was fitted in an IdentityHashMap's
     * order, which differs between two reads, so the tables' raw doubles moved in their last digits.
     */
    @Test
    void theSameFileGivesTheSameIntervalsToTheLastBit() throws IOException {
        Path f = tmp.resolve("twice.json");
        Files.writeString(f, simulatedRun(new Well19937c(3L), 30, 1.6));
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (List<Double> out : List.of(first, second)) {
            Run r = new RunReader().read(f);
            Analysis a = Analysis.of(r);
            r.results().forEach(x -> out.add(a.stats().get(x).ci95()));
            a.groups().forEach(g -> g.curves().forEach(c -> c.points().forEach(p -> out.add(p.speedup().low()))));
        }
        assertEquals(first, second);
    }

    private Path writeOneFork() throws IOException {
        Path f = tmp.resolve("one.json");
        Files.writeString(f, new SyntheticJmh().entry("org.example.One.run", "avgt", "ms/op", Map.of(),
                new double[][] {{10, 11, 10, 11}}).json());
        return f;
    }

    /** One fork per benchmark: nothing sees between forks, so there is no prior and callers keep their bootstrap. */
    @Test
    void oneForkRunsHaveNoPrior() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        for (int w = 0; w < 5; w++) {
            s.entry(BENCH, "avgt", "ms/op", Map.of("strategy", "pool", "threads", "2", "size", "" + w),
                    new double[][] {{10, 11, 10.5, 10.2}});
        }
        Path f = tmp.resolve("one-fork.json");
        Files.writeString(f, s.json());
        List<BenchmarkStats> stats = new ArrayList<>();
        new RunReader().read(f).results().forEach(r -> stats.add(BenchmarkStats.of(r)));
        ForkLevel level = ForkLevel.of(stats);
        assertFalse(level.available());
        assertNull(level.logTime(stats.get(0)));
        assertNull(level.speedup(stats.get(0), stats.get(1)));
        assertTrue(Double.isNaN(level.p(stats.get(0), stats.get(1))));
    }

    /** Throughput is inverted: twice the operations per second is half the log time, and a speedup of 2. */
    @Test
    void throughputBenchmarksAreComparedAsTimes() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        double[][] slow = {{100, 101, 99}, {103, 104, 102}, {97, 98, 96}}; // forks 3% apart
        double[][] fast = {{200, 202, 198}, {197, 199, 195}, {203, 205, 201}};
        for (int w = 0; w < 3; w++) {
            s.entry(BENCH, "thrpt", "ops/s", Map.of("strategy", "sequential", "threads", "1", "size", "" + w), slow);
            s.entry(BENCH, "thrpt", "ops/s", Map.of("strategy", "pool", "threads", "2", "size", "" + w), fast);
        }
        Path f = tmp.resolve("thrpt.json");
        Files.writeString(f, s.json());
        List<BenchmarkStats> stats = new ArrayList<>();
        new RunReader().read(f).results().forEach(r -> stats.add(BenchmarkStats.of(r)));
        ForkLevel level = ForkLevel.of(stats);
        assertTrue(level.available());
        BenchmarkStats base = stats.get(0);
        BenchmarkStats pool = stats.get(1);
        assertEquals(-Math.log(100), level.logTime(base).value(), 1e-9);
        Bootstrap.Interval speedup = level.speedup(base, pool);
        assertNotNull(speedup);
        assertEquals(2.0, speedup.estimate(), 1e-9);
        assertTrue(speedup.low() < 2 && speedup.high() > 2 && speedup.high() < 2.3, speedup.toString());
        assertTrue(level.p(base, pool) < 1e-4, "a doubling with 1-2% noise is no tie");
        assertEquals(1.0, level.p(base, base), 1e-12);
    }
}
