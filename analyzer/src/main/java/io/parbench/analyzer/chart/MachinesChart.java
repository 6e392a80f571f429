package io.parbench.analyzer.chart;

import io.parbench.analyzer.analysis.ScalingGroup;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** One workload's speedup on several machines: each machine's best-scaling strategy, one line each. */
public final class MachinesChart {

    /** A machine's curve: its name, the strategy shown and the points. */
    public record Line(String machine, String strategy, List<ScalingGroup.Point> points) {
    }

    private static final Color[] COLOURS = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
            new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
            new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x00, 0x00), new Color(0x88, 0x88, 0x88)};

    private MachinesChart() {
    }

    public static JFreeChart of(String title, List<Line> lines) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        int max = 1;
        double top = 1;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            YIntervalSeries s = new YIntervalSeries(l.machine() + " (" + l.strategy() + ")");
            for (ScalingGroup.Point p : l.points()) {
                double est = p.speedup().estimate();
                double lo = Double.isNaN(p.speedup().low()) ? est : p.speedup().low();
                double hi = Double.isNaN(p.speedup().high()) ? est : p.speedup().high();
                s.add(p.threads(), est, lo, hi);
                max = Math.max(max, p.threads());
                top = Math.max(top, hi);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, ChartTheme.LINE);
        }
        NumberAxis y = new NumberAxis("Speedup over sequential (x)");
        ChartFiles.setRange(y, 0, Math.max(1.2, top * 1.1));
        XYPlot plot = new XYPlot(data, ChartTheme.threadAxis("Threads", max), y, renderer);
        return ChartTheme.apply(new JFreeChart("Speedup on each machine: " + title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }
}
