package io.parbench.analyzer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.analysis.StrategyOrder;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One colour per strategy, in every chart: a new strategy's too, and never an old one's. */
class ChartThemeTest {

    @Test
    void aStrategyTheThemeDoesNotNameKeepsOneColourUnlikeEveryNamedOne() {
        Set<Color> named = StrategyOrder.KNOWN.stream().map(ChartTheme::colour).collect(Collectors.toSet());
        for (String fresh : List.of("structured", "scoped-values", "carrier-pinned", "x")) {
            Color c = ChartTheme.colour(fresh);
            assertFalse(named.contains(c), fresh + " took a named strategy's colour " + c);
            assertTrue(Arrays.asList(ChartTheme.UNNAMED).contains(c), fresh);
            assertEquals(c, ChartTheme.colour(fresh), "the same in every chart");
        }
        // the scheme is fixed: a report drawn again, or by another JVM, gives the new strategy the same colour
        assertEquals(ChartTheme.UNNAMED[Math.floorMod("structured".hashCode(), ChartTheme.UNNAMED.length)],
                ChartTheme.colour("structured"));
    }

    @Test
    void namedStrategiesKeepTheirColourWhateverTheSeriesIndex() {
        assertEquals(ChartTheme.colour("virtual"), ChartTheme.seriesColour("virtual", 5));
        assertEquals(new Color(0x00, 0x00, 0x00), ChartTheme.colour("sequential"));
        // a user's variants (a param's values) differ by index within a chart
        assertFalse(ChartTheme.seriesColour("fjp", 0).equals(ChartTheme.seriesColour("scheduler", 1)));
    }
}
