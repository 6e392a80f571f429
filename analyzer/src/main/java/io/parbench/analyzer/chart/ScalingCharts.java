package io.parbench.analyzer.chart;

import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.analysis.Throughput;
import io.parbench.analyzer.stats.ScalingLaws;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of one workload: speedup and efficiency vs threads, and time per operation by strategy. */
public final class ScalingCharts {

    /** Where the machine's limits fall on the thread axis; a value of 0 or less means unknown. */
    public record Machine(int physicalCores, int logicalCpus, int numaNodes) {
    }

    private ScalingCharts() {
    }

    private static int maxThreads(ScalingGroup g) {
        return g.curves().stream().flatMap(c -> c.points().stream()).mapToInt(ScalingGroup.Point::threads).max().orElse(1);
    }

    /** Speedup with 95% bootstrap error bars, the ideal line, the Amdahl (or Gustafson) fit and the machine's limits. */
    public static JFreeChart speedup(ScalingGroup g, Machine m) {
        int max = maxThreads(g);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new java.awt.BasicStroke(1.4f));
        double top = 1;
        int i = 0;
        for (ScalingGroup.Curve c : g.curves()) {
            YIntervalSeries s = new YIntervalSeries(c.strategy());
            for (ScalingGroup.Point p : c.points()) {
                double est = p.speedup().estimate();
                double lo = Double.isNaN(p.speedup().low()) ? est : p.speedup().low();
                double hi = Double.isNaN(p.speedup().high()) ? est : p.speedup().high();
                s.add(p.threads(), est, lo, hi);
                top = Math.max(top, hi);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartTheme.colour(c.strategy()));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            i++;
        }
        XYPlot plot = new XYPlot(data, ChartTheme.threadAxis("Threads", max),
                new NumberAxis(g.weak() ? "Scaled speedup over sequential (x)" : "Speedup over sequential (x)"), renderer);

        // The ideal: speedup = threads, dashed. And the fit of the best-scaling strategy, dotted.
        XYSeriesCollection guides = new XYSeriesCollection();
        XYSeries ideal = new XYSeries("ideal (speedup = threads)");
        XYLineAndShapeRenderer guideRenderer = new XYLineAndShapeRenderer(true, false);
        ScalingGroup.Curve best = g.curves().stream()
                .max(java.util.Comparator.comparingDouble(c -> c.best() == null ? 0 : c.best().speedup().estimate()))
                .orElse(null);
        int steps = 60;
        for (int k = 0; k <= steps; k++) {
            double n = 1 + (max - 1) * k / (double) steps;
            ideal.add(n, n);
        }
        guides.addSeries(ideal);
        guideRenderer.setSeriesPaint(0, new Color(0xB0, 0xB0, 0xB0));
        guideRenderer.setSeriesStroke(0, ChartTheme.DASHED);
        if (best != null) {
            ScalingGroup.Fit fit = g.weak() ? best.gustafson() : best.amdahl();
            if (fit.ok()) {
                XYSeries curve = new XYSeries(String.format(Locale.ROOT, "%s fit to %s (serial %.1f%%)",
                        g.weak() ? "Gustafson" : "Amdahl", best.strategy(), fit.serialFraction() * 100));
                for (int k = 0; k <= steps; k++) {
                    double n = 1 + (max - 1) * k / (double) steps;
                    curve.add(n, g.weak() ? ScalingLaws.gustafson(fit.serialFraction(), n)
                            : ScalingLaws.amdahl(fit.serialFraction(), n));
                }
                guides.addSeries(curve);
                guideRenderer.setSeriesPaint(1, ChartTheme.colour(best.strategy()).darker());
                guideRenderer.setSeriesStroke(1, ChartTheme.DOTTED);
            }
        }
        plot.setDataset(1, guides);
        plot.setRenderer(1, guideRenderer);
        top = Math.max(top, Math.min(max, top * 1.1));
        ChartFiles.setRange(plot.getRangeAxis(), 0, Math.max(1.2, top * 1.08));
        addMachineMarkers(plot, m, max);
        return ChartTheme.apply(new JFreeChart("Speedup: " + g.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** Efficiency (speedup / threads) vs threads; 100% is perfect scaling. */
    public static JFreeChart efficiency(ScalingGroup g, Machine m) {
        int max = maxThreads(g);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        double top = 1.0;
        int i = 0;
        for (ScalingGroup.Curve c : g.curves()) {
            XYSeries s = new XYSeries(c.strategy());
            for (ScalingGroup.Point p : c.points()) {
                s.add(p.threads(), p.efficiency() * 100);
                top = Math.max(top, p.efficiency());
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartTheme.colour(c.strategy()));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            i++;
        }
        NumberAxis y = new NumberAxis("Efficiency (speedup / threads, %)");
        ChartFiles.setRange(y, 0, Math.max(110, top * 108));
        XYPlot plot = new XYPlot(data, ChartTheme.threadAxis("Threads", max), y, renderer);
        ValueMarker perfect = new ValueMarker(100, Color.GRAY, ChartTheme.DASHED);
        perfect.setLabel("perfect scaling");
        perfect.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        perfect.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        perfect.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(perfect);
        addMachineMarkers(plot, m, max);
        return ChartTheme.apply(new JFreeChart("Efficiency: " + g.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** Time per operation by strategy at each thread count: bars with 99.9% error bars, the unit on the axis. */
    public static JFreeChart time(ScalingGroup g) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String unit = g.baseline().unit();
        data.add(g.baseline().mean(), nanToZero(g.baseline().ci999()), "sequential", "1");
        for (ScalingGroup.Curve c : g.curves()) {
            for (ScalingGroup.Point p : c.points()) {
                data.add(p.stats().mean(), nanToZero(p.stats().ci999()), c.strategy(), Integer.toString(p.threads()));
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setItemMargin(0.04);
        List<?> rows = data.getRowKeys();
        for (int i = 0; i < rows.size(); i++) {
            renderer.setSeriesPaint(i, ChartTheme.colour(rows.get(i).toString()));
        }
        boolean higherIsBetter = unit.startsWith("ops/");
        NumberAxis y = new NumberAxis((higherIsBetter ? "Throughput (" : "Time per operation (") + unit + ")");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Threads"), y, renderer);
        return ChartTheme.apply(new JFreeChart((higherIsBetter ? "Throughput: " : "Time per operation: ") + g.title()
                + (higherIsBetter ? " (higher is better)" : " (lower is better)"), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /**
     * Tasks per second vs tasks in flight, log-log, per strategy with 95% error bars; the sequential rate as a
     * flat line and, where the wait per task is known, the limit concurrency / latency as a dashed line.
     */
    public static JFreeChart throughput(Throughput t) {
        int max = t.maxThreads();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        double lo = t.sequential().perSecond();
        double hi = lo;
        int i = 0;
        for (Throughput.Curve c : t.curves()) {
            YIntervalSeries s = new YIntervalSeries(c.strategy());
            for (Throughput.Point p : c.points()) {
                double top = Double.isInfinite(p.high()) ? p.perSecond() : p.high();
                s.add(p.threads(), p.perSecond(), p.low(), top);
                lo = Math.min(lo, p.low());
                hi = Math.max(hi, top);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartTheme.colour(c.strategy()));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            i++;
        }
        org.jfree.chart.axis.LogAxis y = decades("Throughput (tasks per second, log scale)");
        XYPlot plot = new XYPlot(data, ChartTheme.threadAxis("Tasks in flight (threads param)", Math.max(max, 17)), y, renderer);
        XYSeriesCollection guides = new XYSeriesCollection();
        XYLineAndShapeRenderer guideRenderer = new XYLineAndShapeRenderer(true, false);
        XYSeries seq = new XYSeries("sequential");
        seq.add(1, t.sequential().perSecond());
        seq.add(max, t.sequential().perSecond());
        guides.addSeries(seq);
        guideRenderer.setSeriesPaint(0, ChartTheme.colour("sequential"));
        guideRenderer.setSeriesStroke(0, ChartTheme.DOTTED);
        if (!Double.isNaN(t.latencyMs())) {
            XYSeries limit = new XYSeries(String.format(Locale.ROOT, "limit: in flight / %s ms", io.parbench.analyzer.analysis
                    .Format.num(t.latencyMs())));
            limit.add(1, t.limit(1));
            limit.add(max, t.limit(max));
            guides.addSeries(limit);
            guideRenderer.setSeriesPaint(1, new Color(0x99, 0x99, 0x99));
            guideRenderer.setSeriesStroke(1, ChartTheme.DASHED);
            lo = Math.min(lo, t.limit(1));
            hi = Math.max(hi, Math.min(t.limit(max), hi * 20));
        }
        plot.setDataset(1, guides);
        plot.setRenderer(1, guideRenderer);
        ChartFiles.setRange(y, Math.max(lo / 1.6, 1e-3), hi * 1.6);
        return ChartTheme.apply(new JFreeChart("Throughput: " + t.group().title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** Time per operation vs tasks in flight, log-log, per strategy with 99.9% error bars and sequential as a line. */
    public static JFreeChart timeVsConcurrency(ScalingGroup g) {
        int max = maxThreads(g);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        double lo = g.baseline().mean();
        double hi = lo;
        int i = 0;
        for (ScalingGroup.Curve c : g.curves()) {
            YIntervalSeries s = new YIntervalSeries(c.strategy());
            for (ScalingGroup.Point p : c.points()) {
                double err = nanToZero(p.stats().ci999());
                double low = Math.max(p.stats().mean() - err, p.stats().mean() / 10);
                s.add(p.threads(), p.stats().mean(), low, p.stats().mean() + err);
                lo = Math.min(lo, low);
                hi = Math.max(hi, p.stats().mean() + err);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartTheme.colour(c.strategy()));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            i++;
        }
        org.jfree.chart.axis.LogAxis y = decades("Time per operation (" + g.baseline().unit() + ", log scale)");
        ChartFiles.setRange(y, lo / 1.6, hi * 1.6);
        XYPlot plot = new XYPlot(data, ChartTheme.threadAxis("Tasks in flight (threads param)", Math.max(max, 17)), y, renderer);
        XYSeriesCollection guides = new XYSeriesCollection();
        XYSeries seq = new XYSeries("sequential");
        seq.add(1, g.baseline().mean());
        seq.add(max, g.baseline().mean());
        guides.addSeries(seq);
        XYLineAndShapeRenderer guideRenderer = new XYLineAndShapeRenderer(true, false);
        guideRenderer.setSeriesPaint(0, ChartTheme.colour("sequential"));
        guideRenderer.setSeriesStroke(0, ChartTheme.DOTTED);
        plot.setDataset(1, guides);
        plot.setRenderer(1, guideRenderer);
        return ChartTheme.apply(new JFreeChart("Time per operation: " + g.title() + " (lower is better)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** A base-10 log axis with a tick per decade (1, 10, 100, ...), minor ticks between. */
    static org.jfree.chart.axis.LogAxis decades(String label) {
        org.jfree.chart.axis.LogAxis y = new org.jfree.chart.axis.LogAxis(label);
        y.setBase(10);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        return y;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static void addMachineMarkers(XYPlot plot, Machine m, int max) {
        if (m.physicalCores() > 0) {
            plot.addDomainMarker(marker(m.physicalCores(), "physical cores (" + m.physicalCores() + ")", new Color(0x44, 0x44, 0x44)));
        }
        if (m.logicalCpus() > m.physicalCores() && m.logicalCpus() > 0) {
            plot.addDomainMarker(marker(m.logicalCpus(), "logical CPUs, SMT (" + m.logicalCpus() + ")", new Color(0x77, 0x77, 0x77)));
        }
        if (m.numaNodes() > 1 && m.logicalCpus() > 0) {
            int perNode = m.logicalCpus() / m.numaNodes();
            for (int node = 1; node < m.numaNodes() && perNode * node <= max; node++) {
                plot.addDomainMarker(marker(perNode * node, "NUMA node " + (node + 1), new Color(0x99, 0x66, 0x00)));
            }
        }
    }

    private static ValueMarker marker(double x, String label, Color colour) {
        ValueMarker marker = new ValueMarker(x, colour, new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelPaint(colour);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return marker;
    }
}
