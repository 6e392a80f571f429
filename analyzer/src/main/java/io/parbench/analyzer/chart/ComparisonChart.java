package io.parbench.analyzer.chart;

import io.parbench.analyzer.analysis.Comparison;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Every compared benchmark's change ratio (above 1 = slower) with its 95% interval, coloured by verdict, over the
 * threshold band. The largest changes first; at most {@link #MAX_ROWS} rows (the tables list them all).
 */
public final class ComparisonChart {

    public static final int MAX_ROWS = 60;
    private static final List<Comparison.Verdict> VERDICTS = List.of(Comparison.Verdict.REGRESSION,
            Comparison.Verdict.IMPROVEMENT, Comparison.Verdict.INCONCLUSIVE, Comparison.Verdict.UNCHANGED);
    private static final Color[] COLOURS = {new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x72, 0xB2)};

    private ComparisonChart() {
    }

    public static int height(int rows) {
        return Math.max(300, 140 + 22 * Math.min(rows, MAX_ROWS));
    }

    /** {@code pairs} in the order to show them (the caller sorts, largest change first). */
    public static JFreeChart of(List<Comparison.Pair> pairs, double threshold) {
        List<Comparison.Pair> shown = pairs.subList(0, Math.min(pairs.size(), MAX_ROWS));
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalSeries[] series = new YIntervalSeries[VERDICTS.size()];
        for (int v = 0; v < series.length; v++) {
            series[v] = new YIntervalSeries(VERDICTS.get(v).toString());
            data.addSeries(series[v]);
        }
        String[] labels = new String[shown.size()];
        java.util.Set<String> varying = varyingParams(shown);
        double lo = 1 - threshold;
        double hi = 1 + threshold;
        for (int i = 0; i < shown.size(); i++) {
            Comparison.Pair p = shown.get(i);
            int row = shown.size() - 1 - i; // the first pair at the top
            labels[row] = shorten(label(p, varying));
            series[VERDICTS.indexOf(p.verdict())].add(row, p.ratio().estimate(), p.ratio().low(), p.ratio().high());
            if (Double.isFinite(p.ratio().low()) && Double.isFinite(p.ratio().high())) { // none: too few pairs
                lo = Math.min(lo, p.ratio().low());
                hi = Math.max(hi, p.ratio().high());
            }
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        for (int v = 0; v < COLOURS.length; v++) {
            renderer.setSeriesPaint(v, COLOURS[v]);
        }
        SymbolAxis names = new SymbolAxis(null, labels);
        names.setGridBandsVisible(false);
        NumberAxis ratio = new NumberAxis("Candidate / baseline time (above 1 = slower), 95% interval");
        double pad = (hi - lo) * 0.08 + 0.01;
        ChartFiles.setRange(ratio, lo - pad, hi + pad);
        XYPlot plot = new XYPlot(data, names, ratio, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        IntervalMarker band = new IntervalMarker(1 - threshold, 1 + threshold, new Color(0xEE, 0xEE, 0xEE));
        band.setLabel(String.format(java.util.Locale.ROOT, "threshold ±%.0f%%", threshold * 100));
        band.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.addRangeMarker(band, Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1.0, Color.GRAY, ChartTheme.DASHED));
        String title = "Change per benchmark (candidate vs baseline)" + (pairs.size() > MAX_ROWS ? " (the " + MAX_ROWS + " largest of "
                + pairs.size() + ")" : "");
        return ChartTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** The params whose value differs between the rows shown: the others would repeat on every row. */
    static java.util.Set<String> varyingParams(List<Comparison.Pair> pairs) {
        java.util.Set<String> varying = new java.util.TreeSet<>();
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (Comparison.Pair p : pairs) {
            p.key().params().forEach((k, v) -> {
                String seen = first.putIfAbsent(k, v);
                if (seen != null && !seen.equals(v)) {
                    varying.add(k);
                }
            });
        }
        for (Comparison.Pair p : pairs) {
            first.keySet().stream().filter(k -> !p.key().params().containsKey(k)).forEach(varying::add);
        }
        return varying;
    }

    private static String label(Comparison.Pair p, java.util.Set<String> varying) {
        StringBuilder sb = new StringBuilder(p.key().shortName());
        p.key().params().forEach((k, v) -> {
            if (varying.contains(k)) {
                sb.append(' ').append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 70 ? s : s.substring(0, 67) + "...";
    }
}
