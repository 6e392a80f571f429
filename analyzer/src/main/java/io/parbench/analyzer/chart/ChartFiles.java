package io.parbench.analyzer.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes one chart object as {@code name.png} and {@code name.svg}, so both always show the same thing. */
public final class ChartFiles {

    private ChartFiles() {
    }

    public static void write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), g2.getSVGElement());
    }
}
