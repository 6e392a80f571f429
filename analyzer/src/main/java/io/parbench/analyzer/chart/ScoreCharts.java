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

    public static JFreeChart scores(String title, String unit, List<BenchmarkStats> stats, List<String> labels) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int i = 0; i < stats.size() && i < MAX_BARS; i++) {
            BenchmarkStats s = stats.get(i);
            data.add(s.mean(), Double.isNaN(s.ci999()) ? 0 : s.ci999(), "score", labels.get(i));
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setSeriesPaint(0, ChartTheme.colour("pool", 0));
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setMaximumBarWidth(0.7);
        boolean higherIsBetter = unit.startsWith("ops/");
        CategoryAxis x = new CategoryAxis(null);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis("Score (" + unit + ", "
                + (higherIsBetter ? "higher" : "lower") + " is better)"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart(title + (stats.size() > MAX_BARS ? " (first " + MAX_BARS + " of "
                + stats.size() + ")" : ""), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.apply(chart);
    }
}
