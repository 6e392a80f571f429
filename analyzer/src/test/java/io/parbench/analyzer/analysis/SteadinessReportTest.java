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

    private Run run(String json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("results.json"), json);
        return new RunReader().read(dir);
    }

    @Test
    void anUnsettledForkIsFlaggedAndCarriesNoFinding() throws Exception {
        SyntheticJmh s = new SyntheticJmh();
        s.entry(PRIMES, "avgt", "ms/op", p("sequential", 1), new double[][] {flat(33, 12, 0.002), flat(33.2, 12, 0.002),
                flat(32.9, 12, 0.002)});
        // virtual at 2 threads: the fastest by far, but its third fork keeps getting slower to the end
        s.entry(PRIMES, "avgt", "ms/op", p("virtual", 2), new double[][] {flat(15, 12, 0.002), flat(15.1, 12, 0.002),
                drifting(15, 0.8, 12)});
        s.entry(PRIMES, "avgt", "ms/op", p("pool", 2), new double[][] {flat(17.5, 12, 0.002), flat(17.6, 12, 0.002),
                flat(17.4, 12, 0.002)});
        Analysis a = Analysis.of(run(s.json()));
        BenchmarkStats virtual = a.stats().values().stream().filter(x -> "virtual".equals(x.result().key().param("strategy")))
                .findFirst().orElseThrow();
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
