package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.report.ReportWriter;
import io.parbench.analyzer.stats.Significance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's wording on a run with an unsettled fork, and on a superlinear point (issue: numbers that survive). */
class SteadinessReportTest {

    private static final String PRIMES = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";

    @TempDir
    Path tmp;

    /** A settled sequential baseline: three flat forks near 33 ms/op. */
    private static void steadyBaseline(SyntheticJmh s) {
        s.entry(PRIMES, "avgt", "ms/op", p("sequential", 1), new double[][] {flat(33, 12, 0.002), flat(33.2, 12, 0.002),
                flat(32.9, 12, 0.002)});
    }

    private static double[] flat(double mean, int n, double wiggle) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean * (1 + wiggle * ((i % 3) - 1));
        }
        return v;
    }

    private static double[] drifting(double from, double step, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + step * i;
        }
        return v;
    }

    private static Map<String, String> p(String strategy, int threads) {
        return Map.of("strategy", strategy, "threads", Integer.toString(threads), "size", "300000");
    }

    /** The stats of the run's one benchmark of {@code strategy}. */
    private static BenchmarkStats statsOf(Analysis a, String strategy) {
        return a.stats().values().stream().filter(x -> strategy.equals(x.result().key().param("strategy"))).findFirst()
                .orElseThrow();
    }

    private Run run(String json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("results.json"), json);
        return new RunReader().read(dir);
    }

    @Test
    void anUnsettledForkIsFlaggedAndCarriesNoFinding() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        steadyBaseline(s);
        // virtual at 2 threads: the fastest by far, but its third fork keeps getting slower to the end
        s.entry(PRIMES, "avgt", "ms/op", p("virtual", 2), new double[][] {flat(15, 12, 0.002), flat(15.1, 12, 0.002),
                drifting(15, 0.8, 12)});
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(17.5, 12, 0.002), flat(17.6, 12, 0.002),
                flat(17.4, 12, 0.002)});
        Analysis a = Analysis.of(run(s.json()));
        BenchmarkStats virtual = statsOf(a, "virtual");
        assertTrue(virtual.unsettled(), virtual.steadyNote());
        assertEquals("3 forks: 2 flat, 1 no steady state", virtual.steadyNote());
        String findings = String.join("\n", a.findings().stream().map(Finding::sentence).toList());
        assertTrue(findings.contains("At 2 threads, pool wins"), findings);
        assertTrue(findings.contains("virtual reached no steady state here and is not ranked"), findings);
        assertTrue(findings.contains("did not reach a steady state (3 forks: 2 flat, 1 no steady state): it is left out"),
                findings);
        assertFalse(findings.contains("with virtual"), "no speedup claim rests on virtual: " + findings);
        assertTrue(a.recommendations().isEmpty() || a.recommendations().stream()
                .noneMatch(r -> r.use().contains("virtual")), a.recommendations().toString());

        Path out = tmp.resolve("report");
        new ReportWriter().write(a, out, "unsettled");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Steady state and precision"), md);
        assertTrue(md.contains("1 benchmark did not settle and carries no finding."), md);
        assertTrue(md.contains("3 forks: 2 flat, 1 no steady state (unsettled)"), md);
    }

    /**
     * A benchmark unsettled only by forks still getting faster at their end is said to need a longer warm-up, with
     * what to pass; one whose fork got slower (the test above) gets no such advice.
     */
    @Test
    void aForkStillWarmingUpAtItsEndIsSaidToNeedMoreWarmUp() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        steadyBaseline(s);
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(17.5, 12, 0.002), drifting(22, -0.4, 12),
                flat(17.4, 12, 0.002)});
        s.entry(PRIMES, "avgt", "ms/op", p("virtual", 2), new double[][] {flat(15, 12, 0.002), flat(15.1, 12, 0.002),
                drifting(15, 0.8, 12)});
        Analysis a = Analysis.of(run(s.json()));
        BenchmarkStats pool = statsOf(a, "pool");
        assertTrue(pool.warmupTooShort(), pool.steadyNote());
        assertEquals("3 forks: 2 flat, 1 no steady state (still getting faster at its end)", pool.steadyNote());
        BenchmarkStats virtual = statsOf(a, "virtual");
        assertFalse(virtual.warmupTooShort(), virtual.steadyNote());
        Path out = tmp.resolve("report");
        new ReportWriter().write(a, out, "warming");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("2 benchmarks did not reach a steady state"), md);
        assertTrue(md.contains("One of them was still getting faster at its last iteration: its warm-up was longer "
                + "than the run's"), md);
        assertTrue(md.contains("more warm-up time lets such forks settle (JMH's -w and -wi; with parbench, say: "
                + "scripts/parbench run ... -- -wi 3 -w 1s)."), md);
    }

    /**
     * The plan of forks x iterations uses what the launcher timed (iterations.json's seconds and measuredSeconds per
     * fork: each benchmark's median fork cost beyond its measured iterations, and its median iteration), not an assumed
     * cost; a fork without times is left out of the medians, and a folder without them or an iteration length says
     * there is nothing to plan with.
     */
    @Test
    void theForksTheLauncherTimedGiveTheCostOfAForkAndOfAnIteration() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        double[][] sequential = {flat(33, 12, 0.01), flat(34, 12, 0.01), flat(32, 12, 0.01), flat(33.5, 12, 0.01)};
        s.entry(PRIMES, "avgt", "ms/op", p("sequential", 1), sequential);
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(17, 12, 0.01), flat(17.5, 12, 0.01),
                flat(16.6, 12, 0.01)});
        Run untimed = run(s.json());
        assertTrue(untimed.iterations().costOf(untimed.results().get(0).key()).isEmpty());
        Path out0 = tmp.resolve("untimed-report");
        new ReportWriter().write(Analysis.of(untimed), out0, "untimed");
        // no environment.json either: no iteration length (the golden smoke-run report shows the assumed fork cost)
        assertTrue(Files.readString(out0.resolve("report.md")).contains("(none here: the file records neither what a "
                + "fork cost nor how long an iteration was)"));

        // sequential: fork costs 2.5 - 1.2, 2.9 - 1.2, 9.0 - 1.2 s (median 1.7), iterations 0.1 s; one fork untimed.
        // pool: no fork timed.
        Files.writeString(tmp.resolve("run").resolve("iterations.json"), """
                {"schemaVersion": 1, "benchmarks": [
                 {"benchmark": "%1$s", "mode": "avgt", "threads": 1,
                  "params": {"size": "300000", "strategy": "sequential", "threads": "1"},
                  "forks": [%2$s, %3$s, %4$s, %5$s]},
                 {"benchmark": "%1$s", "mode": "avgt", "threads": 1,
                  "params": {"size": "300000", "strategy": "pool", "threads": "2"},
                  "forks": [%5$s, %5$s, %5$s]}]}
                """.formatted(PRIMES, timedFork(2.5), timedFork(2.9), timedFork(9.0), timedFork(-1)));
        Run run = new RunReader().read(tmp.resolve("run"));
        var seq = run.results().stream().filter(r -> "sequential".equals(r.key().param("strategy"))).findFirst()
                .orElseThrow();
        var pool = run.results().stream().filter(r -> "pool".equals(r.key().param("strategy"))).findFirst()
                .orElseThrow();
        var cost = run.iterations().costOf(seq.key()).orElseThrow();
        assertEquals(1.7, cost.forkSeconds(), 1e-9);
        assertEquals(0.1, cost.iterationSeconds(), 1e-9);
        assertEquals(3, cost.forks(), "the untimed fork is left out");
        assertTrue(run.iterations().costOf(pool.key()).isEmpty());

        Analysis a = Analysis.of(run);
        Path out = tmp.resolve("timed-report");
        new ReportWriter().write(a, out, "timed");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("as the launcher timed its forks (median over the benchmarks 1.70 s and 0.100 s); "
                + "for the 1 whose forks were not timed, none (no iteration length recorded)"), md);
        long optimal = Math.round(Math.max(1, Math.ceil(a.stats().get(seq).levels().optimalIterations(1.7, 0.1))));
        String row = md.lines().filter(l -> l.startsWith("|") && l.contains("sequential") && l.contains("forks:"))
                .findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(row.contains("| " + optimal + " |"), "optimal iterations for 1.7 s a fork, 0.1 s an iteration ("
                + optimal + "): " + row);
        assertFalse(md.contains("assumed: the forks were not timed"), md);
    }

    /** A fork of iterations.json: 12 measured iterations of 0.1 s in a fork of {@code seconds} (untimed if < 0). */
    private static String timedFork(double seconds) {
        String measurement = "[" + String.join(",", java.util.Collections.nCopies(12, "33.0")) + "]";
        return "{\"round\": 1, \"warmup\": [40.0, 34.0], \"measurement\": " + measurement
                + (seconds < 0 ? "" : ", \"seconds\": " + seconds + ", \"measuredSeconds\": 1.2") + "}";
    }

    @Test
    void aSpeedupAboveTheCoresIsNamedSuperlinearWithItsLikelyCause() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        // one slow baseline fork (a neighbour's burst for a whole JVM): sequential's forks differ by 20%
        s.entry(PRIMES, "avgt", "ms/op", p("sequential", 1), new double[][] {flat(40, 12, 0.002), flat(33, 12, 0.002),
                flat(33.1, 12, 0.002)});
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(16, 12, 0.002), flat(16.1, 12, 0.002),
                flat(15.9, 12, 0.002)});
        Analysis a = Analysis.of(run(s.json()));
        String best = a.findings().stream().filter(f -> f.kind().equals("best-speedup")).findFirst().orElseThrow().sentence();
        assertTrue(best.contains("That is superlinear: more than 2, the processors it ran on."), best);
        assertTrue(best.contains("The sequential baseline's 3 forks differ by 21%"), best);
        assertTrue(best.contains("a slow baseline fork inflates every speedup"), best);
    }

    @Test
    void withOneForkTheReportSaysTheIntervalCannotSeeBetweenForkVariance() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        s.entry(PRIMES, "avgt", "ms/op", p("sequential", 1), new double[][] {flat(33, 10, 0.002)});
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(17, 10, 0.002)});
        Analysis a = Analysis.of(run(s.json()));
        Path out = tmp.resolve("report1");
        new ReportWriter().write(a, out, "one fork");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("One fork per benchmark: every interval here is computed from one JVM's iterations and "
                + "cannot see how much one JVM differs from the next"), md);
        assertTrue(a.stats().values().stream().allMatch(BenchmarkStats::oneFork));
    }

    /**
     * Outliers are counted within each fork: five steady forks of 20 iterations, one of them 1.5% above the rest (as
     * in a real JMH 1.37 file of five forks), have none, though pooled they would have 20; an iteration 20% off
     * inside a fork is still one.
     */
    @Test
    void aForkAtAnotherLevelIsNoOutlierButAStrayIterationIs() {
        int forks = 5;
        int n = 20;
        double[] v = new double[forks * n];
        long[] w = new long[forks * n];
        int[] f = new int[forks * n];
        for (int k = 0; k < forks; k++) {
            double[] fork = flat(k == 0 ? 72.8 : 71.7, n, 0.002);
            for (int i = 0; i < n; i++) {
                v[k * n + i] = fork[i];
                w[k * n + i] = 1;
                f[k * n + i] = k;
            }
        }
        Samples pooled = new Samples(v, w, f);
        assertEquals(n, Significance.tukeyOutliers(pooled), "the pooled count, for contrast");
        assertEquals(0, BenchmarkStats.outliers(pooled.byFork()));
        v[3 * n + 7] *= 1.2;
        assertEquals(1, BenchmarkStats.outliers(new Samples(v, w, f).byFork()));
    }
}
