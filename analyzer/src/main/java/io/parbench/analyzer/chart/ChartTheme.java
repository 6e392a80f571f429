package io.parbench.analyzer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every parbench chart: white background, light grid, readable fonts, the legend below, a thread
 * axis with whole numbers (log2 past 16 threads), and the same colour for the same strategy everywhere, from the
 * Okabe-Ito palette, which stays distinct for the common forms of colour blindness (Okabe and Ito, 2002).
 */
public final class ChartTheme {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private static final Map<String, Color> STRATEGY = Map.ofEntries(
            Map.entry("sequential", new Color(0x00, 0x00, 0x00)),
            Map.entry("platform", new Color(0xD5, 0x5E, 0x00)),
            Map.entry("pool", new Color(0x00, 0x72, 0xB2)),
            Map.entry("virtual", new Color(0x00, 0x9E, 0x73)),
            Map.entry("forkjoin", new Color(0xE6, 0x9F, 0x00)),
            Map.entry("stream", new Color(0x56, 0xB4, 0xE9)),
            Map.entry("process", new Color(0xCC, 0x79, 0xA7)),
            Map.entry("process-cold", new Color(0x88, 0x88, 0x88)),
            Map.entry("async", new Color(0xB8, 0xA2, 0x00)),
            // the I/O suite's variants: purple for the managed ForkJoin, a dark green for virtual + ForkJoin
            Map.entry("forkjoin-managed", new Color(0x6A, 0x3D, 0x9A)),
            Map.entry("virtual-forkjoin", new Color(0x00, 0x5A, 0x42)),
            // CPython's strategies take the colour of their JVM counterpart (thread ~ platform, threadpool ~ pool,
            // asyncio ~ async, process pools ~ process), shades telling the start methods apart
            Map.entry("thread", new Color(0xD5, 0x5E, 0x00)),
            Map.entry("threadpool", new Color(0x00, 0x72, 0xB2)),
            Map.entry("asyncio", new Color(0xB8, 0xA2, 0x00)),
            Map.entry("mp-pool", new Color(0xE6, 0x9F, 0x00)),
            Map.entry("process-fork", new Color(0xCC, 0x79, 0xA7)),
            Map.entry("process-spawn", new Color(0x88, 0x88, 0x88)),
            Map.entry("process-forkserver", new Color(0x6A, 0x3D, 0x9A)),
            Map.entry("hybrid", new Color(0x00, 0x9E, 0x73)),
            Map.entry("asyncio-hybrid", new Color(0x00, 0x5A, 0x42)));
    private static final Color[] OTHERS = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
            new Color(0x00, 0x9E, 0x73), new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7),
            new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x00, 0x00), new Color(0x88, 0x88, 0x88)};
    /**
     * Colours for a strategy not named above (a new one, before its line is added here): Paul Tol's "muted" scheme
     * less the shades close to the named ones, so a new strategy never looks like an old one.
     */
    static final Color[] UNNAMED = {new Color(0xCC, 0x66, 0x77), new Color(0x33, 0x22, 0x88), new Color(0x88, 0x22, 0x55),
            new Color(0x44, 0xAA, 0x99), new Color(0x99, 0x99, 0x33), new Color(0xAA, 0x44, 0x99), new Color(0xDD, 0xCC, 0x77)};

    public static final BasicStroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 5f}, 0f);
    public static final BasicStroke DOTTED = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);

    private ChartTheme() {
    }

    /**
     * A strategy's colour, the same in every chart of every report: its own when named above, else one of
     * {@link #UNNAMED} chosen by its name (String.hashCode is fixed by the Java specification), never a named
     * strategy's. Two new strategies can share one (one chance in seven); naming them above settles it.
     */
    public static Color colour(String strategy) {
        Color c = STRATEGY.get(strategy);
        return c != null ? c : UNNAMED[Math.floorMod(strategy.hashCode(), UNNAMED.length)];
    }

    /**
     * A series' colour where the series may be anything (a user's variants: a param's values): a strategy's own colour
     * when named above, else the palette's by the series' index, so the lines of one chart differ.
     */
    public static Color seriesColour(String variant, int index) {
        Color c = STRATEGY.get(variant);
        return c != null ? c : OTHERS[Math.floorMod(index, OTHERS.length)];
    }

    /** Applies the theme to a finished chart. */
    public static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LABEL);
        theme.setRegularFont(TICK);
        theme.setSmallFont(TICK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.DARK_GRAY);
        theme.setShadowVisible(false);
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        // The theme resets series paints and strokes: keep ours.
        Plot plot = chart.getPlot();
        Map<Integer, java.awt.Paint> saved = new java.util.HashMap<>();
        Map<Integer, java.awt.Stroke> strokes = new java.util.HashMap<>();
        if (plot instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                for (int s = 0; xy.getRenderer(d) != null && xy.getDataset(d) != null && s < xy.getDataset(d).getSeriesCount(); s++) {
                    saved.put(d * 1000 + s, xy.getRenderer(d).getSeriesPaint(s));
                    strokes.put(d * 1000 + s, xy.getRenderer(d).getSeriesStroke(s));
                }
            }
        } else if (plot instanceof CategoryPlot cp && cp.getDataset() != null) {
            for (int s = 0; s < cp.getDataset().getRowCount(); s++) {
                saved.put(s, cp.getRenderer().getSeriesPaint(s));
            }
        }
        theme.apply(chart);
        if (plot instanceof XYPlot xy) {
            saved.forEach((k, paint) -> {
                if (paint != null) {
                    xy.getRenderer(k / 1000).setSeriesPaint(k % 1000, paint);
                }
            });
            strokes.forEach((k, stroke) -> {
                if (stroke != null) {
                    xy.getRenderer(k / 1000).setSeriesStroke(k % 1000, stroke);
                }
            });
            xy.setDomainGridlineStroke(new BasicStroke(0.8f));
            xy.setRangeGridlineStroke(new BasicStroke(0.8f));
            xy.setOutlineVisible(false);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot cp) {
            saved.forEach((k, paint) -> {
                if (paint != null) {
                    cp.getRenderer().setSeriesPaint(k, paint);
                }
            });
            cp.setRangeGridlineStroke(new BasicStroke(0.8f));
            cp.setOutlineVisible(false);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(LABEL);
        }
        return chart;
    }

    /**
     * An axis for a sweep's values: a log2 scale when they pass 16 or are three or more powers of two spanning 8-fold
     * (1, 2, 4, 8: equal steps), else whole numbers.
     */
    public static ValueAxis sweepAxis(String label, java.util.Collection<Integer> values) {
        int min = values.stream().mapToInt(Integer::intValue).min().orElse(1);
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(1);
        boolean powersOfTwo = values.stream().allMatch(v -> v > 0 && Integer.bitCount(v) == 1)
                && values.stream().distinct().count() >= 3 && max >= 8 * min;
        if (min <= 0 || (max <= 16 && !powersOfTwo)) {
            return threadAxis(label, max);
        }
        LogAxis axis = (LogAxis) threadAxis(label, 17);
        axis.setRange(min * 0.8, max * 1.25);
        return axis;
    }

    /** A thread axis: whole numbers up to 16 threads, a log2 scale with 1, 2, 4, ... ticks beyond. */
    public static ValueAxis threadAxis(String label, int maxThreads) {
        if (maxThreads <= 16) {
            NumberAxis axis = new NumberAxis(label);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setRange(0.5, maxThreads + 0.5);
            return axis;
        }
        LogAxis axis = new LogAxis(label);
        axis.setBase(2);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("0"));
        axis.setMinorTickMarksVisible(false);
        axis.setRange(0.8, maxThreads * 1.25);
        return axis;
    }
}
