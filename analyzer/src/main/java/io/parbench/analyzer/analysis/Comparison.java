package io.parbench.analyzer.analysis;

import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.Significance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A baseline run against a candidate run: every benchmark present in both, its change ratio (oriented so that
 * above 1 means slower, whatever the mode: a throughput drop is never a gain), a bootstrap interval, a Welch test,
 * and a verdict against a threshold.
 *
 * <p>Verdicts, with t the benchmark's threshold (5% unless set) and [lo, hi] the 95% interval of the ratio:
 * <ul>
 *   <li>{@code regression}: significant (Welch p &lt; 0.05) and lo &gt; 1 + t: slower beyond the threshold, whole
 *       interval;</li>
 *   <li>{@code improvement}: significant and hi &lt; 1 - t;</li>
 *   <li>{@code unchanged}: the whole interval lies within [1 - t, 1 + t];</li>
 *   <li>{@code inconclusive}: anything else: the interval reaches past the threshold without clearing it, so the
 *       data cannot tell (more forks or iterations would).</li>
 * </ul>
 *
 * <p>Run-to-run noise. The bootstrap interval sees only the samples of each run: with one fork per run it cannot
 * see what changes between runs of the same code (JIT decisions, memory layout, the neighbours of a shared machine),
 * which on a small VM is several times larger, so two runs of one build would "regress" by 10%. When at least
 * {@link #MIN_PAIRS_FOR_NOISE} benchmarks are compared, most of them unchanged, the gate estimates how much more the
 * ratios vary between runs than their own intervals say: each log ratio is divided by its bootstrap standard
 * error, and the robust spread of those z values (1.4826 x their median absolute deviation) is the overdispersion
 * factor lambda (at least 1), as genomic control does for association tests (Devlin and Roeder, Biometrics 55(4),
 * 1999). Every interval is widened by lambda around its estimate before the verdict, so a benchmark that is noisy
 * within a run is also given room between runs, and a steady one stays sensitive.
 */
public record Comparison(Run baseline, Run candidate, List<Pair> pairs, List<BenchmarkKey> added,
        List<BenchmarkKey> removed, List<String> environmentDifferences, double overdispersion, Paired paired) {

    /**
     * What an A/B run in pairs adds ({@link PairedComparison}): the design, per benchmark its pairs' figures, and
     * {@code prior}, the moderating prior fitted to every benchmark's spread of within-pair log ratios (null when fewer
     * than three benchmarks had two pairs or more), and {@code forkSummary}, how each fork became one number. Null for
     * two separate runs.
     */
    public record Paired(io.parbench.analyzer.model.AbDesign design, Map<BenchmarkKey, Detail> details,
            io.parbench.analyzer.stats.ModeratedVariance prior,
            io.parbench.analyzer.stats.PairedBootstrap.ForkSummary forkSummary) {

        public Detail of(BenchmarkKey k) {
            return details.get(k);
        }
    }

    /**
     * One benchmark's pairs: {@code pairs} used, {@code unsettled} left out (a fork of the pair reached no steady
     * state), the spread of the within-pair log ratios, the minimum detectable effect at 80% power (a fraction), the
     * smallest slowdown a regression verdict catches with 80% power at the benchmark's threshold (a fraction:
     * {@link io.parbench.analyzer.stats.PairedBootstrap#smallestCaught}), the more rounds that would halve the MDE
     * (-1: unknown), and the family-corrected (Benjamini-Hochberg) p-value of the regression test.
     */
    public record Detail(int pairs, int unsettled, double sdLog, double minimumDetectableEffect, double caughtFrom,
            int moreRoundsToHalve, double qRegression) {
    }

    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final int MIN_RESAMPLES = 10_000;
    /** More resamples change no verdict (the Monte-Carlo error at 10^6 is ~0.1% of an interval) and only cost time. */
    public static final int MAX_RESAMPLES = 1_000_000;
    /** Below this many compared benchmarks the run-to-run noise cannot be estimated (and is taken as 0). */
    public static final int MIN_PAIRS_FOR_NOISE = 10;

    /**
     * One benchmark in both runs: {@code sampled} is the bootstrap interval of the ratio from the raw samples,
     * {@code ratio} the same widened by the run-to-run noise, on which the verdict rests.
     */
    public record Pair(BenchmarkKey key, BenchmarkStats baseline, BenchmarkStats candidate, double threshold,
            Bootstrap.Interval sampled, Bootstrap.Interval ratio, double p, Verdict verdict) {
    }

    /**
     * A benchmark's verdict: slower beyond its threshold (and significant), faster beyond it, within it, or neither
     * shown. Written in lower case (compare.json, junit.xml, the summaries), as {@link #toString()} gives it.
     */
    public enum Verdict {
        REGRESSION, IMPROVEMENT, UNCHANGED, INCONCLUSIVE;

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A threshold for the benchmarks whose label matches {@code pattern}. */
    public record Threshold(Pattern pattern, double value) {
    }

    public static Comparison of(Run baseline, Run candidate, double threshold, List<Threshold> overrides, int resamples) {
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("at least " + MIN_RESAMPLES + " resamples; got " + resamples);
        }
        Map<BenchmarkKey, BenchmarkResult> base = index(baseline);
        Map<BenchmarkKey, BenchmarkResult> cand = index(candidate);
        List<BenchmarkKey> common = base.keySet().stream().filter(cand::containsKey).toList();
        if (common.isEmpty()) {
            throw new InputException(candidate.resultsFile(), "has no benchmark in common with " + baseline.resultsFile()
                    + " (benchmarks pair by name, mode, threads and params)");
        }
        for (BenchmarkKey k : common) {
            for (BenchmarkResult r : List.of(base.get(k), cand.get(k))) {
                if (r.primary().samples().count() < 2) {
                    Run run = r == base.get(k) ? baseline : candidate;
                    throw new InputException(run.resultsFile(), "benchmark " + k.label() + " has fewer than two raw samples "
                            + "(rawData missing, or a single iteration): a change cannot be tested without them");
                }
            }
        }
        Bootstrap bootstrap = new Bootstrap(resamples, Bootstrap.SEED);
        List<Pair> sampled = common.parallelStream().map(k -> sampled(k, base.get(k), cand.get(k),
                thresholdFor(k, threshold, overrides), bootstrap)).toList();
        double lambda = overdispersion(sampled);
        List<Pair> pairs = sampled.stream().map(p -> judge(p, lambda)).toList();
        List<BenchmarkKey> added = cand.keySet().stream().filter(k -> !base.containsKey(k)).toList();
        List<BenchmarkKey> removed = base.keySet().stream().filter(k -> !cand.containsKey(k)).toList();
        return new Comparison(baseline, candidate, pairs, added, removed, environmentDifferences(baseline, candidate),
                lambda, null);
    }

    /**
     * The overdispersion factor: 1.4826 x the median absolute deviation of z = log(ratio) / standard error, at least
     * 1; exactly 1 with fewer than {@link #MIN_PAIRS_FOR_NOISE} pairs (nothing to estimate it from).
     */
    static double overdispersion(List<Pair> pairs) {
        if (pairs.size() < MIN_PAIRS_FOR_NOISE) {
            return 1;
        }
        double[] z = pairs.stream().mapToDouble(p -> Math.log(p.sampled().estimate()) / standardError(p.sampled()))
                .filter(Double::isFinite).sorted().toArray();
        if (z.length < MIN_PAIRS_FOR_NOISE) {
            return 1;
        }
        double median = median(z);
        double[] deviations = java.util.Arrays.stream(z).map(x -> Math.abs(x - median)).sorted().toArray();
        return Math.max(1, 1.4826 * median(deviations));
    }

    /** The standard error of log(ratio) implied by a 95% interval. */
    static double standardError(Bootstrap.Interval i) {
        return Math.max((Math.log(i.high()) - Math.log(i.low())) / (2 * 1.96), 1e-9);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Map<BenchmarkKey, BenchmarkResult> index(Run run) {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
        for (BenchmarkResult r : run.results()) {
            if (map.put(r.key(), r) != null) {
                throw new InputException(run.resultsFile(), "holds benchmark " + r.key().label() + " twice, so it cannot "
                        + "be paired");
            }
        }
        return map;
    }

    static double thresholdFor(BenchmarkKey k, double global, List<Threshold> overrides) {
        String name = k.benchmark() + " " + k.label();
        for (Threshold t : overrides) {
            if (t.pattern().matcher(name).find()) {
                return t.value();
            }
        }
        return global;
    }

    private static Pair sampled(BenchmarkKey k, BenchmarkResult b, BenchmarkResult c, double threshold,
            Bootstrap bootstrap) {
        Samples bs = b.primary().samples().scaled(b.primary().unit().toBase());
        Samples cs = c.primary().samples().scaled(c.primary().unit().toBase());
        boolean throughput = b.primary().unit().kind() == Unit.Kind.OPS_PER_TIME;
        if (b.primary().unit().kind() != c.primary().unit().kind()) {
            // One run measured time, the other throughput: put both on time per operation.
            bs = b.secondsPerOp();
            cs = c.secondsPerOp();
            throughput = false;
        }
        // Oriented so that above 1 means slower: time grows, or throughput falls.
        Bootstrap.Interval ratio = throughput ? bootstrap.ratioOfMeans(bs, cs, 0.95) : bootstrap.ratioOfMeans(cs, bs, 0.95);
        double p = Significance.welchP(bs, cs);
        return new Pair(k, BenchmarkStats.of(b), BenchmarkStats.of(c), threshold, ratio, ratio, p, null);
    }

    /** Widens a pair's interval by the overdispersion factor and gives its verdict. */
    static Pair judge(Pair s, double lambda) {
        Bootstrap.Interval i = s.sampled();
        double est = Math.log(i.estimate());
        double below = lambda * (est - Math.log(i.low()));
        double above = lambda * (Math.log(i.high()) - est);
        Bootstrap.Interval ratio = new Bootstrap.Interval(i.estimate(), Math.exp(est - below), Math.exp(est + above));
        double threshold = s.threshold();
        double p = s.p();
        Verdict verdict;
        if (p < 0.05 && ratio.low() > 1 + threshold) {
            verdict = Verdict.REGRESSION;
        } else if (p < 0.05 && ratio.high() < 1 - threshold) {
            verdict = Verdict.IMPROVEMENT;
        } else if (ratio.low() >= 1 - threshold && ratio.high() <= 1 + threshold) {
            verdict = Verdict.UNCHANGED;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        return new Pair(s.key(), s.baseline(), s.candidate(), threshold, i, ratio, p, verdict);
    }

    /** What differs between the two runs' machines and JVMs, one plain phrase each. */
    static List<String> environmentDifferences(Run a, Run b) {
        List<String> out = new ArrayList<>();
        if (!a.environment().present() || !b.environment().present()) {
            if (a.environment().present() != b.environment().present()) {
                out.add("only one of the runs has an environment.json, so the machines cannot be compared");
            }
            return out;
        }
        String[][] fields = {
            {"CPU", "machine", "cpu", "model"}, {"physical cores", "machine", "cpu", "physicalCores"},
            {"logical CPUs", "machine", "cpu", "logicalCpus"}, {"OS kernel", "machine", "os", "kernel"},
            {"JVM version", "jvm", "version"}, {"JVM vendor", "jvm", "vendor"}, {"JVM flags", "jvm", "inputArguments"},
            {"profile", "profile"}};
        // The host name is left out on purpose: CI runners of one machine type get a new name every run.
        for (String[] f : fields) {
            String[] path = java.util.Arrays.copyOfRange(f, 1, f.length);
            String x = text(a, path);
            String y = text(b, path);
            if (!Objects.equals(x, y)) {
                out.add(f[0] + ": " + x + " vs " + y);
            }
        }
        return out;
    }

    private static String text(Run r, String... path) {
        com.fasterxml.jackson.databind.JsonNode n = r.environment().json();
        for (String p : path) {
            n = n.path(p);
        }
        if (n.isArray()) { // JVM flags, less the one that only says where the checkout was
            List<String> flags = new ArrayList<>();
            n.forEach(x -> {
                if (!x.asText().startsWith("-Dparbench.home=")) {
                    flags.add(x.asText());
                }
            });
            return String.join(" ", flags);
        }
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    public long count(Verdict verdict) {
        return pairs.stream().filter(p -> p.verdict() == verdict).count();
    }

    public boolean hasRegression() {
        return count(Verdict.REGRESSION) > 0;
    }
}
