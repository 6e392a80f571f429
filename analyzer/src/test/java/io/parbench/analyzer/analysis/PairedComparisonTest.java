package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.cli.AnalyzerMain;
import io.parbench.analyzer.io.AbReader;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.model.Iterations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedComparisonTest {

    @TempDir
    Path tmp;

    static final int ROUNDS = 6;

    /**
     * Writes an A/B folder as {@code parbench ab} does: {@code slow} benchmarks whose candidate is 5% slower and
     * {@code same} unchanged ones, every round's pair sharing a noise term of up to 10%.
     */
    static Path abFolder(Path dir, int slow, int same, long seed, double[] drift) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticJmh base = new SyntheticJmh();
        SyntheticJmh cand = new SyntheticJmh();
        List<String> records = new ArrayList<>();
        for (int b = 0; b < slow + same; b++) {
            Map<String, String> params = Map.of("strategy", "s" + b, "threads", "2", "size", "1000");
            double factor = b < slow ? 1.05 : 1.0;
            double[][] rb = new double[ROUNDS][8];
            double[][] rc = new double[ROUNDS][8];
            StringBuilder pairs = new StringBuilder();
            for (int r = 0; r < ROUNDS; r++) {
                double shared = 1 + 0.10 * random.nextDouble();
                double fb = 1 + 0.005 * random.nextGaussian();
                double fc = 1 + 0.005 * random.nextGaussian();
                for (int i = 0; i < 8; i++) {
                    rb[r][i] = 20 * shared * fb * (1 + 0.003 * random.nextGaussian());
                    rc[r][i] = 20 * factor * shared * fc * (1 + 0.003 * random.nextGaussian());
                }
                pairs.append(r == 0 ? "" : ",").append("{\"round\":").append(r + 1).append(",\"base\":").append(r)
                        .append(",\"candidate\":").append(r).append(",\"first\":\"").append(r % 2 == 0 ? "base" : "candidate")
                        .append("\"}");
            }
            if (b == slow + same - 1 && drift != null) {
                rc[0] = drift; // one fork of the last benchmark never settles
            }
            base.entry("p.Bench.run", "avgt", "ms/op", params, rb);
            cand.entry("p.Bench.run", "avgt", "ms/op", params, rc);
            String key = Iterations.key("p.Bench.run", "avgt", 1, new TreeMap<>(params));
            records.add("{\"key\":\"" + key + "\",\"pairs\":[" + pairs + "]}");
        }
        Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(dir.resolve("base/results.json"), base.json());
        Files.writeString(dir.resolve("candidate/results.json"), cand.json());
        Files.writeString(dir.resolve("ab.json"), "{\"schemaVersion\":1,\"status\":\"complete\",\"seed\":5,\"rounds\":"
                + ROUNDS + ",\"base\":{\"name\":\"main\",\"folder\":\"base\"},\"candidate\":{\"name\":\"pr\",\"folder\":"
                + "\"candidate\",\"forkJvmArgs\":[\"-Dx=1\"]},\"benchmarks\":[" + String.join(",", records) + "]}");
        return dir;
    }

    @Test
    void aKnownSlowdownIsFoundAndNothingElse() throws IOException {
        Path dir = abFolder(tmp.resolve("ab"), 10, 10, 1, null);
        Comparison c = PairedComparison.of(new AbReader().read(dir), 0.02, List.of(), 10_000);
        assertEquals(20, c.pairs().size());
        for (Comparison.Pair p : c.pairs()) {
            boolean slow = Integer.parseInt(p.key().params().get("strategy").substring(1)) < 10;
            assertEquals(slow ? Comparison.Verdict.REGRESSION : Comparison.Verdict.UNCHANGED, p.verdict(), p.key().label() + " " + p.ratio());
            Comparison.Detail d = c.paired().of(p.key());
            assertEquals(ROUNDS, d.pairs());
            assertTrue(d.minimumDetectableEffect() > 0 && d.minimumDetectableEffect() < 0.03, "MDE " + d.minimumDetectableEffect());
            assertEquals(1.02 * (1 + d.minimumDetectableEffect()) - 1, d.caughtFrom(), 1e-12);
        }
        assertEquals(1.0, c.overdispersion());
    }

    @Test
    void aPairWithAnUnsettledForkIsLeftOut() throws IOException {
        double[] drift = {20, 20.2, 20.1, 20.3, 22, 24, 26, 28}; // still climbing at its end
        Path dir = abFolder(tmp.resolve("ab"), 1, 1, 2, drift);
        Comparison c = PairedComparison.of(new AbReader().read(dir), 0.02, List.of(), 10_000);
        Comparison.Pair last = c.pairs().stream().filter(p -> p.key().params().get("strategy").equals("s1")).findFirst()
                .orElseThrow();
        assertEquals(1, c.paired().of(last.key()).unsettled());
        assertEquals(ROUNDS - 1, c.paired().of(last.key()).pairs());
    }

    @Test
    void theGateExitsOneOnARegressionZeroWithoutAndTwoOnBadInput() throws IOException {
        Path slow = abFolder(tmp.resolve("slow"), 3, 3, 3, null);
        assertEquals(1, AnalyzerMain.execute("ab", slow.toString(), "--quiet"));
        assertTrue(Files.exists(slow.resolve("compare/summary.md")));
        String summary = Files.readString(slow.resolve("compare/summary.md"));
        assertTrue(summary.contains("Judged in pairs: 6 rounds"), summary);
        assertTrue(summary.contains("| MDE | Caught from |"), summary);
        assertTrue(summary.contains("a slowdown is caught with 80% power from a median"), summary);
        assertTrue(Files.readString(slow.resolve("compare/compare.json")).contains("\"medianCaughtFrom\""));
        assertTrue(summary.contains("each fork its fastest iteration"), summary);
        ObjectMapper json = new ObjectMapper();
        assertEquals("min", json.readTree(slow.resolve("compare/compare.json").toFile()).path("design")
                .path("forkSummary").asText());
        assertEquals(1, AnalyzerMain.execute("ab", slow.toString(), "--quiet", "--fork-summary", "median", "--out",
                tmp.resolve("median").toString()));
        assertTrue(Files.readString(tmp.resolve("median/summary.md")).contains("each fork its median iteration"));
        assertEquals("median", json.readTree(tmp.resolve("median/compare.json").toFile()).path("design")
                .path("forkSummary").asText());
        assertEquals(2, AnalyzerMain.execute("ab", slow.toString(), "--quiet", "--fork-summary", "max"));
        assertEquals(summary, Files.readString(slow.resolve("compare/summary.md")), "bad input overwrites nothing");
        assertTrue(Files.readString(slow.resolve("compare/junit.xml")).contains("paired t p"));
        Path same = abFolder(tmp.resolve("same"), 0, 4, 4, null);
        assertEquals(0, AnalyzerMain.execute("ab", same.toString(), "--quiet"));
        assertEquals(2, AnalyzerMain.execute("ab", tmp.resolve("nothing").toString(), "--quiet"));
        Files.writeString(same.resolve("ab.json"), "{\"seed\":1,\"benchmarks\":[],\"base\":{\"folder\":\"../..\"}}");
        assertEquals(2, AnalyzerMain.execute("ab", same.toString(), "--quiet", "--out", tmp.resolve("o2").toString()));
    }

    /**
     * Both sides' JVM arguments are said beside each side, and the rounds that would halve the MDE are priced in
     * minutes from the run's wall time (environment.json), so a CI user can choose --rounds; unpriced without it.
     */
    @Test
    void theSummarySaysEachSidesJvmArgumentsAndWhatMoreRoundsWouldCost() throws IOException {
        Path dir = abFolder(tmp.resolve("ab"), 2, 2, 6, null);
        String abJson = Files.readString(dir.resolve("ab.json"));
        Files.writeString(dir.resolve("ab.json"), abJson.replace("\"base\":{\"name\":\"main\",\"folder\":\"base\"}",
                "\"base\":{\"name\":\"main\",\"folder\":\"base\",\"forkJvmArgs\":[\"-Xbatch\"]}")
                .replace("\"forkJvmArgs\":[\"-Dx=1\"]", "\"forkJvmArgs\":[\"-Xbatch\",\"-Dx=1\"]"));
        assertEquals(1, AnalyzerMain.execute("ab", dir.toString(), "--quiet", "--out",
                tmp.resolve("unpriced").toString()));
        String unpriced = Files.readString(tmp.resolve("unpriced/summary.md"));
        assertTrue(unpriced.contains("Base: `main` with JVM arguments `-Xbatch`"), unpriced);
        assertTrue(unpriced.contains("Candidate: `pr` with JVM arguments `-Xbatch -Dx=1`"), unpriced);
        assertTrue(unpriced.contains("more rounds would halve it. "), unpriced);
        assertFalse(unpriced.contains(" s a round"), unpriced);

        Files.writeString(dir.resolve("base/environment.json"), "{\"schemaVersion\":1,\"durationSeconds\":540.0}");
        Comparison c = PairedComparison.of(new AbReader().read(dir), 0.02, List.of(), 10_000);
        assertEquals(90.0, c.paired().design().secondsPerRound(), 1e-9);
        assertEquals(List.of("-Xbatch"), c.paired().design().baseJvmArgs());
        assertEquals(1, AnalyzerMain.execute("ab", dir.toString(), "--quiet", "--out",
                tmp.resolve("priced").toString()));
        String priced = Files.readString(tmp.resolve("priced/summary.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about (\\d+) more rounds would halve it \\(some "
                + "(\\d+) minutes more at this run's 90 s a round: --rounds (\\d+)\\)").matcher(priced);
        assertTrue(m.find(), priced);
        int more = Integer.parseInt(m.group(1));
        assertEquals(Math.round(more * 90 / 60.0), Long.parseLong(m.group(2)));
        assertEquals(ROUNDS + more, Integer.parseInt(m.group(3)));
        JsonNode design = new ObjectMapper().readTree(tmp.resolve("priced/compare.json").toFile()).path("design");
        assertEquals(90.0, design.path("secondsPerRound").asDouble(), 1e-9);
        assertEquals("-Xbatch", design.path("baseJvmArgs").get(0).asText());
    }

    @Test
    void aDurationIsSaidInMinutesOrHours() {
        assertEquals("1 minute", io.parbench.analyzer.report.CompareWriter.minutes(20));
        assertEquals("25 minutes", io.parbench.analyzer.report.CompareWriter.minutes(25 * 60 + 10));
        assertEquals("1 h 10 min", io.parbench.analyzer.report.CompareWriter.minutes(70 * 60));
    }

    /** --check-options judges the options alone, so scripts/parbench ab can refuse a typo before its run. */
    @Test
    void theJudgingOptionsCanBeCheckedBeforeThereIsAFolder() {
        String none = tmp.resolve("not-yet").toString();
        assertEquals(0, AnalyzerMain.execute("ab", none, "--check-options", "--threshold", "3", "--fork-summary", "median"));
        assertEquals(2, AnalyzerMain.execute("ab", none, "--check-options", "--threshold", "abc"));
        assertEquals(2, AnalyzerMain.execute("ab", none, "--check-options", "--fork-summary", "max"));
        assertEquals(2, AnalyzerMain.execute("ab", none, "--check-options", "--resamples", "10"));
        assertFalse(Files.exists(tmp.resolve("not-yet")), "nothing written");
    }

    @Test
    void aPairNamingAForkThatDoesNotExistIsBadInput() throws IOException {
        Path dir = abFolder(tmp.resolve("ab"), 1, 0, 5, null);
        String text = Files.readString(dir.resolve("ab.json")).replace("\"base\":5", "\"base\":9");
        Files.writeString(dir.resolve("ab.json"), text);
        InputException e = assertThrows(InputException.class,
                () -> PairedComparison.of(new AbReader().read(dir), 0.02, List.of(), 10_000));
        assertTrue(e.getMessage().contains("has no such fork"), e.getMessage());
    }
}
