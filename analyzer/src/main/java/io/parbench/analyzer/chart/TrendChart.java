package io.parbench.analyzer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One benchmark's score across runs (oldest left) with 95% intervals (JMH's 99.9% interval, with the few samples of
 * a quick run, is wider than the data), floored at zero; regressions drawn as large red points.
 */
public final class TrendChart {

    /** A point of the trend: the run's label, the score, its interval half-width and whether it regressed. */
    public record Point(String run, double score, double error, boolean regression) {
    }

    private TrendChart() {
    }

    public static JFreeChart of(String title, String unit, List<Point> points) {
        YIntervalSeries all = new YIntervalSeries("score (95% interval)");
        YIntervalSeries bad = new YIntervalSeries("regression against the run before");
        String[] labels = new String[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double e = Double.isNaN(p.error()) ? 0 : p.error();
            all.add(i, p.score(), Math.max(0, p.score() - e), p.score() + e);
            if (p.regression()) {
                bad.add(i, p.score(), Math.max(0, p.score() - e), p.score() + e);
            }
            labels[i] = p.run();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(all);
        data.addSeries(bad);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setSeriesPaint(0, ChartTheme.colour("pool"));
        renderer.setSeriesStroke(0, ChartTheme.LINE);
        renderer.setSeriesPaint(1, new Color(0xD5, 0x5E, 0x00));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        SymbolAxis x = new SymbolAxis("Run (oldest first)", labels);
        x.setGridBandsVisible(false);
        x.setVerticalTickLabels(points.size() > 6);
        NumberAxis y = new NumberAxis("Score (" + unit + ", " + (unit.startsWith("ops/") ? "higher" : "lower")
                + " is better)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return ChartTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }
}
