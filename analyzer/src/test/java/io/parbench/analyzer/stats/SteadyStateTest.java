package io.parbench.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The classifier on constructed series of 24 iterations (1% noise unless said), fixed seeds. */
class SteadyStateTest {

    private static double[] series(long seed, double noise, double... levels) {
        // levels: pairs (count, mean)
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int i = 0; i < levels.length; i += 2) {
            n += (int) levels[i];
        }
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < levels.length; i += 2) {
            for (int j = 0; j < (int) levels[i]; j++) {
                y[k++] = levels[i + 1] * (1 + noise * (r.nextDouble() * 2 - 1));
            }
        }
        return y;
    }

    @Test
    void aFlatSeriesIsFlat() {
        for (long seed = 1; seed <= 20; seed++) {
            SteadyState s = SteadyState.classify(series(seed, 0.01, 24, 10));
            assertEquals(SteadyState.Kind.FLAT, s.kind(), "seed " + seed + ": " + s);
            assertEquals(0, s.steadyFrom());
        }
    }

    @Test
    void aStepDownAtTheStartIsAWarmUpAndIsDropped() {
        double[] y = series(3, 0.01, 6, 40, 18, 10); // 6 slow iterations (the JIT at work), then steady
        SteadyState s = SteadyState.classify(y);
        assertEquals(SteadyState.Kind.WARMUP, s.kind(), s.toString());
        assertEquals(List.of(6), s.changepoints());
        assertEquals(6, s.steadyFrom());
        assertEquals(18, s.steadyPart(y).length);
        assertTrue(s.describe().startsWith("warm-up: steady from iteration 7 of 24"), s.describe());
    }

    @Test
    void aStepUpIsASlowdown() {
        SteadyState s = SteadyState.classify(series(4, 0.01, 10, 10, 14, 13)); // got 30% slower and stayed there
        assertEquals(SteadyState.Kind.SLOWDOWN, s.kind(), s.toString());
    }

    @Test
    void aChangeInTheLastQuarterIsNoSteadyState() {
        SteadyState s = SteadyState.classify(series(5, 0.01, 20, 10, 4, 14)); // still changing at the end
        assertEquals(SteadyState.Kind.NO_STEADY_STATE, s.kind(), s.toString());
        assertTrue(!s.kind().settled());
    }

    /**
     * A fork still getting faster at its end had a warm-up longer than its warm-up iterations: said, so a report can
     * tell the reader that more warm-up would let it settle. A fork getting slower, or stepping up, is not that.
     */
    @Test
    void aForkStillGettingFasterAtItsEndIsToldFromOneGettingSlower() {
        // a default run's fork (matmul, platform at 4 threads, 2 warm-up + 6 measured iterations of 200 ms, ms/op)
        SteadyState warming = SteadyState.classify(
                new double[] {13.95, 11.69, 11.37, 11.63, 10.84, 10.72, 10.01, 9.96});
        assertEquals(SteadyState.Kind.NO_STEADY_STATE, warming.kind(), warming.toString());
        assertTrue(warming.fasterAtEnd());
        assertEquals("no steady state (still getting faster over 8 iterations)", warming.describe());
        // the same run's primes sequential fork, getting slower to the end
        SteadyState slower = SteadyState.classify(
                new double[] {35.63, 36.12, 35.83, 36.77, 36.76, 36.82, 37.33, 37.38});
        assertEquals(SteadyState.Kind.NO_STEADY_STATE, slower.kind(), slower.toString());
        assertFalse(slower.fasterAtEnd());
        assertEquals("no steady state (getting slower over 8 iterations)", slower.describe());
        SteadyState stepDown = SteadyState.classify(series(5, 0.01, 20, 14, 4, 10)); // faster in its last quarter
        assertEquals(SteadyState.Kind.NO_STEADY_STATE, stepDown.kind(), stepDown.toString());
        assertTrue(stepDown.fasterAtEnd());
        assertTrue(stepDown.describe().endsWith("of 24, still getting faster)"), stepDown.describe());
        SteadyState stepUp = SteadyState.classify(series(5, 0.01, 20, 10, 4, 14));
        assertFalse(stepUp.fasterAtEnd(), stepUp.toString());
        assertFalse(SteadyState.classify(series(3, 0.01, 6, 40, 18, 10)).fasterAtEnd(), "a warm-up that ended settled");
    }

    @Test
    void aTrendHasNoSteadyState() {
        double[] y = new double[24];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + 0.5 * i; // 5% slower every iteration
        }
        SteadyState s = SteadyState.classify(y);
        assertTrue(!s.kind().settled(), s.toString());
    }

    @Test
    void outliersAreLeftOutAndDoNotMakeAChange() {
        double[] y = series(6, 0.01, 24, 10);
        y[9] = 30; // a neighbour's burst, once
        y[17] = 25;
        SteadyState s = SteadyState.classify(y);
        assertEquals(SteadyState.Kind.FLAT, s.kind(), s.toString());
        assertEquals(List.of(9, 17), s.outliers());
        assertEquals(22, s.steadyPart(y).length);
    }

    @Test
    void fourIterationsAreTooFewToTell() {
        SteadyState s = SteadyState.classify(new double[] {40, 41, 33, 18}); // the pool at 2 threads
        assertEquals(SteadyState.Kind.TOO_SHORT, s.kind());
        assertTrue(!s.kind().settled());
    }

    @Test
    void peltFindsAKnownStepAndNothingInNoise() {
        assertEquals(List.of(12), Pelt.changepoints(series(8, 0.01, 12, 10, 12, 20), Pelt.barrettPenalty(24)));
        assertEquals(List.of(), Pelt.changepoints(series(9, 0.02, 40, 10), Pelt.barrettPenalty(40)));
        assertEquals(List.of(), Pelt.changepoints(new double[] {5, 5, 5, 5, 5, 5, 5, 5}, Pelt.barrettPenalty(8)),
                "identical values: one segment, no division by a zero variance");
    }
}
