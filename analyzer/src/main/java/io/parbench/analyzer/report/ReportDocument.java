package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.ContentionView;
import io.parbench.analyzer.analysis.Finding;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.analysis.Recommendations;
import io.parbench.analyzer.analysis.RunStatus;
import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.analysis.Throughput;
import io.parbench.analyzer.chart.ScalingCharts;
import io.parbench.analyzer.chart.ScoreCharts;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Metric;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/** Builds a report's blocks and the charts they show from an {@link Analysis}. */
public final class ReportDocument {

    /** A chart to draw: written as charts/{@code name}.png and .svg. */
    public record ChartJob(String name, Supplier<JFreeChart> chart, int width, int height) {
    }

    private final Analysis a;
    private final List<Block> blocks = new ArrayList<>();
    private final List<ChartJob> charts = new ArrayList<>();
    private final String title;

    public ReportDocument(Analysis analysis, String title) {
        this.a = analysis;
        this.title = title;
        build();
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<ChartJob> charts() {
        return charts;
    }

    private void build() {
        Environment env = a.run().environment();
        blocks.add(new Block.Heading(1, title, "top"));
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "%d benchmark%s from %s%s.", a.run().results().size(),
                a.run().results().size() == 1 ? "" : "s", a.run().resultsFile().getFileName(),
                env.present() ? ", with the run's environment.json" : " (no environment.json beside it)")));
        String status = RunStatus.of(a.run()).sentence();
        if (status != null) {
            blocks.add(new Block.Note("warning", status));
        }
        a.run().notes().forEach(n -> blocks.add(new Block.Note("info", n)));
        // The answer first (what to use, what was found, the headline chart), then the evidence, then how it was
        // measured: the machine and the method.
        recommendations();
        findings();
        int headlineAt = blocks.size();
        blocks.addAll(ClaimsSection.of(a));
        scaling();
        contention();
        plain();
        hazards();
        machine(env);
        method(env);
        secondary();
        explanations();
        headline(headlineAt);
    }

    /**
     * The results' first chart (the first workload's speedup, else the first sweep's, else the first bar chart), shown
     * once more under the answer so a reader sees the evidence before the details.
     */
    private void headline(int at) {
        blocks.stream().skip(at).filter(b -> b instanceof Block.Figure).map(b -> (Block.Figure) b).findFirst()
                .ifPresent(f -> blocks.add(at, new Block.Figure(f.name(), f.alt(), f.caption() + " The headline chart; "
                        + "the others follow.")));
    }

    private void machine(Environment env) {
        blocks.add(new Block.Heading(2, "The machine", "machine"));
        if (!env.present()) {
            blocks.add(new Block.Note("info", "No environment.json: the machine and JVM are described only by what JMH "
                    + "recorded (see the method). Runs made with scripts/parbench record the machine."));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        row(rows, "Host", env.text("machine", "hostname"));
        row(rows, "CPU", join(env.text("machine", "cpu", "model"), env.text("machine", "cpu", "vendor"),
                env.text("machine", "cpu", "microarchitecture")));
        row(rows, "Topology", String.format(Locale.ROOT, "%s package(s), %s physical core(s), %s logical CPU(s), %s NUMA node(s)",
                orQ(env.text("machine", "cpu", "physicalPackages")), orQ(env.text("machine", "cpu", "physicalCores")),
                orQ(env.text("machine", "cpu", "logicalCpus")), orQ(env.text("machine", "cpu", "numaNodes"))));
        env.number("machine", "cpu", "maxFrequencyHz").ifPresent(f -> row(rows, "Max frequency",
                String.format(Locale.ROOT, "%.2f GHz", f / 1e9)));
        for (var cache : env.json().path("machine").path("caches")) {
            row(rows, "L" + cache.path("level").asText() + " " + cache.path("type").asText(), bytes(cache.path("sizeBytes").asLong())
                    + ", " + cache.path("lineSizeBytes").asText() + " B lines, " + cache.path("associativity").asText() + "-way");
        }
        env.number("machine", "memory", "totalBytes").ifPresent(m -> row(rows, "Memory", bytes(m.longValue())));
        row(rows, "OS", join(env.text("machine", "os", "name"), "kernel " + orQ(env.text("machine", "os", "kernel"))));
        row(rows, "Virtualization", join(env.text("machine", "virtualization", "hypervisor") == null ? "no hypervisor seen"
                : "hypervisor: " + env.text("machine", "virtualization", "hypervisor"),
                env.text("machine", "virtualization", "container") == null ? null
                        : "container: " + env.text("machine", "virtualization", "container")));
        row(rows, "JVM", join(env.text("jvm", "vmName"), env.text("jvm", "version"), env.text("jvm", "vendor")));
        row(rows, "JVM parallelism", String.format(Locale.ROOT,
                "%s available processors, common ForkJoinPool %s, virtual-thread scheduler %s",
                orQ(env.text("jvm", "availableProcessors")), orQ(env.text("jvm", "commonPoolParallelism")),
                orQ(env.text("jvm", "virtualThreadParallelism"))));
        env.number("cpuActivityBefore", "busyFraction").ifPresent(busy -> row(rows, "CPU in use before the run",
                String.format(Locale.ROOT, "%.0f%% (steal %.0f%%)", busy * 100,
                        env.number("cpuActivityBefore", "stealFraction").orElse(0.0) * 100)));
        row(rows, "Load average", "before " + orQ(env.text("loadAverageBefore", "oneMinute")) + ", after "
                + orQ(env.text("loadAverageAfter", "oneMinute")) + " (1 minute; 'after' includes the run's own load)");
        blocks.add(new Block.Table(List.of("", ""), rows, new boolean[] {false, false}));
        for (String w : env.warnings()) {
            blocks.add(new Block.Note("warning", w));
        }
    }

    /** The method's row for the python suite's forks: interpreter processes, timed by the harness. */
    private void python(Environment env, List<List<String>> rows) {
        var python = env.json().path("python");
        List<BenchmarkResult> results = a.run().results().stream()
                .filter(r -> io.parbench.analyzer.analysis.Claims.isPython(a.run(), r)).toList();
        if (results.isEmpty()) {
            return;
        }
        List<String> interpreters = new ArrayList<>();
        python.path("runtimes").forEach(r -> interpreters.add(r.path("prefix").asText() + ".*: " + r.path("executable")
                .asText() + " (" + r.path("info").path("version").asText() + ", " + r.path("info").path("build").asText()
                + " build)"));
        BenchmarkResult one = results.get(0);
        row(rows, "CPython forks", String.format(Locale.ROOT, "%d interpreter process%s per benchmark (the harness "
                + "parbench_py), %d warm-up and %d measured iterations, each running operations until %s (at least "
                + "one)%s", one.forks(), one.forks() == 1 ? "" : "es", one.warmupIterations(), one.measurementIterations(),
                python.path("iterationMillis").isMissingNode() ? "its time is up"
                        : python.path("iterationMillis").asInt() + " ms have passed",
                interpreters.isEmpty() ? "" : "; " + String.join("; ", interpreters)));
    }

    private void method(Environment env) {
        blocks.add(new Block.Heading(2, "The method", "method"));
        BenchmarkResult first = a.run().results().get(0);
        List<List<String>> rows = new ArrayList<>();
        if (env.present()) {
            row(rows, "Profile", env.text("profile"));
            row(rows, "Run", join(env.text("runId"), "status " + env.text("status"),
                    env.text("durationSeconds") == null ? null : env.text("durationSeconds") + " s"));
            row(rows, "parbench", join(env.text("toolkit", "parbenchVersion"), env.text("toolkit", "gitCommit") == null ? null
                    : "commit " + env.text("toolkit", "gitCommit").substring(0, Math.min(12, env.text("toolkit", "gitCommit").length()))
                    + ("true".equals(env.text("toolkit", "gitDirty")) ? " (with local changes)" : "")));
        }
        List<BenchmarkResult> jmhResults = a.run().results().stream()
                .filter(r -> !io.parbench.analyzer.analysis.Claims.isPython(a.run(), r)).toList();
        if (!jmhResults.isEmpty()) {
            first = jmhResults.get(0);
            row(rows, "JMH", first.jmhVersion() != null ? first.jmhVersion() : env.present() ? env.text("jmh", "version")
                    : "version not recorded");
            row(rows, "Forks", Integer.toString(first.forks()));
            row(rows, "Iterations", first.warmupIterations() + " warm-up, " + first.measurementIterations() + " measured"
                    + (env.present() ? " (" + env.text("jmh", "warmupTime") + " / " + env.text("jmh", "measurementTime")
                    + " each)" : ""));
        }
        python(env, rows);
        row(rows, "Modes", a.run().results().stream().map(r -> r.key().mode()).distinct().collect(Collectors.joining(", ")));
        if (!jmhResults.isEmpty()) {
            row(rows, "JVM of the forks", join(first.vmName(), first.jdkVersion(), first.jvm()));
        }
        blocks.add(new Block.Table(List.of("", ""), rows, new boolean[] {false, false}));
        blocks.add(new Block.Paragraph("Scores are means of JMH's raw samples (one per measured iteration; every sample in "
                + "sample mode), less any warm-up segment found inside the measured iterations. The \u00b1 beside a score "
                + "is JMH's 99.9% error (Student-t over every iteration, pooled), as JMH prints it. The 95% interval is "
                + "Kalibera and Jones's with two or more forks: Student-t over the fork means, so it sees how much one JVM "
                + "differs from the next; with one fork it is Student-t over the iterations and cannot see that. Speedups divide the sequential mean by the strategy's, with a 95% "
                + "percentile-bootstrap interval (2,000 resamples, fixed seed) that resamples forks first, then "
                + "iterations. A strategy is within noise of the best when Welch's t-test (over fork means when there "
                + "are forks) with Holm's correction does not separate them at 5%, or when they are less than 3% apart; "
                + "a benchmark without a steady state is left out of every ranking, finding and recommendation."));
        blocks.addAll(PrecisionSection.of(a));
    }

    private void findings() {
        if (a.findings().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Findings", "findings"));
        for (ScalingGroup g : a.groups()) {
            blocks.add(new Block.Heading(3, g.title(), null));
            blocks.add(new Block.Bullets(a.findingsFor(g).stream().map(Finding::sentence).toList()));
        }
        long noisy = a.findings().stream().filter(f -> f.kind().equals("noise")).count();
        if (noisy > 0) {
            blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "%d of %d benchmarks are noisy (a coefficient of "
                    + "variation of %.0f%% or more) or have outliers: the Notes column of each table names them, and a "
                    + "ranking that rests on one of them deserves care.", noisy, a.run().results().size(),
                    BenchmarkStats.NOISY_CV * 100)));
        }
        List<String> unsettled = a.findings().stream().filter(f -> f.kind().equals("unsettled")).map(Finding::group)
                .toList();
        if (!unsettled.isEmpty()) {
            blocks.add(new Block.Note("warning", String.format(Locale.ROOT, "%d benchmark%s did not reach a steady state "
                    + "and carr%s no finding or recommendation: %s (the steady-state table under the method shows "
                    + "each fork).", unsettled.size(), unsettled.size() == 1 ? "" : "s", unsettled.size() == 1 ? "ies" : "y",
                    unsettled.size() > UNSETTLED_NAMED ? String.join("; ", unsettled.subList(0, UNSETTLED_NAMED))
                            + " and " + (unsettled.size() - UNSETTLED_NAMED) + " more" : String.join("; ", unsettled))));
        }
    }

    /** How many unsettled benchmarks the findings name before counting the rest. */
    static final int UNSETTLED_NAMED = 5;

    private void recommendations() {
        if (a.recommendations().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Which strategy to use", "which"));
        List<List<String>> rows = new ArrayList<>();
        for (Recommendations.Row r : a.recommendations()) {
            String workloads = r.workloads() + " workload" + (r.workloads() == 1 ? "" : "s");
            String kind = r.suite().equals("other")
                    ? "kind not recorded (" + workloads + ": no parbench environment.json says what work it is)"
                    : r.kind() + " (" + r.suite().replace("python-cpu", "python").replace("python-io", "python") + " suite, "
                            + workloads + ")";
            rows.add(List.of(kind, String.join(", ", r.use()), r.avoid().isEmpty() ? "-" : String.join(", ", r.avoid()),
                    r.reason()));
        }
        blocks.add(new Block.Table(List.of("Kind of work", "Use", "Avoid", "Why (measured here)"), rows,
                new boolean[] {false, false, false, false}));
        blocks.add(new Block.Paragraph("Measured on this machine only: rerun on the machine you deploy to. CPU-bound work "
                + "cannot use more threads than cores; I/O-bound work can, which is where virtual threads and async pay."));
    }

    private void scaling() {
        if (a.groups().isEmpty()) {
            return;
        }
        Environment env = a.run().environment();
        var machine = new ScalingCharts.Machine(env.physicalCores().orElse(0), env.logicalCpus().orElse(0),
                env.numaNodes().orElse(0));
        blocks.add(new Block.Heading(2, "Results by workload", "results"));
        String suite = null;
        int index = 0;
        for (ScalingGroup g : a.groups()) {
            if (!g.suite().equals(suite)) {
                suite = g.suite();
                blocks.add(new Block.Heading(3, "Suite: " + suite, "suite-" + slug(suite)));
            }
            index++;
            String base = String.format(Locale.ROOT, "%02d-%s", index, slug(g.title()));
            blocks.add(new Block.Heading(4, g.title(), base));
            var io = Throughput.of(g);
            if (io.isPresent()) {
                Throughput t = io.get();
                charts.add(new ChartJob(base + "-throughput", () -> ScalingCharts.throughput(t), 900, 520));
                charts.add(new ChartJob(base + "-time", () -> ScalingCharts.timeVsConcurrency(g), 900, 520));
                blocks.add(new Block.Figure(base + "-throughput", "Throughput vs tasks in flight for " + g.title(),
                        "Tasks per second (" + t.tasks() + " tasks per operation / time per operation) with 95% intervals"
                                + (Double.isNaN(t.latencyMs()) ? "" : "; dashed: the limit, tasks in flight / "
                                        + Format.num(t.latencyMs()) + " ms") + "; dotted: sequential. Both axes are "
                                + "logarithmic."));
                blocks.add(new Block.Figure(base + "-time", "Time per operation vs tasks in flight for " + g.title(),
                        "Mean with 99.9% intervals; dotted: sequential. Both axes are logarithmic."));
            } else {
                charts.add(new ChartJob(base + "-speedup", () -> ScalingCharts.speedup(g, machine), 900, 520));
                charts.add(new ChartJob(base + "-efficiency", () -> ScalingCharts.efficiency(g, machine), 900, 520));
                charts.add(new ChartJob(base + "-time", () -> ScalingCharts.time(g), 900, 520));
                blocks.add(new Block.Figure(base + "-speedup", "Speedup vs threads for " + g.title(),
                        "Speedup over sequential with 95% bootstrap intervals; dashed: ideal; dotted: the law fitted to the "
                                + "best strategy; vertical lines: the machine's cores."));
                blocks.add(new Block.Figure(base + "-efficiency", "Efficiency vs threads for " + g.title(),
                        "Efficiency = speedup / threads."));
                blocks.add(new Block.Figure(base + "-time", "Time per operation by strategy for " + g.title(),
                        "Mean with 99.9% intervals, per strategy and thread count."));
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("sequential", "1", Format.score(g.baseline()), ci95(g.baseline()), "1.00x", "100%", "",
                    g.baseline().noiseNote()));
            for (ScalingGroup.Curve c : g.curves()) {
                for (ScalingGroup.Point p : c.points()) {
                    rows.add(List.of(c.strategy(), Integer.toString(p.threads()), Format.score(p.stats()), ci95(p.stats()),
                            Format.speedup(p.speedup()), Format.percent(p.efficiency()),
                            Double.isNaN(p.karpFlatt()) ? "" : Format.num(p.karpFlatt()), p.stats().noiseNote()));
                }
            }
            if (io.isPresent()) {
                Throughput t = io.get();
                List<List<String>> ioRows = new ArrayList<>();
                ioRows.add(List.of("sequential", "1", Format.score(g.baseline()), Format.num(t.sequential().perSecond()),
                        Double.isNaN(t.latencyMs()) ? "-" : Format.num(t.limit(1)), "1.00x", g.baseline().noiseNote()));
                for (int ci = 0; ci < g.curves().size(); ci++) {
                    ScalingGroup.Curve c = g.curves().get(ci);
                    for (int pi = 0; pi < c.points().size(); pi++) {
                        ScalingGroup.Point p = c.points().get(pi);
                        Throughput.Point tp = t.curves().get(ci).points().get(pi);
                        ioRows.add(List.of(c.strategy(), Integer.toString(p.threads()), Format.score(p.stats()),
                                Format.num(tp.perSecond()), Double.isNaN(t.latencyMs()) ? "-" : Format.num(t.limit(p.threads())),
                                Format.speedup(p.speedup()), p.stats().noiseNote()));
                    }
                }
                blocks.add(new Block.Table(List.of("Strategy", "In flight", "Time per operation (99.9% CI)", "Tasks/s",
                        "Limit (tasks/s)", "Speedup [95% CI]", "Notes"), ioRows,
                        new boolean[] {false, true, true, true, true, true, false}));
                blocks.add(new Block.Paragraph("No Amdahl or USL fit here: those laws model threads competing for processors, "
                        + "and these tasks mostly wait."));
                continue;
            }
            blocks.add(new Block.Table(List.of("Strategy", "Threads", "Score (99.9% CI)", "95% CI", "Speedup [95% CI]",
                    "Efficiency", "Karp-Flatt", "Notes"), rows, new boolean[] {false, true, true, true, true, true, true, false}));
            List<List<String>> fits = new ArrayList<>();
            for (ScalingGroup.Curve c : g.curves()) {
                ScalingGroup.Fit law = g.weak() ? c.gustafson() : c.amdahl();
                fits.add(List.of(c.strategy(),
                        law.ok() ? Format.percent(law.serialFraction()) + (law.hasInterval() ? " [" + Format.percent(law.low())
                                + ", " + Format.percent(law.high()) + "]" : "") + " (1.." + law.upTo() + " threads)" : "-",
                        law.ok() && !g.weak() ? (Double.isInfinite(law.ceiling()) ? "none" : Format.num(law.ceiling()) + "x") : "-",
                        c.usl() == null ? "-" : Format.withInterval(c.usl().sigma(), c.usl().sigmaInterval()),
                        c.usl() == null ? "-" : Format.withInterval(c.usl().kappa(), c.usl().kappaInterval()),
                        c.usl() == null ? "-" : Double.isInfinite(c.usl().peakConcurrency()) ? "none"
                                : Format.withInterval(c.usl().peakConcurrency(), c.usl().peakInterval()),
                        joinWith("; ", law.note(), c.usl() == null ? c.uslNote() : uslExtrapolation(c))));
            }
            blocks.add(new Block.Table(List.of("Strategy", g.weak() ? "Gustafson serial fraction" : "Amdahl serial fraction",
                    "Ceiling", "USL sigma [95% CI]", "USL kappa [95% CI]", "USL peak threads [95% CI]", "Notes"), fits,
                    new boolean[] {false, true, true, true, true, true, false}));
        }
    }

    /** Where the USL's peak (or its interval) lies past the measured thread counts, and what that means. */
    private static String uslExtrapolation(ScalingGroup.Curve c) {
        double peak = c.usl().peakConcurrency();
        int measured = c.points().stream().mapToInt(ScalingGroup.Point::threads).max().orElse(0);
        var ci = c.usl().peakInterval();
        if (Double.isFinite(peak) && (peak > measured || (ci.known() && ci.high() > measured))) {
            return "USL peak extrapolated past the " + measured + " threads measured";
        }
        return "";
    }

    private void contention() {
        if (a.contention().isEmpty()) {
            return;
        }
        boolean allJmh = a.contention().stream().allMatch(ContentionView::jmhThreads);
        blocks.add(new Block.Heading(2, allJmh ? "Contention" : "Concurrency sweeps", "contention"));
        blocks.add(new Block.Paragraph(allJmh
                ? "Benchmarks whose JMH threads are the contenders (one shared object, several threads using it): score "
                        + "against contenders, a line per variant. Beyond the cores, contenders take turns on the CPUs as "
                        + "well as on the object."
                : "Benchmarks swept over a concurrency axis (JMH's threads, or a param such as threads, parallelism or "
                        + "workers; --scaling-param names another): score against the axis, a line per value of one "
                        + "other param, a view per combination of the rest."));
        blocks.add(new Block.Paragraph("Gain is measured against each line's lowest axis value, with a 95% bootstrap "
                + "interval (forks resampled first): the speedup of one operation when the axis is a param, the "
                + "throughput of all threads together when it is JMH's threads (their time per operation is each "
                + "thread's). Efficiency is the gain divided by the axis's growth; the Universal Scalability Law is "
                + "fitted where a line has four axis values or more."));
        int index = 0;
        for (ContentionView v : a.contention()) {
            index++;
            String name = String.format(Locale.ROOT, "c%02d-%s", index, slug(v.title()));
            blocks.add(new Block.Heading(3, v.title(), name));
            explain(v.title());
            charts.add(new ChartJob(name, () -> ScoreCharts.contention(v), 900, 560));
            blocks.add(new Block.Figure(name, v.title() + " vs " + (v.jmhThreads() ? "contenders" : v.axis()),
                    "Mean with 99.9% intervals per variant."));
            String axis = v.jmhThreads() ? "Contenders" : v.axis();
            List<List<String>> rows = new ArrayList<>();
            for (var e : v.series().entrySet()) {
                ContentionView.Scaling sc = v.scaling().get(e.getKey());
                for (int i = 0; i < e.getValue().size(); i++) {
                    ContentionView.Point p = e.getValue().get(i);
                    String secondary = p.stats().result().secondary().values().stream()
                            .filter(m -> !m.name().startsWith("·") && !m.name().contains(":"))
                            .map(m -> m.name() + " " + Format.num(m.score()) + " " + m.unitText())
                            .collect(Collectors.joining("; "));
                    ContentionView.Gain g = sc.gains().isEmpty() ? null : sc.gains().get(i);
                    rows.add(List.of(e.getKey(), Integer.toString(p.contenders()), Format.score(p.stats()), ci95(p.stats()),
                            g == null ? "-" : Format.speedup(g.gain()), g == null ? "-" : Format.percent(g.efficiency()),
                            g == null || Double.isNaN(g.karpFlatt()) ? "-" : Format.num(g.karpFlatt()),
                            secondary, p.stats().noiseNote()));
                }
            }
            blocks.add(new Block.Table(List.of("Variant", axis, "Score (99.9% CI)", "95% CI", "Gain [95% CI]", "Efficiency",
                    "Karp-Flatt", "Secondary metrics", "Notes"), rows,
                    new boolean[] {false, true, true, true, true, true, true, false, false}));
            List<List<String>> fits = new ArrayList<>();
            for (var e : v.scaling().entrySet()) {
                UniversalScalability usl = e.getValue().usl();
                if (usl == null) {
                    continue;
                }
                int measured = v.series().get(e.getKey()).stream().mapToInt(ContentionView.Point::contenders).max().orElse(0);
                var peakCi = usl.peakInterval();
                boolean beyond = Double.isFinite(usl.peakConcurrency())
                        && (usl.peakConcurrency() > measured || (peakCi.known() && peakCi.high() > measured));
                fits.add(List.of(e.getKey(), Format.withInterval(usl.sigma(), usl.sigmaInterval()),
                        Format.withInterval(usl.kappa(), usl.kappaInterval()),
                        Double.isInfinite(usl.peakConcurrency()) ? "none" : Format.withInterval(usl.peakConcurrency(), peakCi),
                        beyond ? "peak extrapolated past the " + measured + " measured" : ""));
            }
            if (!fits.isEmpty()) {
                blocks.add(new Block.Table(List.of("Variant", "USL sigma [95% CI]", "USL kappa [95% CI]",
                        "Peak " + axis + " [95% CI]", "Notes"), fits, new boolean[] {false, true, true, true, false}));
            }
        }
    }

    /** The one-paragraph explanation of a parbench sync benchmark, when the title starts with its class name. */
    private void explain(String title) {
        String name = title.split("[ .(]")[0];
        String text = Explanations.BENCHMARKS.get(name);
        if (text != null) {
            blocks.add(new Block.Paragraph(text));
        }
    }

    private void hazards() {
        var hazards = io.parbench.analyzer.io.HazardsReader.read(a.run().resultsFile().toAbsolutePath().getParent());
        if (hazards.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Hazards", "hazards"));
        blocks.add(new Block.Paragraph("What goes wrong when coordination is missing or wrong, each demonstrated and "
                + "measured on this machine" + (hazards.get().jdk() == null ? "" : " (JDK " + hazards.get().jdk() + ")")
                + " by parbench hazards."));
        List<List<String>> rows = new ArrayList<>();
        for (var h : hazards.get().hazards()) {
            rows.add(List.of(h.hazard(), h.outcome(), h.lesson()));
        }
        blocks.add(new Block.Table(List.of("Hazard", "Measured outcome", "Lesson"), rows, new boolean[] {false, false, false}));
    }

    private void plain() {
        if (a.plain().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, a.groups().isEmpty() ? "Results" : "Other benchmarks", "plain"));
        int index = 0;
        for (Analysis.PlainGroup g : a.plain()) {
            index++;
            String name = String.format(Locale.ROOT, "p%03d-%s", index, slug(g.title()));
            blocks.add(new Block.Heading(3, g.title(), name));
            explain(g.title());
            List<List<String>> split = seriesAndCategories(g.stats());
            charts.add(new ChartJob(name, () -> ScoreCharts.scores(g.title(), g.unit(), g.stats(), split.get(0), split.get(1)),
                    900, ScoreCharts.height(g.stats().size())));
            blocks.add(new Block.Figure(name, "Scores of " + g.title(), "Mean with 99.9% intervals."));
            // sample mode times every operation: its median and p99 say more than the mean (timers, latencies)
            boolean sampled = g.stats().stream().anyMatch(s -> !quantiles(s).isEmpty());
            List<List<String>> rows = new ArrayList<>();
            for (BenchmarkStats s : g.stats()) {
                List<String> row = new ArrayList<>(List.of(s.result().key().shortName(), params(s.result()),
                        s.result().key().mode(), Format.score(s), ci95(s)));
                if (sampled) {
                    row.add(quantiles(s));
                }
                row.addAll(List.of(Long.toString(s.n()), Double.isNaN(s.cv()) ? "n/a" : Format.percent(s.cv()), s.noiseNote()));
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of("Benchmark", "Params", "Mode", "Score (99.9% CI)", "95% CI"));
            if (sampled) {
                headers.add("Median / p99");
            }
            headers.addAll(List.of("Samples", "CV", "Notes"));
            boolean[] right = new boolean[headers.size()];
            for (int i = 3; i < right.length - 1; i++) {
                right[i] = true;
            }
            blocks.add(new Block.Table(headers, rows, right));
        }
    }

    private void secondary() {
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkResult r : a.run().results()) {
            for (Metric m : r.secondary().values()) {
                rows.add(List.of(r.key().label(), m.name(), Format.num(m.score()) + (Double.isNaN(m.jmhError()) ? ""
                        : " ± " + Format.num(m.jmhError())) + " " + m.unitText()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Secondary metrics", "secondary"));
        blocks.add(new Block.Paragraph("What profilers and @AuxCounters added (for example -prof gc's allocation rate), as JMH "
                + "reported them."));
        blocks.add(new Block.Table(List.of("Benchmark", "Metric", "Score"), rows, new boolean[] {false, false, true}));
    }

    private void explanations() {
        blocks.add(new Block.Heading(2, "How to read this report", "explanations"));
        boolean ioGroups = a.groups().stream().anyMatch(Throughput::applies);
        for (String[] topic : Explanations.TOPICS) {
            if (topic[0].startsWith("Throughput, concurrency") ? ioGroups
                    : !a.groups().isEmpty() || topic[0].equals("Reading the numbers")) {
                blocks.add(new Block.Heading(3, topic[0], null));
                blocks.add(new Block.Paragraph(topic[1]));
            }
        }
    }

    /**
     * How to lay out a plain group's bars: when every benchmark has the same params and one dimension (a param, or
     * the method name when there are several) has 2 to 4 values, that dimension colours the bars and the rest labels
     * them (HandOffLatency: platform and virtual side by side per mechanism); otherwise one bar per benchmark.
     */
    static List<List<String>> seriesAndCategories(List<BenchmarkStats> stats) {
        List<Map<String, String>> dims = new ArrayList<>();
        for (BenchmarkStats s : stats) {
            Map<String, String> d = new java.util.TreeMap<>(s.result().key().params());
            String b = s.result().key().benchmark();
            d.put("", b.substring(b.lastIndexOf('.') + 1)); // the method
            dims.add(d);
        }
        List<String> labels = stats.stream().map(s -> barLabel(s.result())).toList();
        java.util.Set<java.util.Set<String>> keySets = new java.util.HashSet<>();
        dims.forEach(d -> keySets.add(d.keySet()));
        String chosen = null;
        long fewest = Long.MAX_VALUE;
        if (keySets.size() == 1) {
            for (String key : dims.get(0).keySet()) {
                long distinct = dims.stream().map(d -> d.get(key)).distinct().count();
                if (distinct >= 2 && distinct <= 4 && distinct < stats.size() && distinct < fewest) {
                    chosen = key;
                    fewest = distinct;
                }
            }
        }
        if (chosen == null) {
            return List.of(java.util.Collections.nCopies(stats.size(), "score"), labels);
        }
        List<String> series = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (Map<String, String> d : dims) {
            String key = chosen;
            series.add(key.isEmpty() ? d.get(key) : key + "=" + d.get(key));
            boolean oneMethod = dims.stream().map(x -> x.get("")).distinct().count() == 1;
            categories.add(d.entrySet().stream().filter(e -> !e.getKey().equals(key) && !(e.getKey().isEmpty() && oneMethod))
                    .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return List.of(series, categories);
    }

    private static String barLabel(BenchmarkResult r) {
        String p = params(r);
        String name = r.key().benchmark().substring(r.key().benchmark().lastIndexOf('.') + 1);
        return p.isEmpty() ? name : name + " " + p;
    }

    private static String params(BenchmarkResult r) {
        return r.key().params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Median and 99th percentile of a sample-mode benchmark's samples (each one operation's time), else "". */
    private static String quantiles(BenchmarkStats s) {
        if (!s.result().key().mode().equals("sample") || s.result().primary().samples().isEmpty()) {
            return "";
        }
        double[] v = s.result().primary().samples().expanded(2_000_000);
        java.util.Arrays.sort(v);
        return Format.num(v[(int) Math.min(v.length - 1, Math.floor(0.5 * v.length))]) + " / "
                + Format.num(v[(int) Math.min(v.length - 1, Math.floor(0.99 * v.length))]) + " " + s.unit();
    }

    private static String ci95(BenchmarkStats s) {
        return Double.isNaN(s.ci95()) ? "n/a" : "[" + Format.num(Math.max(0, s.mean() - s.ci95())) + ", " + Format.num(s.mean() + s.ci95()) + "]";
    }

    /** A file-name-safe, lower-case version of a title. */
    public static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug.isEmpty() ? "x" : slug;
    }

    private static void row(List<List<String>> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(key, value));
        }
    }

    private static String join(String... parts) {
        return joinWith(", ", parts);
    }

    /** The non-blank parts joined by {@code separator}. */
    private static String joinWith(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    private static String orQ(String s) {
        return s == null ? "?" : s;
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return b >= 1024 ? (b >> 10) + " KiB" : b + " B";
    }

    /** Metadata for summary.json: the machine in a line. */
    Map<String, Object> machineSummary() {
        Environment env = a.run().environment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", env.text("machine", "cpu", "model"));
        m.put("physicalCores", env.physicalCores().orElse(null));
        m.put("logicalCpus", env.logicalCpus().orElse(null));
        m.put("jvm", env.text("jvm", "version"));
        return m;
    }
}
