package io.parbench.analyzer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.ContentionView;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.chart.ChartFiles;
import io.parbench.analyzer.io.CsvWriter;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.LatexWriter;
import io.parbench.analyzer.io.OutputFolder;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.stats.UniversalScalability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a report folder: index.html, report.md, summary.json, charts/*.png|svg, tables/*.csv|tex. Everything is
 * written into a temporary sibling folder first and moved into place only when complete ({@link OutputFolder}), so a
 * failure leaves any report already there untouched and a folder of the user's is never replaced.
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final java.util.function.BiConsumer<String, Long> timing;

    /** A writer that reports nothing about its phases. */
    public ReportWriter() {
        this((phase, nanos) -> { });
    }

    /** A writer that tells {@code timing} how many nanoseconds each phase took (for --verbose). */
    public ReportWriter(java.util.function.BiConsumer<String, Long> timing) {
        this.timing = timing;
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        timing.accept(phase, now - since);
        return now;
    }

    /**
     * Writes the report of {@code analysis} into {@code out} and returns the path of its index.html. {@code out} must
     * be new, empty or an earlier report (see {@link OutputFolder}); it may not hold the run being reported.
     */
    public Path write(Analysis analysis, Path out, String title) throws IOException {
        OutputFolder folder = OutputFolder.open(out, "report", List.of(analysis.run().resultsFile()));
        Path tmp = folder.staging();
        try {
            Files.createDirectories(tmp.resolve("charts"));
            Files.createDirectories(tmp.resolve("tables"));
            long t = System.nanoTime();
            ReportDocument doc = new ReportDocument(analysis, title);
            t = lap("document", t);
            drawCharts(doc, tmp.resolve("charts"));
            t = lap("charts (" + doc.charts().size() + ")", t);
            Files.writeString(tmp.resolve("index.html"), HtmlRenderer.render(doc), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.md"), MarkdownRenderer.render(doc), StandardCharsets.UTF_8);
            t = lap("html + markdown", t);
            JSON.writeValue(tmp.resolve("summary.json").toFile(), SummaryJson.of(analysis, doc));
            t = lap("summary.json", t);
            writeTables(analysis, tmp.resolve("tables"));
            t = lap("tables", t);
            return folder.commit().resolve("index.html");
        } finally {
            folder.abandon();
        }
    }

    private static void drawCharts(ReportDocument doc, Path dir) {
        Fonts.check();
        try {
            doc.charts().parallelStream().forEach(job -> {
                try {
                    ChartFiles.write(job.chart().get(), dir, job.name(), job.width(), job.height());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new InputException(dir, "a chart could not be written (" + e.getCause().getMessage() + ")");
        }
    }

    private static void writeTables(Analysis a, Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkResult r : a.run().results()) {
            BenchmarkStats s = a.stats().get(r);
            rows.add(List.of(r.key().benchmark(), r.key().mode(), Integer.toString(r.key().jmhThreads()),
                    r.key().params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")),
                    raw(s.mean()), raw(s.ci999()), raw(s.mean() - s.ci95()), raw(s.mean() + s.ci95()), s.unit(),
                    Long.toString(s.n()), raw(s.cv()), Integer.toString(s.outliers())));
        }
        Files.writeString(dir.resolve("results.csv"), CsvWriter.write(List.of("benchmark", "mode", "jmh_threads", "params",
                "score", "error_999", "ci95_low", "ci95_high", "unit", "samples", "cv", "outliers"), rows));

        if (!a.groups().isEmpty()) {
            List<List<String>> scaling = new ArrayList<>();
            for (ScalingGroup g : a.groups()) {
                for (ScalingGroup.Curve c : g.curves()) {
                    for (ScalingGroup.Point p : c.points()) {
                        scaling.add(List.of(g.title(), c.strategy(), Integer.toString(p.threads()), raw(p.stats().mean()),
                                p.stats().unit(), raw(p.stats().ci999()), raw(p.speedup().estimate()), raw(p.speedup().low()),
                                raw(p.speedup().high()), raw(p.efficiency()), raw(p.karpFlatt())));
                    }
                }
            }
            Files.writeString(dir.resolve("scaling.csv"), CsvWriter.write(List.of("workload", "strategy", "threads", "score",
                    "unit", "error_999", "speedup", "speedup_low95", "speedup_high95", "efficiency", "karp_flatt"), scaling));
        }
        // One LaTeX table per suite (plain JMH benchmarks form the suite "other").
        Map<String, List<List<String>>> bySuite = new TreeMap<>();
        for (ScalingGroup g : a.groups()) {
            List<List<String>> t = bySuite.computeIfAbsent(g.suite(), k -> new ArrayList<>());
            t.add(List.of(g.title(), "sequential", "1", Format.score(g.baseline()), "1.00x"));
            for (ScalingGroup.Curve c : g.curves()) {
                for (ScalingGroup.Point p : c.points()) {
                    t.add(List.of(g.title(), c.strategy(), Integer.toString(p.threads()), Format.score(p.stats()),
                            Format.speedup(p.speedup())));
                }
            }
        }
        for (var e : bySuite.entrySet()) {
            Files.writeString(dir.resolve(ReportDocument.slug(e.getKey()) + ".tex"), LatexWriter.table("Suite " + e.getKey()
                    + ": score (99.9\u00a0% CI) and speedup over sequential [95\u00a0% CI]", List.of("Workload", "Strategy",
                    "Threads", "Score", "Speedup"), e.getValue(), new boolean[] {false, false, true, true, true}));
        }
        if (!a.plain().isEmpty()) {
            List<List<String>> plain = new ArrayList<>();
            a.plain().forEach(g -> g.stats().forEach(s -> plain.add(List.of(s.result().key().shortName(),
                    s.result().key().params().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                            .collect(Collectors.joining(", ")), s.result().key().mode(), Format.score(s)))));
            Files.writeString(dir.resolve(a.groups().isEmpty() ? "benchmarks.tex" : "other.tex"), LatexWriter.table(
                    "Scores (99.9\u00a0% CI)", List.of("Benchmark", "Params", "Mode", "Score"), plain,
                    new boolean[] {false, false, false, true}));
        }
    }

    static String raw(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    /** Figures a report's summary.json holds, with NaN written as null. */
    static final class SummaryJson {
        private SummaryJson() {
        }

        static Map<String, Object> of(Analysis a, ReportDocument doc) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schemaVersion", 1);
            root.put("source", a.run().resultsFile().toString());
            root.put("benchmarks", a.run().results().size());
            root.put("machine", doc.machineSummary());
            root.put("warnings", a.run().environment().warnings());
            List<Object> groups = new ArrayList<>();
            for (ScalingGroup g : a.groups()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("title", g.title());
                gm.put("benchmark", g.benchmark());
                gm.put("suite", g.suite());
                gm.put("params", g.fixedParams());
                gm.put("scaling", g.weak() ? "weak" : "strong");
                gm.put("baseline", Map.of("score", g.baseline().mean(), "unit", g.baseline().unit()));
                List<Object> curves = new ArrayList<>();
                for (ScalingGroup.Curve c : g.curves()) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("strategy", c.strategy());
                    cm.put("points", c.points().stream().map(p -> {
                        Map<String, Object> pm = new LinkedHashMap<>();
                        pm.put("threads", p.threads());
                        pm.put("score", n(p.stats().mean()));
                        pm.put("error999", n(p.stats().ci999()));
                        pm.put("speedup", n(p.speedup().estimate()));
                        pm.put("speedupLow95", n(p.speedup().low()));
                        pm.put("speedupHigh95", n(p.speedup().high()));
                        pm.put("efficiency", n(p.efficiency()));
                        pm.put("karpFlatt", n(p.karpFlatt()));
                        return pm;
                    }).toList());
                    ScalingGroup.Fit fit = g.weak() ? c.gustafson() : c.amdahl();
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("law", g.weak() ? "gustafson" : "amdahl");
                    fm.put("serialFraction", n(fit.serialFraction()));
                    fm.put("serialFractionLow", n(fit.low()));
                    fm.put("serialFractionHigh", n(fit.high()));
                    fm.put("upToThreads", fit.upTo());
                    fm.put("note", fit.note());
                    cm.put("fit", fm);
                    if (c.usl() != null) {
                        cm.put("usl", usl(c.usl()));
                    } else {
                        cm.put("usl", Map.of("note", c.uslNote()));
                    }
                    curves.add(cm);
                }
                gm.put("curves", curves);
                gm.put("rankings", g.rankings().stream().map(r -> Map.of("threads", r.threads(), "entries",
                        r.entries().stream().map(e -> {
                            Map<String, Object> em = new LinkedHashMap<>();
                            em.put("strategy", e.strategy());
                            em.put("ratioToBest", n(e.ratio()));
                            em.put("adjustedP", n(e.adjustedP()));
                            em.put("verdict", e.verdict().text());
                            return em;
                        }).toList())).toList());
                groups.add(gm);
            }
            root.put("workloads", groups);
            root.put("sweeps", a.contention().stream().map(v -> {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("title", v.title());
                vm.put("unit", v.unit());
                vm.put("axis", v.jmhThreads() ? "jmhThreads" : v.axis());
                vm.put("concurrency", v.concurrency());
                vm.put("series", v.series().entrySet().stream().map(e -> {
                    ContentionView.Scaling sc = v.scaling().get(e.getKey());
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("label", e.getKey());
                    List<Map<String, Object>> points = new ArrayList<>();
                    for (int i = 0; i < e.getValue().size(); i++) {
                        ContentionView.Point p = e.getValue().get(i);
                        Map<String, Object> pm = new LinkedHashMap<>();
                        pm.put("value", p.contenders());
                        pm.put("score", n(p.stats().mean()));
                        if (sc != null && !sc.gains().isEmpty()) {
                            ContentionView.Gain g = sc.gains().get(i);
                            pm.put("gain", n(g.gain().estimate()));
                            pm.put("gainLow95", n(g.gain().low()));
                            pm.put("gainHigh95", n(g.gain().high()));
                            pm.put("efficiency", n(g.efficiency()));
                            pm.put("karpFlatt", n(g.karpFlatt()));
                        }
                        points.add(pm);
                    }
                    sm.put("points", points);
                    if (sc != null) {
                        sm.put("usl", sc.usl() != null ? usl(sc.usl()) : Map.of("note", sc.uslNote()));
                    }
                    return sm;
                }).toList());
                return vm;
            }).toList());
            root.put("findings", a.findings().stream().map(f -> {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("group", f.group());
                fm.put("kind", f.kind());
                fm.put("sentence", f.sentence());
                Map<String, Object> data = new LinkedHashMap<>();
                f.data().forEach((k, v) -> data.put(k, v instanceof Double d ? n(d) : v));
                fm.put("data", data);
                return fm;
            }).toList());
            root.put("recommendations", a.recommendations());
            return root;
        }

        /** A USL fit with its 95% intervals, for summary.json. */
        private static Map<String, Object> usl(UniversalScalability usl) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("sigma", usl.sigma());
            um.put("sigmaLow95", n(usl.sigmaInterval().low()));
            um.put("sigmaHigh95", n(usl.sigmaInterval().high()));
            um.put("kappa", usl.kappa());
            um.put("kappaLow95", n(usl.kappaInterval().low()));
            um.put("kappaHigh95", n(usl.kappaInterval().high()));
            um.put("lambda", usl.lambda());
            um.put("degreesOfFreedom", usl.df());
            um.put("peakThreads", Double.isInfinite(usl.peakConcurrency()) ? "none" : usl.peakConcurrency());
            um.put("peakThreadsLow95", n(usl.peakInterval().low()));
            um.put("peakThreadsHigh95", Double.isInfinite(usl.peakInterval().high()) ? "none" : n(usl.peakInterval().high()));
            return um;
        }

        private static Double n(double v) {
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        }
    }
}
