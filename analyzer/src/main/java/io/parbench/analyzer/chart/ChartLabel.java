package io.parbench.analyzer.chart;

import io.parbench.analyzer.io.Text;

/**
 * A category or series key that compares by its whole text but shows at most {@link Text#LABEL_MAX} characters: a
 * 100 KB benchmark name stays a distinct bar, and JFreeChart does not spend minutes wrapping it.
 */
record ChartLabel(String full) implements Comparable<ChartLabel> {

    @Override
    public int compareTo(ChartLabel o) {
        return full.compareTo(o.full);
    }

    @Override
    public String toString() {
        return Text.shorten(Text.oneLine(full), Text.LABEL_MAX);
    }
}
