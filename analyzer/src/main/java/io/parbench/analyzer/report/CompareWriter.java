package io.parbench.analyzer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parbench.analyzer.analysis.Comparison;
import io.parbench.analyzer.analysis.PairedComparison;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.chart.ChartFiles;
import io.parbench.analyzer.chart.ComparisonChart;
import io.parbench.analyzer.io.OutputFolder;
import io.parbench.analyzer.io.Text;
import io.parbench.analyzer.model.BenchmarkKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes a comparison's folder: summary.md (for a CI job summary or a pull-request comment), junit.xml (one test
 * case per benchmark, a failure per regression), compare.json, and compare.png|svg. Written to a temporary folder
 * and moved into place, like a report.
 */
public final class CompareWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean allowMissing;

    /** A writer for the default gate: a benchmark missing from the candidate is a failure. */
    public CompareWriter() {
        this(false);
    }

    /** {@code allowMissing}: benchmarks missing from the candidate are listed but do not fail the gate. */
    public CompareWriter(boolean allowMissing) {
        this.allowMissing = allowMissing;
    }

    /** True when the gate fails: a regression, or (unless allowed) a benchmark the candidate lacks. */
    public static boolean fails(Comparison c, boolean allowMissing) {
        return c.hasRegression() || (!allowMissing && !c.removed().isEmpty());
    }

    /** The pairs in the order every output shows them: regressions first, then by size of change. */
    public static List<Comparison.Pair> ordered(Comparison c) {
        List<Comparison.Verdict> order = List.of(Comparison.Verdict.REGRESSION, Comparison.Verdict.INCONCLUSIVE,
                Comparison.Verdict.IMPROVEMENT, Comparison.Verdict.UNCHANGED);
        return c.pairs().stream().sorted(Comparator.comparingInt((Comparison.Pair p) -> order.indexOf(p.verdict()))
                .thenComparing(Comparator.comparingDouble((Comparison.Pair p) -> Math.abs(Math.log(p.ratio().estimate())))
                        .reversed())).toList();
    }

    /** Writes the comparison into {@code out} (new, empty or an earlier comparison; see {@link OutputFolder}). */
    public Path write(Comparison c, Path out, double threshold) throws IOException {
        OutputFolder folder = OutputFolder.open(out, "compare", List.of(c.baseline().resultsFile(),
                c.candidate().resultsFile()));
        Path tmp = folder.staging();
        try {
            List<Comparison.Pair> pairs = ordered(c);
            Files.writeString(tmp.resolve("summary.md"), markdown(c, pairs, allowMissing), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("junit.xml"), junit(c, pairs, allowMissing), StandardCharsets.UTF_8);
            JSON.writeValue(tmp.resolve("compare.json").toFile(), json(c, pairs, allowMissing));
            Fonts.check();
            ChartFiles.write(ComparisonChart.of(pairs, threshold), tmp, "compare", 1000, ComparisonChart.height(pairs.size()));
            return folder.commit();
        } finally {
            folder.abandon();
        }
    }

    /** What the run-to-run noise was and what it means, in one or two sentences. */
    public static String noiseSentence(Comparison c) {
        if (c.paired() != null) {
            return pairedSentence(c);
        }
        if (c.pairs().size() < Comparison.MIN_PAIRS_FOR_NOISE) {
            return String.format(Locale.ROOT, "Only %d benchmarks compared: too few to estimate the run-to-run noise, so "
                    + "the intervals show the within-run noise only.", c.pairs().size());
        }
        String s = String.format(Locale.ROOT, "Between the two runs the ratios vary %.1fx as much as their samples "
                + "suggest (overdispersion, estimated from all %d benchmarks); every interval is widened by that factor.",
                c.overdispersion(), c.pairs().size());
        if (c.overdispersion() >= 2) {
            s += " Run-to-run noise dominates here: more forks per run (--profile full, or -- -f 3) or a quieter machine "
                    + "would let smaller changes be told from it.";
        }
        return s;
    }

    /** An A/B run's design and what it could detect, in two or three sentences. */
    static String pairedSentence(Comparison c) {
        var design = c.paired().design();
        double mde = medianMinimumDetectableEffect(c);
        int more = (int) Math.round(median(c.paired().details().values().stream().mapToDouble(d -> d.moreRoundsToHalve())
                .filter(x -> x >= 0).toArray()));
        int unsettled = c.paired().details().values().stream().mapToInt(Comparison.Detail::unsettled).sum();
        String s = String.format(Locale.ROOT, "Judged in pairs: %d rounds on one machine, each running every benchmark "
                + "once on each side, back to back (which side first: ab.json), so whatever a round shared cancels in its "
                + "within-pair ratio; verdicts are corrected for the %d benchmarks compared (Benjamini-Hochberg).",
                design.rounds(), c.pairs().size());
        var prior = c.paired().prior();
        if (prior != null) {
            s += String.format(Locale.ROOT, " Each benchmark's spread of within-pair ratios is moderated towards the "
                    + "family's (typically %.1f%% a pair, %s), so the tests have more degrees of freedom than "
                    + "the pairs alone give.", 100 * Math.sqrt(prior.priorVariance()), Double.isInfinite(prior.priorDf())
                            ? "one spread for all" : String.format(Locale.ROOT, "worth %.1f degrees of freedom", prior.priorDf()));
        }
        if (Double.isFinite(mde)) {
            double perRound = design.secondsPerRound();
            String cost = Double.isFinite(perRound) ? String.format(Locale.ROOT, " (some %s more at this run's "
                    + "%.0f s a round: --rounds %d)", minutes(more * perRound), perRound, design.rounds() + more) : "";
            s += String.format(Locale.ROOT, " The median minimum detectable effect (80%% power) is %.1f%%; about %d more "
                    + "rounds would halve it%s. A regression must clear the threshold with its whole interval, so a "
                    + "slowdown is caught with 80%% power from a median %.1f%%: (1 + threshold) x (1 + MDE).", mde * 100,
                    more, cost, medianCaughtFrom(c) * 100);
        }
        if (unsettled > 0) {
            s += String.format(Locale.ROOT, " %d pair%s left out: a fork reached no steady state.", unsettled,
                    unsettled == 1 ? " was" : "s were");
        }
        return s;
    }

    /** " with JVM arguments `...`", or nothing when a side's forks got none. */
    private static String jvmArgsWords(List<String> args) {
        return args.isEmpty() ? "" : " with JVM arguments `" + MarkdownRenderer.esc(String.join(" ", args)) + "`";
    }

    /** "25 minutes", "1 h 10 min": a duration as the summary says it, rounded to the minute. */
    public static String minutes(double seconds) {
        long m = Math.max(1, Math.round(seconds / 60));
        return m < 60 ? m + (m == 1 ? " minute" : " minutes") : (m / 60) + " h " + (m % 60) + " min";
    }

    /** How a fork became one number, in the summary's words. */
    static String forkSummaryWords(io.parbench.analyzer.stats.PairedBootstrap.ForkSummary summary) {
        return switch (summary) {
            case MIN -> "its fastest iteration, since noise only adds time";
            case MEDIAN -> "its median iteration";
            case MEAN -> "the mean of its iterations";
        };
    }

    /** The median of the benchmarks' minimum detectable effects (NaN when none could be computed). */
    public static double medianMinimumDetectableEffect(Comparison c) {
        return medianOfDetails(c, Comparison.Detail::minimumDetectableEffect);
    }

    /** The median of the smallest slowdowns a regression verdict catches with 80% power (NaN when none). */
    public static double medianCaughtFrom(Comparison c) {
        return medianOfDetails(c, Comparison.Detail::caughtFrom);
    }

    private static double medianOfDetails(Comparison c, ToDoubleFunction<Comparison.Detail> f) {
        if (c.paired() == null) {
            return Double.NaN;
        }
        return median(c.paired().details().values().stream().mapToDouble(f).filter(Double::isFinite).toArray());
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
    }

    /** "2.4%" or "n/a": a benchmark's minimum detectable effect. */
    static String mde(Comparison c, Comparison.Pair p) {
        return percentOfDetail(c, p, Comparison.Detail::minimumDetectableEffect);
    }

    /** "6.5%" or "n/a": the smallest slowdown of a benchmark that a regression verdict catches with 80% power. */
    static String caughtFrom(Comparison c, Comparison.Pair p) {
        return percentOfDetail(c, p, Comparison.Detail::caughtFrom);
    }

    private static String percentOfDetail(Comparison c, Comparison.Pair p,
            ToDoubleFunction<Comparison.Detail> f) {
        Comparison.Detail d = c.paired() == null ? null : c.paired().of(p.key());
        return d == null || !Double.isFinite(f.applyAsDouble(d)) ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", f.applyAsDouble(d) * 100);
    }

    /** The console table: one line per benchmark, regressions first. */
    public static String table(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-13s %-26s %9s  %s%n", "verdict", "change [95% CI]", "threshold", "benchmark"));
        for (Comparison.Pair p : ordered(c)) {
            String label = c.paired() == null ? p.key().label() : "MDE " + mde(c, p) + "  " + p.key().label();
            sb.append(String.format(Locale.ROOT, "%-13s %-26s %8.0f%%  %s%n", p.verdict(), change(p), p.threshold() * 100,
                    label));
        }
        c.added().forEach(k -> sb.append(String.format(Locale.ROOT, "%-13s %-26s %9s  %s%n", "added", "", "", k.label())));
        c.removed().forEach(k -> sb.append(String.format(Locale.ROOT, "%-13s %-26s %9s  %s%n", "removed", "", "", k.label())));
        return sb.toString();
    }

    /** "+12.3% [+8.1%, +16.0%]": the ratio as a change in time, negative = faster. */
    static String change(Comparison.Pair p) {
        if (!Double.isFinite(p.ratio().low()) || !Double.isFinite(p.ratio().high())) {
            return Double.isFinite(p.ratio().estimate())
                    ? String.format(Locale.ROOT, "%+.1f%% [no interval]", (p.ratio().estimate() - 1) * 100) : "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%% [%+.1f%%, %+.1f%%]", (p.ratio().estimate() - 1) * 100,
                (p.ratio().low() - 1) * 100, (p.ratio().high() - 1) * 100);
    }

    static String markdown(Comparison c, List<Comparison.Pair> pairs, boolean allowMissing) {
        StringBuilder sb = new StringBuilder();
        boolean missingFails = !allowMissing && !c.removed().isEmpty();
        sb.append(c.hasRegression() ? "## parbench: regression found\n\n"
                : missingFails ? "## parbench: benchmarks missing from the candidate\n\n" : "## parbench: no regression\n\n");
        if (missingFails) {
            sb.append(String.format(Locale.ROOT, "**%d benchmark(s) of the baseline are missing from the candidate**: a "
                    + "benchmark that failed or was dropped cannot be shown not to have regressed, so the gate fails. "
                    + "Run compare with --allow-missing if they were removed on purpose.%n%n", c.removed().size()));
        }
        sb.append(String.format(Locale.ROOT, "%d compared: %d regression, %d improvement, %d unchanged, %d inconclusive; "
                + "%d added, %d removed.%n%n", pairs.size(), c.count(Comparison.Verdict.REGRESSION), c.count(Comparison.Verdict.IMPROVEMENT),
                c.count(Comparison.Verdict.UNCHANGED), c.count(Comparison.Verdict.INCONCLUSIVE), c.added().size(), c.removed().size()));
        sb.append(noiseSentence(c)).append("\n\n");
        if (c.paired() != null) {
            var d = c.paired().design();
            sb.append("Base: `").append(MarkdownRenderer.esc(d.baseName())).append('`')
                    .append(jvmArgsWords(d.baseJvmArgs())).append("  \n");
            sb.append("Candidate: `").append(MarkdownRenderer.esc(d.candidateName())).append('`')
                    .append(jvmArgsWords(d.candidateJvmArgs()));
            sb.append("  \nSchedule seed: ").append(d.seed())
                    .append(d.status().equals("complete") ? "" : " (run " + MarkdownRenderer.esc(d.status()) + ")")
                    .append("\n\n");
        } else {
            sb.append("Baseline: `").append(MarkdownRenderer.esc(c.baseline().resultsFile().toString())).append("`  \n");
            sb.append("Candidate: `").append(MarkdownRenderer.esc(c.candidate().resultsFile().toString())).append("`\n\n");
        }
        if (!c.environmentDifferences().isEmpty()) {
            sb.append("> **The runs come from different machines or JVMs**, so a change may be the machine's, not the "
                    + "code's:\n");
            c.environmentDifferences().forEach(d -> sb.append("> - ").append(MarkdownRenderer.esc(d)).append('\n'));
            sb.append('\n');
        }
        List<String> warnings = new ArrayList<>();
        c.baseline().environment().warnings().forEach(w -> warnings.add("baseline: " + w));
        c.candidate().environment().warnings().forEach(w -> warnings.add("candidate: " + w));
        if (!warnings.isEmpty()) {
            sb.append("Noise warnings:\n\n");
            warnings.forEach(w -> sb.append("- ").append(MarkdownRenderer.esc(w)).append('\n'));
            sb.append('\n');
        }
        boolean paired = c.paired() != null;
        sb.append(paired ? "| Verdict | Change [95% CI] | Threshold | Pairs | MDE | Caught from | Base | Candidate | Benchmark |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n"
                : "| Verdict | Change [95% CI] | Threshold | Baseline | Candidate | Benchmark |\n|---|---:|---:|---:|---:|---|\n");
        for (Comparison.Pair p : pairs) {
            sb.append("| ").append(p.verdict() == Comparison.Verdict.REGRESSION ? "**regression**" : p.verdict()).append(" | ")
                    .append(change(p)).append(" | ").append(String.format(Locale.ROOT, "%.0f%%", p.threshold() * 100));
            if (paired) {
                Comparison.Detail d = c.paired().of(p.key());
                sb.append(" | ").append(d.pairs()).append(d.unsettled() > 0 ? " (+" + d.unsettled() + " unsettled)" : "")
                        .append(" | ").append(mde(c, p)).append(" | ").append(caughtFrom(c, p));
            }
            sb.append(" | ").append(MarkdownRenderer.esc(Format.score(p.baseline()))).append(" | ")
                    .append(MarkdownRenderer.esc(Format.score(p.candidate()))).append(" | ")
                    .append(MarkdownRenderer.esc(p.key().label())).append(" |\n");
        }
        String empty = paired ? " | | | | | | | | " : " | | | | | ";
        for (BenchmarkKey k : c.added()) {
            sb.append("| added").append(empty).append(MarkdownRenderer.esc(k.label())).append(" |\n");
        }
        for (BenchmarkKey k : c.removed()) {
            sb.append(allowMissing ? "| removed" : "| **missing**").append(empty).append(MarkdownRenderer.esc(k.label()))
                    .append(" |\n");
        }
        if (paired) {
            sb.append("\nThe change is the geometric mean of the within-pair ratios (candidate fork / base fork, one pair "
                    + "per round, each fork " + forkSummaryWords(c.paired().forkSummary()) + "); its 95% interval is "
                    + (c.paired().prior() != null ? "Student t's with each benchmark's spread of log ratios moderated "
                            + "towards all of theirs (empirical Bayes, Smyth 2004: limma's moderated t)"
                            : "the expanded percentile bootstrap over pairs") + ". A "
                    + "change is a regression only when the paired t-test finds it beyond the threshold after the "
                    + "Benjamini-Hochberg correction (q < 0.05) and its whole interval lies beyond the threshold; "
                    + "inconclusive means the data cannot tell (fewer than " + PairedComparison.MIN_PAIRS + " usable pairs, "
                    + "or an interval that reaches past the threshold). MDE: the smallest change these pairs would find "
                    + "(two-sided 5%, 80% power). Caught from: the smallest slowdown that would be called a regression "
                    + "with 80% power, (1 + threshold) x (1 + MDE) - 1, since the whole interval must clear the threshold "
                    + "(before the family's correction). ![change per benchmark](compare.png)\n");
            return sb.toString();
        }
        sb.append("\nA change is a regression only when Welch's t-test finds it significant (p < 0.05) and its whole 95% "
                + "bootstrap interval lies beyond the threshold; inconclusive means the interval reaches past the "
                + "threshold without clearing it. ![change per benchmark](compare.png)\n");
        return sb.toString();
    }

    static String junit(Comparison c, List<Comparison.Pair> pairs, boolean allowMissing) {
        List<BenchmarkKey> missing = allowMissing ? List.of() : c.removed();
        long failures = c.count(Comparison.Verdict.REGRESSION) + missing.size();
        int tests = pairs.size() + missing.size();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuites name=\"parbench compare\" tests=\"%d\" failures=\"%d\">%n",
                tests, failures));
        sb.append(String.format(Locale.ROOT, "  <testsuite name=\"parbench\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
                + "skipped=\"0\" time=\"0\">%n", tests, failures));
        for (Comparison.Pair p : pairs) {
            String name = p.key().label().substring(p.key().shortName().length()).trim();
            sb.append("    <testcase classname=\"").append(xml(p.key().benchmark())).append("\" name=\"")
                    .append(xml(p.key().mode() + (name.isEmpty() ? "" : " " + name))).append("\" time=\"0\">");
            String detail = p.verdict() + ": " + change(p) + ", threshold " + String.format(Locale.ROOT, "%.0f%%",
                    p.threshold() * 100) + "; baseline " + Format.score(p.baseline()) + ", candidate "
                    + Format.score(p.candidate()) + (c.paired() == null ? String.format(Locale.ROOT, "; Welch p = %.3g", p.p())
                    : String.format(Locale.ROOT, "; %d pairs, paired t p = %.3g, MDE %s, caught from %s",
                            c.paired().of(p.key()).pairs(), p.p(), mde(c, p), caughtFrom(c, p)));
            if (p.verdict() == Comparison.Verdict.REGRESSION) {
                sb.append("\n      <failure message=\"").append(xml(detail)).append("\" type=\"regression\">")
                        .append(xml(detail)).append("</failure>\n    ");
            } else {
                sb.append("\n      <system-out>").append(xml(detail)).append("</system-out>\n    ");
            }
            sb.append("</testcase>\n");
        }
        for (BenchmarkKey k : missing) {
            String name = k.label().substring(k.shortName().length()).trim();
            String detail = "missing: the baseline has this benchmark and the candidate does not (failed or removed; "
                    + "--allow-missing accepts that)";
            sb.append("    <testcase classname=\"").append(xml(k.benchmark())).append("\" name=\"")
                    .append(xml(k.mode() + (name.isEmpty() ? "" : " " + name))).append("\" time=\"0\">")
                    .append("\n      <failure message=\"").append(xml(detail)).append("\" type=\"missing\">")
                    .append(xml(detail)).append("</failure>\n    </testcase>\n");
        }
        sb.append("  </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Text.xmlSafe(s).toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> json(Comparison c, List<Comparison.Pair> pairs, boolean allowMissing) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("baseline", c.baseline().resultsFile().toString());
        root.put("candidate", c.candidate().resultsFile().toString());
        root.put("regression", c.hasRegression());
        root.put("fails", fails(c, allowMissing));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Comparison.Verdict v : Comparison.Verdict.values()) {
            counts.put(v.toString(), c.count(v));
        }
        root.put("counts", counts);
        root.put("environmentDifferences", c.environmentDifferences());
        root.put("overdispersion", c.overdispersion());
        if (c.paired() != null) {
            var d = c.paired().design();
            Map<String, Object> design = new LinkedHashMap<>();
            design.put("kind", "pairs");
            design.put("rounds", d.rounds());
            design.put("seed", d.seed());
            design.put("status", d.status());
            design.put("base", d.baseName());
            design.put("candidate", d.candidateName());
            design.put("baseJvmArgs", d.baseJvmArgs());
            design.put("candidateJvmArgs", d.candidateJvmArgs());
            design.put("secondsPerRound", finite(d.secondsPerRound()));
            design.put("forkSummary", c.paired().forkSummary().toString());
            design.put("medianMinimumDetectableEffect", finite(medianMinimumDetectableEffect(c)));
            design.put("medianCaughtFrom", finite(medianCaughtFrom(c)));
            var prior = c.paired().prior();
            design.put("moderation", prior == null ? null : Map.of("priorDf", Double.isInfinite(prior.priorDf())
                    ? "infinite" : prior.priorDf(), "priorSdLogRatio", Math.sqrt(prior.priorVariance()),
                    "benchmarks", prior.fitted()));
            root.put("design", design);
        }
        root.put("noise", noiseSentence(c));
        root.put("benchmarks", pairs.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", p.key().benchmark());
            m.put("mode", p.key().mode());
            m.put("jmhThreads", p.key().jmhThreads());
            m.put("params", p.key().params());
            m.put("verdict", p.verdict());
            m.put("ratio", finite(p.ratio().estimate()));
            m.put("ratioLow95", finite(p.ratio().low()));
            m.put("ratioHigh95", finite(p.ratio().high()));
            m.put("sampledLow95", finite(p.sampled().low()));
            m.put("sampledHigh95", finite(p.sampled().high()));
            m.put(c.paired() == null ? "welchP" : "pairedP", Double.isNaN(p.p()) ? null : p.p());
            if (c.paired() != null) {
                Comparison.Detail d = c.paired().of(p.key());
                m.put("pairs", d.pairs());
                m.put("unsettledPairs", d.unsettled());
                m.put("sdLogRatio", finite(d.sdLog()));
                m.put("minimumDetectableEffect", finite(d.minimumDetectableEffect()));
                m.put("caughtFrom", finite(d.caughtFrom()));
                m.put("moreRoundsToHalve", d.moreRoundsToHalve() < 0 ? null : d.moreRoundsToHalve());
                m.put("qRegression", finite(d.qRegression()));
            }
            m.put("threshold", p.threshold());
            m.put("baselineScore", p.baseline().mean());
            m.put("candidateScore", p.candidate().mean());
            m.put("unit", p.baseline().unit());
            return m;
        }).toList());
        root.put("added", c.added().stream().map(BenchmarkKey::label).toList());
        root.put("removed", c.removed().stream().map(BenchmarkKey::label).toList());
        return root;
    }
}
