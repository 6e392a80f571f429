package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.stats.ScalingLaws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingAnalysisTest {

    private static final String BENCH = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";

    @TempDir
    Path tmp;

    /** Sequential 100 ms; "good" follows Amdahl with f = 0.05; "bad" never speeds up; 2 physical cores x 4 = 8. */
    private Run syntheticRun(double noise) throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.avgt(BENCH, Map.of("strategy", "sequential", "threads", "1", "size", "1000"), 100, noise);
        for (int t : new int[] {1, 2, 4, 8}) {
            s.avgt(BENCH, Map.of("strategy", "forkjoin", "threads", "" + t, "size", "1000"),
                    100 / ScalingLaws.amdahl(0.05, t), noise);
            s.avgt(BENCH, Map.of("strategy", "process-cold", "threads", "" + t, "size", "1000"), 400, noise);
        }
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(Map.of(
                "schemaVersion", 1, "machine", Map.of("cpu", Map.of("physicalCores", 8, "logicalCpus", 16, "numaNodes", 1)))));
        return new RunReader().read(dir);
    }

    @Test
    void speedupsFitsAndRankingsComeOutOfCleanData() throws IOException {
        Analysis a = Analysis.of(syntheticRun(0.0005));
        assertEquals(1, a.groups().size());
        ScalingGroup g = a.groups().get(0);
        assertEquals("cpu", g.suite());
        assertFalse(g.weak());
        assertEquals("PrimesBenchmark.run size=1000", g.title());
        ScalingGroup.Curve fj = g.curves().get(0);
        assertEquals("forkjoin", fj.strategy(), "contract order: forkjoin before process-cold");
        ScalingGroup.Point at8 = fj.points().get(3);
        assertEquals(ScalingLaws.amdahl(0.05, 8), at8.speedup().estimate(), 0.02);
        assertTrue(at8.speedup().contains(ScalingLaws.amdahl(0.05, 8)), at8.speedup().toString());
        assertEquals(at8.speedup().estimate() / 8, at8.efficiency(), 1e-12);
        assertEquals(0.05, at8.karpFlatt(), 0.005);
        // Amdahl's fit over the 8 physical cores finds the serial fraction put in (tolerance: the 0.05% noise).
        assertEquals(0.05, fj.amdahl().serialFraction(), 0.003);
        assertEquals(8, fj.amdahl().upTo());
        assertNotNull(fj.usl(), "four thread counts: the USL can be fitted");
        ScalingGroup.Ranking at4 = g.rankings().get(2);
        assertEquals(4, at4.threads());
        assertEquals("forkjoin", at4.best().strategy());
        assertEquals(ScalingGroup.Ranking.Verdict.SLOWER, at4.entries().get(1).verdict(), "sequential is 3.5x slower, well beyond noise");
        assertTrue(a.findings().stream().anyMatch(f -> f.sentence().startsWith("At 4 threads, forkjoin wins")),
                a.findings().toString());
        assertTrue(a.findings().stream().anyMatch(f -> f.kind().equals("fit")
                && f.sentence().contains("serial fraction of 5.0%")), a.findings().toString());
        assertEquals(1, a.recommendations().size());
        assertEquals("forkjoin", a.recommendations().get(0).use().get(0));
        assertEquals("process-cold", a.recommendations().get(0).avoid().get(0));
        assertTrue(a.plain().isEmpty());
    }

    /**
     * The serial fraction's 95% interval (joint bootstrap of the baseline's and every point's samples, each fit
     * refitted): it holds the fraction put in, and it narrows as the noise falls.
     */
    @Test
    void theFittedSerialFractionHasAnIntervalThatHoldsTheTruth() throws IOException {
        ScalingGroup.Fit noisy = Analysis.of(syntheticRun(0.05)).groups().get(0).curves().get(0).amdahl();
        assertTrue(noisy.hasInterval());
        assertTrue(noisy.low() <= 0.05 && 0.05 <= noisy.high(), noisy.toString());
        assertTrue(noisy.low() <= noisy.serialFraction() && noisy.serialFraction() <= noisy.high(), noisy.toString());
        ScalingGroup.Fit clean = Analysis.of(syntheticRun(0.0005)).groups().get(0).curves().get(0).amdahl();
        assertTrue(clean.low() <= 0.05 && 0.05 <= clean.high(), clean.toString());
        assertTrue(clean.high() - clean.low() < (noisy.high() - noisy.low()) / 10, clean + " vs " + noisy);
        assertFalse(new ScalingGroup.Fit(0.1, 4, "").hasInterval(), "a fit made without samples has none");
    }

    /** forkjoin follows a USL with sigma 0.05, kappa 0.02 (peak sqrt(0.95 / 0.02) = 6.9 threads) at these counts. */
    private Run uslRun(int... threads) throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.avgt(BENCH, Map.of("strategy", "sequential", "threads", "1", "size", "1000"), 100, 0.0005);
        io.parbench.analyzer.stats.UniversalScalability truth =
                new io.parbench.analyzer.stats.UniversalScalability(0.05, 0.02, 1, 0, 0, 0, 0, 1);
        for (int t : threads) {
            s.avgt(BENCH, Map.of("strategy", "forkjoin", "threads", "" + t, "size", "1000"), 100 / truth.throughput(t),
                    0.0005);
        }
        Path dir = tmp.resolve("usl" + threads.length);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        return new RunReader().read(dir);
    }

    /** The USL's parameters and peak carry 95% intervals, and the finding says when the peak lies past the points. */
    @Test
    void theUslFitCarriesIntervalsAndSaysWhereItExtrapolates() throws IOException {
        Analysis inside = Analysis.of(uslRun(1, 2, 4, 8, 12, 16));
        var usl = inside.groups().get(0).curves().get(0).usl();
        assertNotNull(usl);
        assertEquals(3, usl.df(), "6 thread counts, 3 parameters");
        assertTrue(usl.sigmaInterval().low() <= 0.05 && 0.05 <= usl.sigmaInterval().high(), usl.sigmaInterval().toString());
        assertTrue(usl.kappaInterval().low() <= 0.02 && 0.02 <= usl.kappaInterval().high(), usl.kappaInterval().toString());
        double peak = Math.sqrt(0.95 / 0.02);
        assertTrue(usl.peakInterval().low() <= peak && peak <= usl.peakInterval().high(), usl.peakInterval().toString());
        String fit = inside.findings().stream().filter(f -> f.kind().equals("fit")).findFirst().orElseThrow().sentence();
        assertTrue(fit.contains("so throughput peaks near 6.89 [") && fit.contains("3 degrees of freedom left"), fit);
        assertFalse(fit.contains("That peak is extrapolated"), fit);

        // The same curve measured only up to 4 threads: four points, one degree of freedom, a peak past the data.
        Analysis short4 = Analysis.of(uslRun(1, 2, 3, 4));
        String fit4 = short4.findings().stream().filter(f -> f.kind().equals("fit")).findFirst().orElseThrow().sentence();
        assertTrue(fit4.contains("1 degree of freedom left"), fit4);
        assertTrue(fit4.contains("That peak is extrapolated: the measured points stop at 4 threads."), fit4);
    }

    @Test
    void noisyEqualStrategiesAreCalledWithinNoise() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.avgt(BENCH, Map.of("strategy", "sequential", "threads", "1", "size", "1"), 100, 0.3);
        s.avgt(BENCH, Map.of("strategy", "pool", "threads", "2", "size", "1"), 50, 0.3);
        s.avgt(BENCH, Map.of("strategy", "virtual", "threads", "2", "size", "1"), 52, 0.3);
        Path f = tmp.resolve("noisy.json");
        Files.writeString(f, s.json());
        Analysis a = Analysis.of(new RunReader().read(f));
        ScalingGroup.Ranking r = a.groups().get(0).rankings().get(0);
        assertEquals(1, r.ties().size(), r.toString());
        assertTrue(a.findings().get(0).sentence().contains("within noise"), a.findings().get(0).sentence());
        assertTrue(a.stats().values().stream().anyMatch(BenchmarkStats::noisy), "CV of about 17% is flagged");
        assertTrue(a.groups().get(0).curves().get(0).amdahl().note().contains("physical core count is unknown"));
        assertTrue(a.groups().get(0).curves().get(0).uslNote().contains("at least 4 distinct thread counts"));
    }

    @Test
    void sizeGrowingWithThreadsIsWeakScalingAndGetsGustafson() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.avgt(BENCH, Map.of("strategy", "sequential", "threads", "1", "size", "1000"), 100, 0.001);
        for (int t : new int[] {1, 2, 4}) {
            // Each thread does 1000 units: time stays near 100 ms plus a 10% serial share that grows.
            s.avgt(BENCH, Map.of("strategy", "pool", "threads", "" + t, "size", "" + 1000 * t), 100 * (1 + 0.1 * (t - 1)) / 1.0, 0.001);
        }
        Path f = tmp.resolve("weak.json");
        Files.writeString(f, s.json());
        Analysis a = Analysis.of(new RunReader().read(f));
        assertEquals(1, a.groups().size());
        ScalingGroup g = a.groups().get(0);
        assertTrue(g.weak());
        assertTrue(g.title().endsWith("(weak scaling)"));
        ScalingGroup.Curve pool = g.curves().get(0);
        assertEquals(4 / 1.3, pool.points().get(2).speedup().estimate(), 0.02, "scaled speedup = 4 x 100 / 130");
        assertTrue(pool.gustafson().ok());
        assertFalse(pool.amdahl().ok());
        assertTrue(pool.amdahl().note().contains("Gustafson's law applies instead of Amdahl's"));
    }

    @Test
    void aPlainJmhFileHasNoScalingButAPlainGroupPerClassAndUnit() {
        Analysis a = Analysis.of(new RunReader().read(Fixtures.plainJmh()));
        assertTrue(a.groups().isEmpty());
        // by title, whatever order the file holds them in (a run's rounds write them in a random one)
        assertEquals(java.util.List.of("JMHSample_01_HelloWorld (thrpt, ops/ms)", "Latency (sample, us/op)",
                "Startup (ss, ms/op)", "StringConcat (avgt, ns/op)"), a.plain().stream().map(Analysis.PlainGroup::title).toList());
        assertEquals(java.util.List.of("builder 10", "builder 1000", "plus 10", "plus 1000"), a.plain().get(3).stats().stream()
                .map(x -> x.result().key().benchmark().replaceAll(".*\\.", "") + " " + x.result().key().param("length"))
                .toList(), "by method, then length as a number");
        BenchmarkStats builder1000 = a.plain().get(3).stats().get(1);
        assertTrue(builder1000.noisy(), "CV about 12%: flagged");
    }
}
