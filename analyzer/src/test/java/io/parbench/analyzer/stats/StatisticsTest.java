package io.parbench.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.model.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void summaryMatchesHandComputedValuesAndJmhsInterval() {
        Summary s = Summary.of(Samples.of(1, 2, 3, 4, 5));
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), s.sd(), 1e-12);
        // JMH's error: t(0.9995, 4) = 8.6103 (Student-t table) x sd / sqrt(5).
        assertEquals(8.610302 * Math.sqrt(2.5) / Math.sqrt(5), s.halfWidth(0.999), 1e-5);
        assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), s.halfWidth(0.95), 1e-5);
        assertEquals(Math.sqrt(2.5) / 3, s.cv(), 1e-12);
        assertTrue(Double.isNaN(Summary.of(Samples.of(7)).halfWidth(0.95)), "one sample has no interval");
    }

    @Test
    void weightsCountAsRepeatedSamples() {
        Samples weighted = new Samples(new double[] {1, 3}, new long[] {3, 1}, new int[2]);
        Summary w = Summary.of(weighted);
        Summary expanded = Summary.of(Samples.of(1, 1, 1, 3));
        assertEquals(expanded.mean(), w.mean(), 1e-12);
        assertEquals(expanded.sd(), w.sd(), 1e-12);
        assertEquals(4, w.n());
    }

    @Test
    void expandingAHugeHistogramKeepsItsShape() {
        // 1,000,000 measurements of 1 then 1,000,000 of 3: a cap must thin both, not keep only the 1s.
        Samples histogram = new Samples(new double[] {1, 3}, new long[] {1_000_000, 1_000_000}, new int[2]);
        double[] thin = histogram.expanded(10_000);
        assertEquals(10_000, thin.length);
        assertEquals(2.0, java.util.Arrays.stream(thin).average().orElseThrow(), 1e-12);
        assertEquals(4, Samples.of(1, 2, 3, 4).expanded(10_000).length);
    }

    @Test
    void bootstrapIsReproducibleAndBracketsTheRatio() {
        Samples slow = Samples.of(100, 102, 98, 101, 99, 100);
        Samples fast = Samples.of(50, 51, 49, 50.5, 49.5, 50);
        Bootstrap b = new Bootstrap(2_000, Bootstrap.SEED);
        Bootstrap.Interval i = b.ratioOfMeans(slow, fast, 0.95);
        assertEquals(2.0, i.estimate(), 1e-9);
        assertTrue(i.low() < 2.0 && i.high() > 2.0 && i.low() > 1.9 && i.high() < 2.1, i.toString());
        assertEquals(i, new Bootstrap(2_000, Bootstrap.SEED).ratioOfMeans(slow, fast, 0.95), "same seed, same interval");
        Bootstrap.Interval constant = b.ratioOfMeans(Samples.of(6, 6, 6), Samples.of(3, 3, 3), 0.95);
        assertEquals(2.0, constant.low(), 0.0);
        assertEquals(2.0, constant.high(), 0.0);
        assertTrue(Double.isNaN(b.ratioOfMeans(Samples.of(1), Samples.of(1, 2), 0.95).low()));
    }

    @Test
    void amdahlFitRecoversAKnownSerialFractionExactly() {
        // Points on the closed-form curve with f = 0.1: the fit must return 0.1 to rounding (tolerance 1e-12).
        List<ScalingLaws.Point> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            points.add(new ScalingLaws.Point(n, ScalingLaws.amdahl(0.1, n)));
        }
        assertEquals(0.1, ScalingLaws.fitAmdahl(points), 1e-12);
        assertEquals(1 / (0.1 + 0.9 / 4), ScalingLaws.amdahl(0.1, 4), 1e-12);
        // On an exact Amdahl curve Karp-Flatt's metric is the serial fraction at every n.
        for (int n : new int[] {2, 4, 8, 16}) {
            assertEquals(0.1, ScalingLaws.karpFlatt(ScalingLaws.amdahl(0.1, n), n), 1e-12);
        }
        assertTrue(Double.isNaN(ScalingLaws.fitAmdahl(List.of(new ScalingLaws.Point(1, 1)))));
        assertEquals(0.0, ScalingLaws.fitAmdahl(List.of(new ScalingLaws.Point(2, 2.1))), 0.0, "clamped at 0");
    }

    @Test
    void gustafsonFitRecoversAKnownSerialFraction() {
        List<ScalingLaws.Point> points = new ArrayList<>();
        for (int n : new int[] {2, 4, 8}) {
            points.add(new ScalingLaws.Point(n, ScalingLaws.gustafson(0.2, n)));
        }
        assertEquals(0.2, ScalingLaws.fitGustafson(points), 1e-12);
        assertEquals(8 - 0.2 * 7, ScalingLaws.gustafson(0.2, 8), 1e-12);
    }

    @Test
    void uslMatchesThePublishedFitOfTheSpecSdm91Data() {
        // SPEC SDM91 (Gunther, Guerrilla Capacity Planning, 2007), as shipped with R's usl package, whose
        // regression test (tests/summary.Rout.save) reports sigma = 2.773e-02, kappa = 1.044e-04, lambda = 90.00.
        double[] load = {1, 18, 36, 72, 108, 144, 216};
        double[] tput = {64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2};
        List<UniversalScalability.Point> points = new ArrayList<>();
        for (int i = 0; i < load.length; i++) {
            points.add(new UniversalScalability.Point(load[i], tput[i]));
        }
        UniversalScalability usl = UniversalScalability.fit(points);
        // Tolerance: 1% relative, as R prints four significant digits and the optimisers differ.
        assertEquals(2.773e-2, usl.sigma(), 2.773e-4);
        assertEquals(1.044e-4, usl.kappa(), 1.044e-6);
        assertEquals(90.00, usl.lambda(), 0.9);
        assertEquals(Math.sqrt((1 - usl.sigma()) / usl.kappa()), usl.peakConcurrency(), 1e-9);
        assertEquals(96.5, usl.peakConcurrency(), 1.5);
        // The same test reports the standard errors 9.122e-03, 1.988e-05 and 14.21 on 4 degrees of freedom
        // (residual standard error 82.85); 1% relative again.
        assertEquals(4, usl.df());
        assertEquals(9.122e-3, usl.sigmaSe(), 9.122e-5);
        assertEquals(1.988e-5, usl.kappaSe(), 1.988e-7);
        assertEquals(14.21, usl.lambdaSe(), 0.1421);
        double t = 2.776445; // t(0.975, 4), to 7 digits
        assertEquals(usl.sigma() - t * usl.sigmaSe(), usl.sigmaInterval().low(), 1e-6 * usl.sigma());
        assertEquals(usl.kappa() + t * usl.kappaSe(), usl.kappaInterval().high(), 1e-6 * usl.kappa());
        UniversalScalability.Interval peak = usl.peakInterval();
        assertTrue(peak.low() < usl.peakConcurrency() && usl.peakConcurrency() < peak.high(), peak.toString());
        assertTrue(Double.isFinite(peak.high()), "kappa's interval stays above 0, so the peak is bounded: " + peak);
        // On the log scale the interval is skewed like the peak: the estimate is the geometric mean of its ends.
        assertEquals(usl.peakConcurrency(), Math.sqrt(peak.low() * peak.high()), 1e-6 * usl.peakConcurrency());
    }

    @Test
    void uslIntervalsCoverTheTrueParametersAtAboutTheNominalRate() {
        // Throughputs drawn from a known USL (sigma 0.05, kappa 0.001, lambda 100: peak sqrt(0.95 / 0.001) = 30.8)
        // with normal noise of sd 20 at 8 concurrencies, 400 times with a fixed seed. Wald intervals are
        // asymptotic, so this asks for 88% to 99% coverage, not 95% exactly.
        java.util.Random random = new java.util.Random(20261124);
        double[] ns = {1, 2, 4, 8, 16, 32, 48, 64};
        UniversalScalability truth = new UniversalScalability(0.05, 0.001, 100, 0, 0, 0, 0, 5);
        int runs = 400;
        int sigmaIn = 0;
        int kappaIn = 0;
        int peakIn = 0;
        for (int r = 0; r < runs; r++) {
            List<UniversalScalability.Point> points = new ArrayList<>();
            for (double n : ns) {
                points.add(new UniversalScalability.Point(n, truth.throughput(n) + 20 * random.nextGaussian()));
            }
            UniversalScalability fit = UniversalScalability.fit(points);
            sigmaIn += contains(fit.sigmaInterval(), truth.sigma()) ? 1 : 0;
            kappaIn += contains(fit.kappaInterval(), truth.kappa()) ? 1 : 0;
            peakIn += contains(fit.peakInterval(), truth.peakConcurrency()) ? 1 : 0;
        }
        for (int in : new int[] {sigmaIn, kappaIn, peakIn}) {
            assertTrue(in >= 0.88 * runs && in <= 0.99 * runs, "coverage " + sigmaIn + ", " + kappaIn + ", " + peakIn
                    + " of " + runs);
        }
    }

    @Test
    void uslPeakHasNoUpperBoundWhenKappaCouldBeZero() {
        // Nearly linear scaling with noise: kappa's interval reaches 0, so no peak can be ruled out.
        double[] ns = {1, 2, 4, 8};
        double[] x = {100, 199, 405, 790};
        List<UniversalScalability.Point> points = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            points.add(new UniversalScalability.Point(ns[i], x[i]));
        }
        UniversalScalability fit = UniversalScalability.fit(points);
        assertEquals(1, fit.df());
        assertTrue(fit.kappaInterval().low() <= 0, fit.kappaInterval().toString());
        if (fit.kappa() > 0) {
            assertEquals(Double.POSITIVE_INFINITY, fit.peakInterval().high());
        } else {
            assertTrue(Double.isNaN(fit.peakInterval().low()), "no peak, so no interval: " + fit.peakInterval());
        }
    }

    private static boolean contains(UniversalScalability.Interval i, double value) {
        return i.low() <= value && value <= i.high();
    }

    @Test
    void uslNeedsFourThreadCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> UniversalScalability.fit(List.of(
                new UniversalScalability.Point(1, 1), new UniversalScalability.Point(2, 2),
                new UniversalScalability.Point(4, 3.5))));
        assertEquals("the USL needs at least 4 distinct thread counts; this has 3", e.getMessage());
    }

    @Test
    void holmAdjustsStepDownAndKeepsOrder() {
        // Sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> running max 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Significance.holm(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        double[] withNaN = Significance.holm(new double[] {Double.NaN, 0.2, 0.6});
        assertTrue(Double.isNaN(withNaN[0]));
        assertEquals(0.4, withNaN[1], 1e-12);
        assertEquals(0.6, withNaN[2], 1e-12);
        assertEquals(1.0, Significance.holm(new double[] {0.7, 0.9})[0], 1e-12, "capped at 1");
    }

    @Test
    void welchSeparatesDifferentMeansAndNotEqualOnes() {
        assertTrue(Significance.welchP(Samples.of(10, 10.1, 9.9, 10.05), Samples.of(12, 12.1, 11.9, 12.05)) < 0.001);
        assertTrue(Significance.welchP(Samples.of(10, 11, 9, 10.5), Samples.of(10.2, 10.8, 9.4, 10.1)) > 0.5);
        assertTrue(Double.isNaN(Significance.welchP(Samples.of(1), Samples.of(1, 2))));
    }

    @Test
    void tukeyFencesFindTheOutlier() {
        assertEquals(1, Significance.tukeyOutliers(Samples.of(10, 10.2, 9.9, 10.1, 10.0, 9.8, 25)));
        assertEquals(0, Significance.tukeyOutliers(Samples.of(10, 10.2, 9.9, 10.1)));
    }
}
