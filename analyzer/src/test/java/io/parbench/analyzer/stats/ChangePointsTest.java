package io.parbench.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangePointsTest {

    /**
     * Matteson and James's statistic, worked by hand for z = (1, 2, 10, 11) split after the second point: between-sum
     * |1-10| + |1-11| + |2-10| + |2-11| = 36, so 2 x 36 / 4 = 18; within each side 1 / C(2, 2) = 1; q = 4/4 x (18 - 1 -
     * 1) = 16. Split after the first point: see the second assertion.
     */
    @Test
    void qHatFollowsMattesonAndJames() {
        double[] z = {1, 2, 10, 11};
        assertEquals(16, ChangePoints.qHat(z, 0, 2, 4), 1e-12);
        // tau = 1: X = {1}, Y = {2, 10, 11}: 2/3 x (1 + 9 + 10) = 13.333; within Y: (8 + 9 + 1) / 3 = 6; q = 3/4 x 7.333.
        assertEquals(0.75 * (40.0 / 3 - 6), ChangePoints.qHat(z, 0, 1, 4), 1e-12);
    }

    /** A 5% step in a history with 1% noise is found at the run where it happened, and nowhere else. */
    @Test
    void aStepIsFoundWhereItHappened() {
        SplittableRandom random = new SplittableRandom(3);
        double[] series = new double[30];
        for (int i = 0; i < series.length; i++) {
            series[i] = (i < 18 ? 100 : 105) * (1 + 0.01 * random.nextGaussian());
        }
        List<ChangePoints.Step> steps = ChangePoints.of(series);
        assertEquals(1, steps.size(), steps.toString());
        assertEquals(18, steps.get(0).index());
        assertTrue(Math.abs(steps.get(0).change() - 0.05) < 0.015, steps.toString());
        assertTrue(steps.get(0).p() < ChangePoints.MAX_PVALUE);
    }

    /** Two steps, up then back down, are both found; noise alone gives none. */
    @Test
    void twoStepsAndNoneInNoise() {
        SplittableRandom random = new SplittableRandom(4);
        double[] two = new double[36];
        double[] flat = new double[36];
        for (int i = 0; i < two.length; i++) {
            two[i] = (i >= 12 && i < 24 ? 110 : 100) * (1 + 0.01 * random.nextGaussian());
            flat[i] = 100 * (1 + 0.01 * random.nextGaussian());
        }
        assertEquals(List.of(12, 24), ChangePoints.of(two).stream().map(ChangePoints.Step::index).toList());
        assertEquals(List.of(), ChangePoints.of(flat));
        assertEquals(List.of(), ChangePoints.of(new double[] {1, 2, 3}));
    }
}
