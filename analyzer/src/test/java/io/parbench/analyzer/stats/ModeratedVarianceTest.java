package io.parbench.analyzer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ModeratedVarianceTest {

    /**
     * limma's own saved test output (tests/limma-Tests.Rout.save: {@code trigammaInverse(c(1e-6,NA,5,1e6))} prints
     * 1.000000e+06, NA, 4.961687e-01, 1.000001e-03). R prints seven significant digits: the tolerance is 1e-6 relative.
     */
    @Test
    void trigammaInverseMatchesLimma() {
        assertEquals(1.0, ModeratedVariance.trigammaInverse(1e-6) / 1e6, 1e-6);
        assertEquals(1.0, ModeratedVariance.trigammaInverse(5) / 4.961687e-01, 1e-6);
        assertEquals(1.0, ModeratedVariance.trigammaInverse(1e6) / 1.000001e-03, 1e-6);
        assertTrue(Double.isNaN(ModeratedVariance.trigammaInverse(-1)));
        for (double y : new double[] {0.01, 0.3, 1, 2.5, 40, 1e4}) { // the Newton iteration's fixed point is exact
            assertEquals(y, org.apache.commons.math3.special.Gamma.trigamma(ModeratedVariance.trigammaInverse(y)), y * 1e-7);
        }
    }

    /** psi''(1) = -2 zeta(3) and psi''(1/2) = -14 zeta(3) (Abramowitz and Stegun 6.4.2, 6.4.4), to 1e-9. */
    @Test
    void tetragammaMatchesItsClosedForms() {
        double zeta3 = 1.2020569031595942;
        assertEquals(-2 * zeta3, ModeratedVariance.tetragamma(1), 1e-9);
        assertEquals(-14 * zeta3, ModeratedVariance.tetragamma(0.5), 1e-9);
        assertEquals(-2 * zeta3 + 2, ModeratedVariance.tetragamma(2), 1e-9, "psi''(2) = psi''(1) + 2");
    }

    /**
     * The model itself, simulated: sigma^2 from the prior (d0 = 4, s0^2 = 0.0016: forks 4% apart), each sample
     * variance on 2 degrees of freedom (three forks). With 20,000 variances the moment estimates land within 15% (d0)
     * and 5% (s0^2) of the truth; five seeds of the same simulation (in Python, the same formulas) spread 3.9-4.2 and
     * 0.00158-0.00162, so the tolerances are about three times that spread.
     */
    @Test
    void theFitRecoversTheSimulatedPrior() {
        double d0 = 4;
        double s0 = 0.0016;
        int n = 20_000;
        double[] variances = new double[n];
        double[] df = new double[n];
        Well19937c random = new Well19937c(20261124L);
        GammaDistribution priorChi = new GammaDistribution(random, d0 / 2, 2);
        GammaDistribution sampleChi = new GammaDistribution(random, 1, 2); // chi^2 on 2 df
        for (int i = 0; i < n; i++) {
            double sigma2 = d0 * s0 / priorChi.sample();
            variances[i] = sigma2 * sampleChi.sample() / 2;
            df[i] = 2;
        }
        ModeratedVariance fit = ModeratedVariance.fit(variances, df);
        assertEquals(d0, fit.priorDf(), 0.15 * d0, fit.toString());
        assertEquals(s0, fit.priorVariance(), 0.05 * s0, fit.toString());
        assertEquals(n, fit.fitted());
    }

    /** Variances that spread no more than sampling explains: one common variance (d0 large or infinite). */
    @Test
    void alikeVariancesShareOneValue() {
        int n = 20_000;
        double[] variances = new double[n];
        double[] df = new double[n];
        GammaDistribution chi = new GammaDistribution(new Well19937c(7L), 1, 2);
        for (int i = 0; i < n; i++) {
            variances[i] = 0.0009 * chi.sample() / 2;
            df[i] = 2;
        }
        ModeratedVariance fit = ModeratedVariance.fit(variances, df);
        assertTrue(fit.priorDf() > 50, fit.toString());
        assertEquals(0.0009, fit.posterior(0.01, 2).variance(), 0.0009 * 0.1, "one wild variance is pulled to the common one");
    }

    @Test
    void posteriorsWeighThePriorAndTheSampleByTheirDegreesOfFreedom() {
        ModeratedVariance m = new ModeratedVariance(4, 0.002, 10);
        ModeratedVariance.Posterior p = m.posterior(0.005, 2);
        assertEquals((4 * 0.002 + 2 * 0.005) / 6, p.variance(), 1e-15);
        assertEquals(6, p.df());
        assertEquals(new ModeratedVariance.Posterior(0.002, 4), m.posterior(Double.NaN, 0), "one fork: the prior alone");
        ModeratedVariance infinite = new ModeratedVariance(Double.POSITIVE_INFINITY, 0.002, 10);
        assertEquals(0.002, infinite.posterior(0.5, 2).variance());
        assertTrue(Double.isInfinite(infinite.posterior(0.5, 2).df()));
    }

    @Test
    void tooLittleToFitGivesNoPrior() {
        assertNull(ModeratedVariance.fit(new double[] {0.1, 0.2}, new double[] {2, 2}), "limma needs three variances");
        assertNull(ModeratedVariance.fit(new double[] {0.1, 0.2, 0.3}, new double[] {0, 2, 2}), "df 0 carries nothing");
        assertNull(ModeratedVariance.fit(new double[] {0, 0, 0, 0.1}, new double[] {2, 2, 2, 2}), "mostly zero: nothing to fit");
        assertThrows(IllegalArgumentException.class, () -> ModeratedVariance.fit(new double[] {1}, new double[] {1, 2}));
        double[] some = new double[] {0.001, 0.002, 0.004, 0.0015, 0};
        double[] df = new double[5];
        Arrays.fill(df, 2);
        ModeratedVariance fit = ModeratedVariance.fit(some, df);
        assertTrue(fit != null && fit.priorVariance() > 0, "a zero among others is offset, as limma does: " + fit);
    }
}
