package io.parbench.analyzer.chart;

import io.parbench.analyzer.analysis.BenchmarkStats;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/** A bar per benchmark of one group (class, mode and unit), with 99.9% error bars: the plain JMH report's chart. */
public final class ScoreCharts {

    /** Bars per chart at most: more would not be legible; the table lists them all. */
    public static final int MAX_BARS = 40;

    private ScoreCharts() {
    }

    /** Height in pixels for {@code bars} horizontal bars. */
    public static int height(int bars) {
        return Math.max(260, 110 + 26 * Math.min(bars, MAX_BARS));
    }

    /** Score against the view's axis (contenders, or a param), a line per variant; log scale when they differ 30-fold. */
    public static JFreeChart contention(io.parbench.analyzer.analysis.ContentionView v) {
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        org.jfree.chart.renderer.xy.XYErrorRenderer renderer = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        double min = Double.MAX_VALUE;
        double max = 0;
        java.util.Set<Integer> axisValues = new java.util.TreeSet<>();
        int i = 0;
        // one varying param: its value says it all ("adder", not "primitive=adder"), and a subtitle names the param
        boolean oneParam = v.series().keySet().stream().allMatch(k -> k.indexOf('=') > 0 && !k.contains(", "));
        for (var e : v.series().entrySet()) {
            String name = oneParam ? e.getKey().substring(e.getKey().indexOf('=') + 1) : e.getKey();
            org.jfree.data.xy.YIntervalSeries s = new org.jfree.data.xy.YIntervalSeries(name);
            for (var p : e.getValue()) {
                double m = p.stats().mean();
                double err = Double.isNaN(p.stats().ci999()) ? 0 : p.stats().ci999();
                s.add(p.contenders(), m, Math.max(m - err, m / 10), m + err);
                min = Math.min(min, Math.max(m - err, m / 10));
                max = Math.max(max, m + err);
                axisValues.add(p.contenders());
            }
            data.addSeries(s);
            String variant = e.getKey().contains("=") ? e.getKey().substring(e.getKey().indexOf('=') + 1) : e.getKey();
            renderer.setSeriesPaint(i, ChartTheme.seriesColour(variant, i));
            renderer.setSeriesStroke(i, ChartTheme.LINE);
            i++;
        }
        boolean higherIsBetter = v.unit().startsWith("ops/");
        String label = "Score (" + v.unit() + ", " + (higherIsBetter ? "higher" : "lower") + " is better";
        org.jfree.chart.axis.ValueAxis y;
        if (min > 0 && max / min > 30) {
            org.jfree.chart.axis.LogAxis log = ScalingCharts.decades(label + ", log scale)");
            ChartFiles.setRange(log, min / 1.5, max * 1.5);
            y = log;
        } else {
            NumberAxis lin = new NumberAxis(label + ")");
            ChartFiles.setRange(lin, 0, max * 1.08);
            y = lin;
        }
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data,
                ChartTheme.sweepAxis(v.axis(), axisValues), y, renderer);
        JFreeChart chart = new JFreeChart(v.title() + " vs " + (v.jmhThreads() ? "contenders" : v.axis()),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (oneParam) {
            String param = v.series().keySet().iterator().next();
            chart.addSubtitle(new org.jfree.chart.title.TextTitle("a line per " + param.substring(0, param.indexOf('=')),
                    ChartTheme.LABEL));
        }
        return ChartTheme.apply(chart);
    }

    public static JFreeChart scores(String title, String unit, List<BenchmarkStats> stats, List<String> labels) {
        return scores(title, unit, stats, java.util.Collections.nCopies(stats.size(), "score"), labels);
    }

    /**
     * Bars grouped by {@code categories}, a colour per {@code series} (for example the thread kind, so that platform
     * and virtual sit side by side for each mechanism); a legend when there is more than one series.
     */
    public static JFreeChart scores(String title, String unit, List<BenchmarkStats> stats, List<String> series,
            List<String> categories) {
        double min = stats.stream().mapToDouble(BenchmarkStats::mean).filter(v -> v > 0).min().orElse(1);
        double max = stats.stream().mapToDouble(BenchmarkStats::mean).max().orElse(1);
        boolean log = max / min > 100;
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int i = 0; i < stats.size() && i < MAX_BARS; i++) {
            BenchmarkStats s = stats.get(i);
            double err = Double.isNaN(s.ci999()) ? 0 : s.ci999();
            // on a log axis a bar cannot reach below zero: shorten the bar to 90% of the mean (the table has the interval)
            data.add(s.mean(), log ? Math.min(err, 0.9 * s.mean()) : err, new ChartLabel(series.get(i)),
                    new ChartLabel(categories.get(i)));
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        List<?> rows = data.getRowKeys();
        for (int r = 0; r < rows.size(); r++) {
            renderer.setSeriesPaint(r, rows.size() == 1 ? ChartTheme.colour("pool")
                    : ChartTheme.seriesColour(rows.get(r).toString(), r));
        }
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setMaximumBarWidth(0.7);
        boolean higherIsBetter = unit.startsWith("ops/");
        CategoryAxis x = new CategoryAxis(null);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        String label = "Score (" + unit + ", " + (higherIsBetter ? "higher" : "lower") + " is better";
        org.jfree.chart.axis.ValueAxis y;
        if (log) { // scores that span orders of magnitude (creation costs): a log scale shows them all
            org.jfree.chart.axis.LogAxis axis = ScalingCharts.decades(label + ", log scale)");
            axis.setSmallestValue(min / 2);
            ChartFiles.setRange(axis, min / 2, max * 2);
            renderer.setBase(min / 2);
            y = axis;
        } else {
            NumberAxis axis = new NumberAxis(label + ")");
            double top = stats.stream().mapToDouble(st -> st.mean() + (Double.isNaN(st.ci999()) ? 0 : st.ci999())).max()
                    .orElse(1);
            ChartFiles.setRange(axis, 0, Math.max(top, max) * 1.05); // a score is never negative: wide error bars stop at zero
            y = axis;
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart(title + (stats.size() > MAX_BARS ? " (first " + MAX_BARS + " of "
                + stats.size() + ")" : ""), JFreeChart.DEFAULT_TITLE_FONT, plot, rows.size() > 1);
        return ChartTheme.apply(chart);
    }
}
