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
 */
public record Comparison(Run baseline, Run candidate, List<Pair> pairs, List<BenchmarkKey> added,
        List<BenchmarkKey> removed, List<String> environmentDifferences) {

    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final int MIN_RESAMPLES = 10_000;

    /** One benchmark in both runs. */
    public record Pair(BenchmarkKey key, BenchmarkStats baseline, BenchmarkStats candidate, double threshold,
            Bootstrap.Interval ratio, double p, String verdict) {
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
        List<Pair> pairs = common.parallelStream().map(k -> pair(k, base.get(k), cand.get(k),
                thresholdFor(k, threshold, overrides), bootstrap)).toList();
        List<BenchmarkKey> added = cand.keySet().stream().filter(k -> !base.containsKey(k)).toList();
        List<BenchmarkKey> removed = base.keySet().stream().filter(k -> !cand.containsKey(k)).toList();
        return new Comparison(baseline, candidate, pairs, added, removed, environmentDifferences(baseline, candidate));
    }

    private static Map<BenchmarkKey, BenchmarkResult> index(Run run) {
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

    private static Pair pair(BenchmarkKey k, BenchmarkResult b, BenchmarkResult c, double threshold, Bootstrap bootstrap) {
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
        String verdict;
        if (p < 0.05 && ratio.low() > 1 + threshold) {
            verdict = "regression";
        } else if (p < 0.05 && ratio.high() < 1 - threshold) {
            verdict = "improvement";
        } else if (ratio.low() >= 1 - threshold && ratio.high() <= 1 + threshold) {
            verdict = "unchanged";
        } else {
            verdict = "inconclusive";
        }
        return new Pair(k, BenchmarkStats.of(b), BenchmarkStats.of(c), threshold, ratio, p, verdict);
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

    public long count(String verdict) {
        return pairs.stream().filter(p -> p.verdict().equals(verdict)).count();
    }

    public boolean hasRegression() {
        return count("regression") > 0;
    }
}
