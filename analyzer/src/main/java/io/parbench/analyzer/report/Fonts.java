package io.parbench.analyzer.report;

import io.parbench.analyzer.io.InputException;

/**
 * Charts are drawn headless, which on Linux needs fontconfig and at least one font; without them the JDK fails
 * with "Fontconfig head is null". Checked once, before any chart, to say what to install instead.
 */
final class Fonts {

    private static volatile boolean checked;

    private Fonts() {
    }

    static void check() {
        if (checked) {
            return;
        }
        try {
            String[] families = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics()
                    .getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            if (families.length == 0) {
                throw new IllegalStateException("no font");
            }
            checked = true;
        } catch (Throwable t) { // the JDK throws Errors here, not just exceptions
            throw new InputException("cannot draw charts: fontconfig and a font are needed (Debian/Ubuntu: "
                    + "apt-get install fontconfig fonts-dejavu-core; Fedora: dnf install fontconfig dejavu-sans-fonts); "
                    + "the JDK said: " + t);
        }
    }
}
