package io.parbench.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.ConsoleCapture;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.analysis.Comparison;
import io.parbench.analyzer.io.RunReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CompareCommandTest {

    private static final String BENCH = "io.parbench.bench.suite.cpu.PrimesBenchmark.run";

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** A run of three workloads; {@code primesFactor} scales the primes time (1.2 = 20% slower). */
    private Path run(String name, double primesFactor, double noise, long seed) throws IOException {
        SyntheticJmh s = new SyntheticJmh(seed);
        s.avgt(BENCH, Map.of("strategy", "pool", "threads", "2", "size", "300000"), 16 * primesFactor, noise);
        s.avgt("io.parbench.bench.suite.cpu.CollatzBenchmark.run", Map.of("strategy", "pool", "threads", "2"), 18, noise);
        s.avgt("io.parbench.bench.suite.cpu.MatmulBenchmark.run", Map.of("strategy", "pool", "threads", "2"), 12, noise);
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        return dir;
    }

    @Test
    void twoRunsOfTheSameCodeShowNoRegression() throws IOException {
        Path a = run("a", 1.0, 0.02, 0);
        Path b = run("b", 1.0, 0.02, 3);
        assertEquals(0, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", tmp.resolve("cmp").toString()));
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("cmp/compare.json").toFile());
        assertEquals(0, json.get("counts").get("regression").asInt());
        assertEquals(3, json.get("benchmarks").size());
        assertEquals(tmp.resolve("cmp").toString(), console.out().trim());
    }

    @Test
    void aTwentyPercentSlowdownIsARegressionAndNothingElseIs() throws Exception {
        Path a = run("a", 1.0, 0.01, 0);
        Path b = run("b", 1.2, 0.01, 3);
        Path cmp = tmp.resolve("cmp");
        assertEquals(1, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", cmp.toString()));
        Comparison c = Comparison.of(new RunReader().read(a), new RunReader().read(b), 0.05, List.of(), 10_000);
        assertEquals(1, c.count(Comparison.Verdict.REGRESSION));
        Comparison.Pair primes = c.pairs().stream().filter(p -> p.key().benchmark().equals(BENCH)).findFirst().orElseThrow();
        assertEquals(Comparison.Verdict.REGRESSION, primes.verdict());
        assertEquals(1.2, primes.ratio().estimate(), 0.02);
        assertTrue(primes.ratio().low() > 1.05);
        assertEquals(0, c.pairs().stream().filter(p -> !p.key().benchmark().equals(BENCH))
                .filter(p -> p.verdict() != Comparison.Verdict.UNCHANGED).count(), "nothing else is flagged");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(cmp.resolve("junit.xml").toFile());
        assertEquals("3", junit.getDocumentElement().getAttribute("tests"));
        assertEquals("1", junit.getDocumentElement().getAttribute("failures"));
        assertEquals(1, junit.getElementsByTagName("failure").getLength());
        String md = Files.readString(cmp.resolve("summary.md"));
        assertTrue(md.startsWith("## parbench: regression found"), md);
        assertTrue(md.contains("| **regression** | +"), md);
        assertTrue(Files.size(cmp.resolve("compare.png")) > 0 && Files.size(cmp.resolve("compare.svg")) > 0);
        // A threshold above the slowdown for that benchmark turns it into no regression.
        assertEquals(0, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", cmp.toString(),
                "--threshold-for", "Primes=30"));
    }

    /**
     * 40 benchmarks whose within-run noise is 1% but whose means move by up to ±8% between runs (as JIT and layout
     * do between forks): the bootstrap alone would call several of those regressions; with the run-to-run noise
     * estimated from all 40 none is, while 6 of them really slowed down by 40% are still found.
     */
    @Test
    void runToRunNoiseIsEstimatedSoThatAnAaComparisonDoesNotCryWolf() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        SyntheticJmh base = new SyntheticJmh(1);
        SyntheticJmh same = new SyntheticJmh(2);
        SyntheticJmh slower = new SyntheticJmh(3);
        for (int i = 0; i < 40; i++) {
            Map<String, String> params = Map.of("strategy", "pool", "threads", "2", "size", Integer.toString(i));
            double drift = 1 + 0.08 * (random.nextDouble() * 2 - 1);
            base.avgt(BENCH, params, 10, 0.01);
            same.avgt(BENCH, params, 10 * drift, 0.01);
            slower.avgt(BENCH, params, 10 * drift * (i < 6 ? 1.4 : 1.0), 0.01);
        }
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        Path c = tmp.resolve("c.json");
        Files.writeString(a, base.json());
        Files.writeString(b, same.json());
        Files.writeString(c, slower.json());
        Comparison aa = Comparison.of(new RunReader().read(a), new RunReader().read(b), 0.05, List.of(), 10_000);
        long naive = aa.pairs().stream().filter(p -> p.p() < 0.05 && p.sampled().low() > 1.05).count();
        assertTrue(naive > 0, "the within-run interval alone cries wolf: " + naive);
        assertEquals(0, aa.count(Comparison.Verdict.REGRESSION), aa.pairs().toString());
        assertTrue(aa.overdispersion() > 2, "between-run noise dwarfs the within-run noise: " + aa.overdispersion());
        Comparison ab = Comparison.of(new RunReader().read(a), new RunReader().read(c), 0.05, List.of(), 10_000);
        assertEquals(6, ab.count(Comparison.Verdict.REGRESSION), ab.pairs().toString());
        assertTrue(ab.pairs().stream().filter(p -> p.verdict() == Comparison.Verdict.REGRESSION)
                .allMatch(p -> Integer.parseInt(p.key().param("size")) < 6), "only the slowed ones");
    }

    @Test
    void aThroughputDropIsARegressionNotAGain() throws IOException {
        SyntheticJmh base = new SyntheticJmh().entry("x.Y.z", "thrpt", "ops/s", Map.of(),
                new double[][] {{1000, 1010, 990, 1005}, {995, 1002, 1008, 998}});
        SyntheticJmh cand = new SyntheticJmh().entry("x.Y.z", "thrpt", "ops/s", Map.of(),
                new double[][] {{800, 810, 790, 805}, {795, 802, 808, 798}});
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        Files.writeString(a, base.json());
        Files.writeString(b, cand.json());
        Comparison c = Comparison.of(new RunReader().read(a), new RunReader().read(b), 0.05, List.of(), 10_000);
        assertEquals(Comparison.Verdict.REGRESSION, c.pairs().get(0).verdict());
        assertEquals(1.25, c.pairs().get(0).ratio().estimate(), 0.01, "1000 / 800 ops: 25% more time per operation");
    }

    @Test
    void tooNoisyToTellIsInconclusive() throws IOException {
        Path a = run("a", 1.0, 0.30, 0);
        Path b = run("b", 1.03, 0.30, 3);
        Comparison c = Comparison.of(new RunReader().read(a), new RunReader().read(b), 0.05, List.of(), 10_000);
        assertTrue(c.pairs().stream().allMatch(p -> p.verdict() == Comparison.Verdict.INCONCLUSIVE), c.pairs().toString());
        assertTrue(!c.hasRegression());
    }

    /** A run whose primes benchmark allocates {@code bytes} per operation (-prof gc), in the same time. */
    private Path allocating(String name, double bytes, long seed) throws IOException {
        SyntheticJmh s = new SyntheticJmh(seed);
        s.avgt(BENCH, Map.of("strategy", "pool", "threads", "2", "size", "300000"), 16, 0.01)
                .secondary("gc.alloc.rate.norm", "B/op", bytes);
        s.avgt("io.parbench.bench.suite.cpu.CollatzBenchmark.run", Map.of("strategy", "pool", "threads", "2"), 18, 0.01)
                .secondary("gc.alloc.rate.norm", "B/op", 48);
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        return dir;
    }

    @Test
    void theGateCanJudgeASecondaryMetricWithItsOwnDirection() throws IOException {
        Path a = allocating("a", 16, 0);
        Path b = allocating("b", 32, 3); // twice the allocation, the same time
        assertEquals(0, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", tmp.resolve("time").toString(),
                "--quiet"), "the time did not change");
        assertEquals(1, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--metric", "gc.alloc.rate.norm",
                "--out", tmp.resolve("alloc").toString(), "--quiet"), "twice the bytes per operation is a regression");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("alloc/compare.json").toFile());
        assertEquals(1, json.get("counts").get("regression").asInt());
        assertEquals(1, json.get("counts").get("unchanged").asInt(), "Collatz allocates the same");
        assertEquals(0, AnalyzerMain.execute("compare", b.toString(), a.toString(), "--metric", "gc.alloc.rate.norm",
                "--out", tmp.resolve("less").toString(), "--quiet"), "half the bytes is an improvement, not a regression");
        console.reset();
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--metric", "gc.count"));
        assertTrue(console.err().contains("has no secondary metric 'gc.count' (its secondary metrics: gc.alloc.rate.norm)"),
                console.err());
    }

    @Test
    void badInputAndMismatchedRunsAreExitTwo() throws IOException {
        Path a = run("a", 1.0, 0.01, 0);
        Path other = tmp.resolve("other.json");
        Files.writeString(other, new SyntheticJmh().avgt("some.Other.bench", Map.of(), 5, 0.01).json());
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), other.toString()));
        assertTrue(console.err().contains("has no benchmark in common"), console.err());
        Path single = tmp.resolve("single.json");
        Files.writeString(single, new SyntheticJmh().entry(BENCH, "avgt", "ms/op", Map.of("strategy", "pool", "threads", "2",
                "size", "300000"), new double[][] {{16.0}}).json());
        console.reset();
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), single.toString()));
        assertTrue(console.err().contains("fewer than two raw samples"), console.err());
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), tmp.resolve("missing").toString()));
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), a.toString(), "--threshold", "abc"));
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), a.toString(), "--resamples", "500"));
        console.reset();
        assertEquals(2, AnalyzerMain.execute("compare", a.toString(), a.toString(), "--resamples", "2000000000"),
                "a bound, not an out-of-memory error read as a regression");
        assertTrue(console.err().contains("--resamples must be between"), console.err());
    }

    @Test
    void benchmarksMissingFromTheCandidateFailTheGateUnlessAllowed() throws IOException {
        Path base = run("base", 1.0, 0.01, 0);
        SyntheticJmh s = new SyntheticJmh(5); // the candidate lost two of its three benchmarks (they crashed, say)
        s.avgt(BENCH, Map.of("strategy", "pool", "threads", "2", "size", "300000"), 16, 0.01);
        Path cand = Files.createDirectories(tmp.resolve("cand"));
        Files.writeString(cand.resolve("results.json"), s.json());
        Path out = tmp.resolve("cmp");
        assertEquals(1, AnalyzerMain.execute("compare", base.toString(), cand.toString(), "--out", out.toString()));
        assertTrue(console.err().contains("2 benchmark(s) of the baseline are missing from the candidate"), console.err());
        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"3\" failures=\"2\""), junit);
        assertEquals(2, junit.split("type=\"missing\"", -1).length - 1, junit);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.startsWith("## parbench: benchmarks missing from the candidate"), summary);
        assertTrue(summary.contains("| **missing** |"), summary);
        assertTrue(new ObjectMapper().readTree(out.resolve("compare.json").toFile()).get("fails").asBoolean());
        assertEquals(0, AnalyzerMain.execute("compare", base.toString(), cand.toString(), "--out", out.toString(),
                "--allow-missing"), "removed on purpose");
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| removed |"));
    }

    @Test
    void differentMachinesAreSaidPlainlyAndStrictEnvFails() throws IOException {
        Path a = run("a", 1.0, 0.01, 0);
        Path b = run("b", 1.0, 0.01, 3);
        ObjectMapper m = new ObjectMapper();
        m.writeValue(a.resolve("environment.json").toFile(), Map.of("machine", Map.of("cpu", Map.of("model", "CPU A",
                "logicalCpus", 2)), "jvm", Map.of("version", "21.0.5"), "warnings", List.of("busy before the run")));
        m.writeValue(b.resolve("environment.json").toFile(), Map.of("machine", Map.of("cpu", Map.of("model", "CPU B",
                "logicalCpus", 2)), "jvm", Map.of("version", "25.0.3")));
        Path cmp = tmp.resolve("cmp");
        assertEquals(0, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", cmp.toString()));
        String md = Files.readString(cmp.resolve("summary.md"));
        assertTrue(md.contains("different machines or JVMs"), md);
        assertTrue(md.contains("CPU: CPU A vs CPU B"), md);
        assertTrue(md.contains("JVM version: 21.0.5 vs 25.0.3"), md);
        assertTrue(md.contains("baseline: busy before the run"), "noise warnings are repeated");
        assertEquals(1, AnalyzerMain.execute("compare", a.toString(), b.toString(), "--out", cmp.toString(), "--strict-env"));
    }
}
