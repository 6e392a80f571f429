package io.parbench.analyzer.report;

import static io.parbench.analyzer.report.Cells.ci95;
import static io.parbench.analyzer.report.Cells.explain;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.ContentionView;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.chart.ScoreCharts;
import io.parbench.analyzer.report.ReportDocument.ChartJob;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sweeps over a concurrency axis ("Contention" when every axis is JMH's threads): a chart, gains and USL per view. */
final class SweepSection extends Section {

    SweepSection(Analysis a, List<Block> blocks, List<ChartJob> charts) {
        super(a, blocks, charts);
    }

    @Override
    void add() {
        if (a.contention().isEmpty()) {
            return;
        }
        boolean allJmh = a.contention().stream().allMatch(ContentionView::jmhThreads);
        boolean anyConcurrency = a.contention().stream().anyMatch(ContentionView::concurrency);
        boolean allConcurrency = a.contention().stream().allMatch(ContentionView::concurrency);
        blocks.add(new Block.Heading(2, allJmh ? "Contention" : allConcurrency ? "Concurrency sweeps" : "Sweeps",
                "contention"));
        blocks.add(new Block.Paragraph(allJmh
                ? "Benchmarks whose JMH threads are the contenders (one shared object, several threads using it): score "
                        + "against contenders, a line per variant. Beyond the cores, contenders take turns on the CPUs as "
                        + "well as on the object."
                : "Benchmarks swept over a concurrency axis (JMH's threads, or a param such as threads, parallelism or "
                        + "workers; --scaling-param names another)" + (allConcurrency ? "" : String.format(Locale.ROOT,
                        " or over any other whole-number param of %d values or more (a size, a depth: lines, no "
                        + "scaling figures)", ContentionView.MIN_PARAM_VALUES)) + ": score against the axis, a line "
                        + "per value of one other param, a view per combination of the rest."));
        if (anyConcurrency) {
            blocks.add(new Block.Paragraph("Gain is measured against each line's lowest axis value, with a 95% bootstrap "
                + "interval (forks resampled first): the speedup of one operation when the axis is a param, the "
                + "throughput of all threads together when it is JMH's threads (their time per operation is each "
                + "thread's). Efficiency is the gain divided by the axis's growth; the Universal Scalability Law is "
                + "fitted where a line has four axis values or more."));
        }
        int index = 0;
        for (ContentionView v : a.contention()) {
            index++;
            String name = String.format(Locale.ROOT, "c%02d-%s", index, ReportDocument.slug(v.title()));
            blocks.add(new Block.Heading(3, v.title(), name));
            explain(blocks, v.title());
            charts.add(new ChartJob(name, () -> ScoreCharts.contention(v), 900, 560));
            blocks.add(new Block.Figure(name, v.title() + " vs " + (v.jmhThreads() ? "contenders" : v.axis()),
                    "Mean with 99.9% intervals per variant."));
            String axis = v.jmhThreads() ? "Contenders" : v.axis();
            List<List<String>> rows = new ArrayList<>();
            for (var e : v.series().entrySet()) {
                ContentionView.Scaling sc = v.scaling().get(e.getKey()); // null without a concurrency axis
                for (int i = 0; i < e.getValue().size(); i++) {
                    ContentionView.Point p = e.getValue().get(i);
                    String secondary = p.stats().result().secondary().values().stream()
                            .filter(m -> !m.name().startsWith("·") && !m.name().contains(":"))
                            .map(m -> m.name() + " " + Format.num(m.score()) + " " + m.unitText())
                            .collect(Collectors.joining("; "));
                    List<String> row = new ArrayList<>(List.of(e.getKey(), Integer.toString(p.contenders()),
                            Format.score(p.stats()), ci95(p.stats())));
                    if (v.concurrency()) {
                        ContentionView.Gain g = sc.gains().isEmpty() ? null : sc.gains().get(i);
                        row.addAll(List.of(g == null ? "-" : Format.speedup(g.gain()),
                                g == null ? "-" : Format.percent(g.efficiency()),
                                g == null || Double.isNaN(g.karpFlatt()) ? "-" : Format.num(g.karpFlatt())));
                    }
                    row.addAll(List.of(secondary, p.stats().noiseNote()));
                    rows.add(row);
                }
            }
            blocks.add(v.concurrency()
                    ? new Block.Table(List.of("Variant", axis, "Score (99.9% CI)", "95% CI", "Gain [95% CI]", "Efficiency",
                            "Karp-Flatt", "Secondary metrics", "Notes"), rows,
                            new boolean[] {false, true, true, true, true, true, true, false, false})
                    : new Block.Table(List.of("Variant", axis, "Score (99.9% CI)", "95% CI", "Secondary metrics", "Notes"),
                            rows, new boolean[] {false, true, true, true, false, false}));
            List<List<String>> fits = new ArrayList<>();
            for (var e : v.scaling().entrySet()) {
                UniversalScalability usl = e.getValue().usl();
                if (usl == null) {
                    continue;
                }
                int measured = v.series().get(e.getKey()).stream().mapToInt(ContentionView.Point::contenders).max().orElse(0);
                var peakCi = usl.peakInterval();
                boolean beyond = usl.peakBeyond(measured);
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
}
