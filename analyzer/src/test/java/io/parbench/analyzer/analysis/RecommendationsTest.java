package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationsTest {

    private static final List<String> WORKLOADS = List.of("Primes", "Matmul", "SumSquares", "Collatz");

    @TempDir
    Path tmp;

    /**
     * A cpu suite on a 2-core machine as measured here: at 2 threads pool, virtual, forkjoin and stream a few per cent
     * apart, platform and process some 20% slower, process-cold 30 times; sequential the baseline. Three forks of six
     * iterations, forks {@code forkSpread} apart, iterations 2%.
     */
    private Run cpuSuite(long seed, Map<String, Double> atTwoThreads, double forkSpread) throws IOException {
        Random random = new Random(seed);
        SyntheticJmh s = new SyntheticJmh();
        for (String w : WORKLOADS) {
            String bench = "io.parbench.bench.suite.cpu." + w + "Benchmark.run";
            add(s, random, bench, "sequential", 1, 100, forkSpread);
            for (var e : atTwoThreads.entrySet()) {
                add(s, random, bench, e.getKey(), 2, 100 / 1.9 * e.getValue(), forkSpread);
            }
        }
        Path dir = tmp.resolve("run" + seed + "-" + atTwoThreads.hashCode());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(Map.of(
                "schemaVersion", 1, "machine", Map.of("cpu", Map.of("physicalCores", 2, "logicalCpus", 2, "numaNodes", 1)))));
        return new RunReader().read(dir);
    }

    private static void add(SyntheticJmh s, Random random, String bench, String strategy, int threads, double mean,
            double forkSpread) {
        double[][] raw = new double[3][6];
        for (double[] fork : raw) {
            double forkEffect = forkSpread * random.nextGaussian();
            for (int i = 0; i < fork.length; i++) {
                fork[i] = mean * Math.exp(forkEffect + 0.02 * random.nextGaussian());
            }
        }
        s.entry(bench, "avgt", "ms/op", Map.of("strategy", strategy, "threads", "" + threads, "size", "1000"), raw);
    }

    private static Map<String, Double> measuredHere() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("platform", 1.20);
        m.put("pool", 1.00);
        m.put("virtual", 1.02);
        m.put("forkjoin", 1.01);
        m.put("stream", 1.03);
        m.put("process", 1.18);
        m.put("process-cold", 30.0);
        return m;
    }

    /**
     * Strategies a few per cent apart tie, and every rerun (five seeds of the same truth, forks 3% apart as measured)
     * says so: the recommendation names all four, the slower ones with their intervals, process-cold to avoid.
     */
    @Test
    void strategiesAFewPerCentApartTieInEveryRerun() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            Analysis a = Analysis.of(cpuSuite(seed, measuredHere(), 0.03));
            assertTrue(a.forkLevel().available());
            assertEquals(1, a.recommendations().size());
            Recommendations.Row row = a.recommendations().get(0);
            assertEquals("cpu", row.suite());
            assertEquals(2, row.threads());
            assertEquals(4, row.workloads());
            assertEquals(List.of("pool", "virtual", "forkjoin", "stream"), row.use(), "seed " + seed + ": " + row.reason());
            assertEquals(List.of("process-cold"), row.avoid(), row.reason());
            assertTrue(row.reason().startsWith("pool, virtual, forkjoin and stream tie: on average over 4 workloads at 2 "
                    + "threads none is shown to be more than 5% slower than "), row.reason());
            assertTrue(row.reason().contains("; slower: ") && row.reason().contains("platform 1."), row.reason());
            assertTrue(row.reason().contains("avoid process-cold (slower than sequential: "), row.reason());
            Recommendations.Standing platform = row.standings().stream().filter(x -> x.strategy().equals("platform"))
                    .findFirst().orElseThrow();
            assertTrue(!platform.tie() && platform.low() > 1 + Recommendations.MARGIN && platform.ratio() > 1.1
                    && platform.ratio() < 1.35 && platform.low() < platform.ratio() && platform.ratio() < platform.high(),
                    platform.toString());
            assertEquals(row.standings().get(0).ratio(), 1.0, 1e-12, "the fastest on average is the reference");
        }
    }

    /**
     * A strategy of one workload only (a pipeline's own, measured in 1 of 4) is listed with its figures, even when it
     * is the fastest there, but neither recommended for the kind nor ranked against the others.
     */
    @Test
    void aStrategyOfOneWorkloadIsListedNotRanked() throws IOException {
        Random random = new Random(3);
        SyntheticJmh s = new SyntheticJmh();
        for (String w : WORKLOADS) {
            String bench = "io.parbench.bench.suite.cpu." + w + "Benchmark.run";
            add(s, random, bench, "sequential", 1, 100, 0.02);
            add(s, random, bench, "pool", 2, 52, 0.02);
            if (w.equals("Collatz")) {
                add(s, random, bench, "virtual-forkjoin", 2, 26, 0.02);
            } else {
                add(s, random, bench, "virtual", 2, 53, 0.02);
            }
        }
        Path dir = tmp.resolve("pipeline");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        Files.writeString(dir.resolve("environment.json"), new ObjectMapper().writeValueAsString(Map.of(
                "schemaVersion", 1, "machine", Map.of("cpu", Map.of("physicalCores", 2, "logicalCpus", 2, "numaNodes", 1)))));
        Recommendations.Row row = Analysis.of(new RunReader().read(dir)).recommendations().get(0);
        assertEquals(List.of("pool", "virtual"), row.use(), row.reason());
        assertTrue(row.reason().contains("; measured in too few workloads to rank for the kind: virtual-forkjoin in 1 of "
                + "4 (0.5"), row.reason());
        Recommendations.Standing vfj = row.standings().stream().filter(x -> x.strategy().equals("virtual-forkjoin"))
                .findFirst().orElseThrow();
        assertTrue(!vfj.tie() && vfj.workloads() == 1 && vfj.ratio() < 0.6, vfj.toString());
    }

    /** pool, and virtual taking {@code virtual} times pool's time. */
    private static Map<String, Double> poolAndVirtual(double virtual) {
        Map<String, Double> truth = new LinkedHashMap<>();
        truth.put("pool", 1.0);
        truth.put("virtual", virtual);
        return truth;
    }

    /** A strategy 12% slower everywhere, measured tightly (forks 1% apart), is slower, not a tie. */
    @Test
    void aClearlySlowerStrategyIsNotATie() throws IOException {
        Recommendations.Row row = Analysis.of(cpuSuite(9, poolAndVirtual(1.12), 0.01)).recommendations().get(0);
        assertEquals(List.of("pool"), row.use(), row.reason());
        assertTrue(row.reason().startsWith("pool fastest on average over 4 workloads at 2 threads; slower: virtual 1.1"),
                row.reason());
        assertTrue(row.reason().contains("sequential 1.9"), "the baseline at 2 threads is a contender: " + row.reason());
    }

    /**
     * 8% measured very noisily (forks 20% apart: the geometric mean's standard error is some 8%, the interval +-17%)
     * cannot be told from a tie: virtual stays in, with an interval that reaches below the margin.
     */
    @Test
    void aNoisyDifferenceIsATie() throws IOException {
        Recommendations.Row row = Analysis.of(cpuSuite(9, poolAndVirtual(1.08), 0.20)).recommendations().get(0);
        assertTrue(row.use().contains("pool") && row.use().contains("virtual"), row.reason());
        Recommendations.Standing virtual = row.standings().stream().filter(x -> x.strategy().equals("virtual"))
                .findFirst().orElseThrow();
        assertTrue(virtual.tie() && virtual.low() <= 1 + Recommendations.MARGIN, virtual.toString());
    }
}
