package io.parbench.analyzer.report;

import static io.parbench.analyzer.report.Cells.ci95;
import static io.parbench.analyzer.report.Cells.joinWith;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.analysis.Throughput;
import io.parbench.analyzer.chart.ScalingCharts;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.report.ReportDocument.ChartJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Results by workload": per scaling group its charts, the speedup table and the fitted laws, or the I/O view. */
final class ScalingSection extends Section {

    ScalingSection(Analysis a, List<Block> blocks, List<ChartJob> charts) {
        super(a, blocks, charts);
    }

    @Override
    void add() {
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
                blocks.add(new Block.Heading(3, "Suite: " + suite, "suite-" + ReportDocument.slug(suite)));
            }
            index++;
            String base = String.format(Locale.ROOT, "%02d-%s", index, ReportDocument.slug(g.title()));
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
                        "Speedup over sequential with 95% intervals (see the method); dashed: ideal; dotted: the law fitted to the "
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
        int measured = c.points().stream().mapToInt(ScalingGroup.Point::threads).max().orElse(0);
        if (c.usl().peakBeyond(measured)) {
            return "USL peak extrapolated past the " + measured + " threads measured";
        }
        return "";
    }
}
