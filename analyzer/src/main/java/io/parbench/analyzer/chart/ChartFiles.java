package io.parbench.analyzer.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.parbench.analyzer.io.Text;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes one chart object as {@code name.png} and {@code name.svg}, so both always show the same thing. */
public final class ChartFiles {

    private ChartFiles() {
    }

    public static void write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        makeDrawable(chart);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".png")), 64 * 1024)) {
            PngEncoder.write(image, out);
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), svg.getSVGElement());
    }

    /** Magnitudes beyond which JFreeChart's automatic tick units overflow, or search without end (for 5e-324). */
    private static final double TICK_MIN = 1e-250;
    private static final double TICK_MAX = 1e250;

    /**
     * Makes any chart drawable whatever the data: titles cut to {@link Text#LABEL_MAX} characters (JFreeChart wraps
     * a title word by word, in time that grows with the square of its length), and value axes whose range is empty,
     * not finite, or of a magnitude JFreeChart's tick search cannot handle given a fixed range and tick unit.
     */
    static void makeDrawable(JFreeChart chart) {
        if (chart.getTitle() != null && chart.getTitle().getText() != null) {
            chart.getTitle().setText(Text.shorten(Text.oneLine(chart.getTitle().getText()), Text.LABEL_MAX));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t && t.getText() != null) {
                t.setText(Text.shorten(Text.oneLine(t.getText()), Text.LABEL_MAX * 2));
            }
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                guard(xy.getRangeAxis(i));
            }
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                guard(xy.getDomainAxis(i));
            }
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                guard(cp.getRangeAxis(i));
            }
        }
    }

    /**
     * Sets an axis range computed from data; a range that is empty or not finite (all scores zero, say) is widened
     * instead of failing, and {@link #makeDrawable} settles the rest when the chart is drawn.
     */
    public static void setRange(ValueAxis axis, double lo, double hi) {
        if (axis instanceof LogAxis && !(lo > 0)) {
            lo = hi > 0 ? hi / 1e6 : 1e-3;
        }
        if (Double.isFinite(lo) && Double.isFinite(hi) && hi > lo) {
            axis.setRange(lo, hi);
        } else if (Double.isFinite(lo) && lo > 0) {
            axis.setRange(axis instanceof LogAxis ? lo / 10 : 0, lo * 2 <= Double.MAX_VALUE ? lo * 2 : lo);
        } else {
            axis.setRange(axis instanceof LogAxis ? 0.1 : 0, axis instanceof LogAxis ? 10 : 1);
        }
    }

    private static void guard(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        double lo = axis.getRange().getLowerBound();
        double hi = axis.getRange().getUpperBound();
        if (axis instanceof LogAxis) {
            if (!(lo > 0) || !Double.isFinite(hi) || !(hi > lo)) {
                double top = Double.isFinite(hi) && hi > 0 ? hi : 10;
                axis.setRange(Math.max(top / 1e6, Double.MIN_NORMAL), top * 10 <= Double.MAX_VALUE ? top * 10 : top);
            }
            return;
        }
        lo = Double.isFinite(lo) ? lo : -Double.MAX_VALUE / 4;
        hi = Double.isFinite(hi) ? hi : Double.MAX_VALUE / 4;
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo = lo - pad;
            hi = hi + pad;
            if (lo >= 0 && axis.getRange().getLowerBound() >= 0) {
                lo = 0;
            }
        }
        double span = hi - lo;
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        boolean extreme = !Double.isFinite(span) || span < TICK_MIN || magnitude > TICK_MAX;
        if (lo != axis.getRange().getLowerBound() || hi != axis.getRange().getUpperBound()) {
            axis.setRange(lo, hi);
        }
        if (extreme && axis instanceof NumberAxis n) {
            double unit = (hi / 4 - lo / 4); // divided first: hi - lo may overflow
            n.setAutoTickUnitSelection(false);
            n.setTickUnit(new NumberTickUnit(unit > 0 ? unit : Double.MIN_VALUE, new java.text.DecimalFormat("0.###E0")));
        }
    }
}
