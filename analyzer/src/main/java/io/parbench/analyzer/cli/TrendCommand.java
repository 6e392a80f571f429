package io.parbench.analyzer.cli;

import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ChangePoints;
import java.util.Arrays;
import java.util.Locale;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.Comparison;
import io.parbench.analyzer.chart.ChartFiles;
import io.parbench.analyzer.chart.TrendChart;
import io.parbench.analyzer.io.HistoryStore;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.OutputFolder;
import io.parbench.analyzer.io.Text;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.MarkdownRenderer;
import io.parbench.analyzer.report.ReportDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trend}: every benchmark's score across the history of one machine type, regressions marked. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "Draws each benchmark's score across the history (one machine type) with its 95% intervals, and marks "
                + "where it regressed against the run before (the same test as compare), and names the runs where its "
                + "level stepped (change points: E-divisive means with a t-test, as Apache Otava finds them), with "
                + "each step's size and interval. Writes trend.md and charts/.",
        footer = {"", "Examples:", "  parbench trend", "  parbench trend --machine amd-epyc-2cpu-23g --include Primes --out /tmp/trend"})
public final class TrendCommand implements Callable<Integer> {

    @Option(names = "--history", paramLabel = "DIR", description = "The history folder (default: history/).")
    Path history;

    @Option(names = "--machine", paramLabel = "KEY", description = "The machine type (default: that of the newest run).")
    String machine;

    @Option(names = "--include", paramLabel = "REGEX", description = "Only benchmarks whose name or params match.")
    String include;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5", description = "As for compare (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--out", paramLabel = "DIR", description = "Where trend.md and charts/ go (default: trend/ in the history).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Pattern pattern; // checked before anything is read
        try {
            pattern = include == null ? null : Pattern.compile(include);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new InputException("--include '" + include + "' is not a regular expression: " + e.getDescription());
        }
        HistoryStore store = new HistoryStore(HistoryCommand.defaultRoot(history));
        List<HistoryStore.Entry> entries = store.entries();
        if (entries.isEmpty()) {
            throw new InputException(store.root(), "holds no run; add runs with 'parbench history add <run>'");
        }
        String key = machine != null ? machine : entries.get(entries.size() - 1).machine();
        List<HistoryStore.Entry> runs = new ArrayList<>();
        List<Run> loaded = new ArrayList<>();
        for (HistoryStore.Entry e : entries) {
            if (!java.util.Objects.equals(key, e.machine())) {
                continue;
            }
            try {
                loaded.add(store.read(e)); // validates the entry's path and time first
                runs.add(e);
            } catch (InputException bad) {
                System.err.println("parbench: skipped a history entry: " + Text.terminal(bad.getMessage()));
            }
        }
        if (runs.isEmpty()) {
            throw new InputException(store.root(), "holds no run of machine type '" + key + "'");
        }
        double t = CompareCommand.percent(threshold, "--threshold");
        Map<BenchmarkKey, List<TrendChart.Point>> series = new LinkedHashMap<>();
        Map<BenchmarkKey, String> units = new LinkedHashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            String label = HistoryStore.label(runs.get(i));
            Comparison vsPrevious = null;
            if (i > 0) {
                try {
                    vsPrevious = Comparison.of(loaded.get(i - 1), loaded.get(i), t, List.of(), Comparison.MIN_RESAMPLES);
                } catch (InputException e) {
                    vsPrevious = null; // nothing in common, or too few samples: no marks for this run
                }
            }
            Map<BenchmarkResult, BenchmarkStats> stats = Analysis.stats(loaded.get(i));
            for (BenchmarkResult r : loaded.get(i).results()) {
                if (pattern != null && !pattern.matcher(r.key().benchmark() + " " + r.key().label()).find()) {
                    continue;
                }
                BenchmarkStats s = stats.get(r);
                boolean regressed = vsPrevious != null && vsPrevious.pairs().stream()
                        .anyMatch(p -> p.key().equals(r.key()) && p.verdict() == io.parbench.analyzer.analysis.Comparison.Verdict.REGRESSION);
                series.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new TrendChart.Point(label, s.mean(), s.ci95(),
                        regressed));
                units.putIfAbsent(r.key(), r.primary().unitText());
            }
        }
        Path target = (out != null ? out : store.root().resolve("trend")).toAbsolutePath();
        OutputFolder folder = OutputFolder.open(target, "trend", List.of(store.root().resolve("index.json")));
        try {
            writeTrend(folder.staging(), key, runs.size(), series, units);
            folder.commit();
        } finally {
            folder.abandon();
        }
        System.out.println(target.resolve("trend.md"));
        return 0;
    }

    /**
     * The steps in one benchmark's history ({@link ChangePoints}: E-divisive means proposes, a t-test at p < 0.001
     * accepts), each named by the first run after it, with its size and the 95% bootstrap interval of the ratio of the
     * two sides' means.
     */
    static String steps(List<TrendChart.Point> points) {
        double[] means = points.stream().mapToDouble(TrendChart.Point::score).toArray();
        List<ChangePoints.Step> steps = ChangePoints.of(means);
        if (steps.isEmpty()) {
            return means.length < 2 * ChangePoints.MIN_SIDE ? "" : "No change point (E-divisive means, t-test p < 0.001).\n\n";
        }
        StringBuilder sb = new StringBuilder("Change points (E-divisive means, t-test p < 0.001, as Apache Otava finds "
                + "them):\n\n");
        Bootstrap bootstrap = new Bootstrap(Comparison.MIN_RESAMPLES, Bootstrap.SEED);
        int from = 0;
        for (int k = 0; k < steps.size(); k++) {
            ChangePoints.Step st = steps.get(k);
            int to = k + 1 < steps.size() ? steps.get(k + 1).index() : means.length;
            Bootstrap.Interval ratio = bootstrap.ratioOfMeans(Samples.of(Arrays.copyOfRange(means, st.index(), to)),
                    Samples.of(Arrays.copyOfRange(means, from, st.index())), 0.95);
            sb.append(String.format(Locale.ROOT, "- at run %s: %+.1f%% [%+.1f%%, %+.1f%%], p = %.2g%n",
                    MarkdownRenderer.esc(points.get(st.index()).run()), (ratio.estimate() - 1) * 100,
                    (ratio.low() - 1) * 100, (ratio.high() - 1) * 100, st.p()));
            from = st.index();
        }
        return sb.append('\n').toString();
    }

    private void writeTrend(Path target, String key, int runCount, Map<BenchmarkKey, List<TrendChart.Point>> series,
            Map<BenchmarkKey, String> units) throws java.io.IOException {
        Files.createDirectories(target.resolve("charts"));
        StringBuilder md = new StringBuilder("# parbench trend: " + MarkdownRenderer.esc(key) + "\n\n" + runCount
                + " runs, oldest first. Large red points: a regression against the run before (as compare judges it, "
                + "threshold " + threshold + "%).\n\n");
        int index = 0;
        for (var e : series.entrySet()) {
            String name = String.format(java.util.Locale.ROOT, "%03d-%s", ++index, ReportDocument.slug(e.getKey().label()));
            ChartFiles.write(TrendChart.of(e.getKey().label(), units.get(e.getKey()), e.getValue()), target.resolve("charts"),
                    name, 900, 420);
            long regressions = e.getValue().stream().filter(TrendChart.Point::regression).count();
            md.append("## ").append(MarkdownRenderer.esc(e.getKey().label())).append("\n\n")
                    .append(regressions == 0 ? "No regression.\n\n" : regressions + " regression(s).\n\n")
                    .append(steps(e.getValue()))
                    .append("![trend](charts/").append(name).append(".png)\n\n");
        }
        Files.writeString(target.resolve("trend.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
