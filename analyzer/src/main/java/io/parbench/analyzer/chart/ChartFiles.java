package io.parbench.analyzer.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes one chart object as {@code name.png} and {@code name.svg}, so both always show the same thing. */
public final class ChartFiles {

    private ChartFiles() {
    }

    public static void write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
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
}
