package io.parbench.analyzer.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Empirical Bayes variances: each benchmark's sample variance moderated towards a prior fitted to all of them, after
 * Smyth, "Linear Models and Empirical Bayes Methods for Assessing Differential Expression in Microarray Experiments"
 * (Statistical Applications in Genetics and Molecular Biology 3(1), 2004), as R's limma does it ({@code fitFDist}
 * and {@code squeezeVar}, the moment method of section 6).
 *
 * <p>Why: with three forks a benchmark's variance between forks has 2 degrees of freedom. Its own t interval is then
 * honest but very wide (t(0.975, 2) = 4.3), and a percentile bootstrap over three fork means cannot be wider than
 * their range, so it is too narrow (it covered a rerun's estimate in a median 71% of 56 pairings of eight default
 * runs here, where an honest 95% interval covers about 83%). The benchmarks of one run share the machine and the
 * method, so their variances between forks are alike: each sample variance s^2 on d degrees of freedom is taken to
 * be drawn around a common prior, s^2 | sigma^2 ~ sigma^2 chi^2_d / d with 1 / sigma^2 ~ chi^2_d0 / (d0 s0^2). The
 * prior's d0 and s0^2 are fitted to the log variances by their first two moments (a scaled F distribution), and
 * each benchmark's posterior variance is (d0 s0^2 + d s^2) / (d0 + d) on d0 + d degrees of freedom. Benchmarks whose
 * variances differ a lot get a small d0, and little moderation; alike ones borrow much strength. A benchmark with
 * d = 0 (one fork) gets the prior's variance and degrees of freedom.
 *
 * @param priorDf d0, the prior's degrees of freedom (infinite when the variances spread no more than sampling
 *                alone explains: every posterior is then s0^2)
 * @param priorVariance s0^2
 * @param fitted how many sample variances the prior was fitted to
 */
public record ModeratedVariance(double priorDf, double priorVariance, int fitted) {

    /** A variance with its degrees of freedom. */
    public record Posterior(double variance, double df) {
    }

    /**
     * The prior fitted to {@code variances}, each on {@code df[i]} degrees of freedom (entries with df 0, or a variance
     * that is not a finite number, are skipped); null with fewer than three usable variances, as limma requires.
     * Variances of exactly zero are offset to 1e-5 of the median (limma's guard); when more than half are zero there
     * is nothing to fit, and null is returned.
     */
    public static ModeratedVariance fit(double[] variances, double[] df) {
        if (variances.length != df.length) {
            throw new IllegalArgumentException("variances and df differ in length");
        }
        int n = 0;
        double[] x = new double[variances.length];
        double[] d = new double[variances.length];
        for (int i = 0; i < variances.length; i++) {
            if (df[i] > 1e-15 && Double.isFinite(variances[i]) && variances[i] >= 0) {
                x[n] = variances[i];
                d[n] = df[i];
                n++;
            }
        }
        if (n < 3) {
            return null;
        }
        double median = org.apache.commons.math3.stat.StatUtils.percentile(x, 0, n, 50);
        if (median <= 0) {
            return null;
        }
        double meanE = 0;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double z = Math.log(Math.max(x[i], 1e-5 * median));
            e[i] = z - Gamma.digamma(d[i] / 2) + Math.log(d[i] / 2);
            meanE += e[i];
        }
        meanE /= n;
        double varE = 0;
        double meanTrigamma = 0;
        for (int i = 0; i < n; i++) {
            varE += (e[i] - meanE) * (e[i] - meanE);
            meanTrigamma += Gamma.trigamma(d[i] / 2);
        }
        varE = varE / (n - 1) - meanTrigamma / n;
        if (varE <= 0) { // no more spread than sampling explains: one variance for all
            return new ModeratedVariance(Double.POSITIVE_INFINITY, Math.exp(meanE), n);
        }
        double d0 = 2 * trigammaInverse(varE);
        double s0 = Math.exp(meanE + Gamma.digamma(d0 / 2) - Math.log(d0 / 2));
        return new ModeratedVariance(d0, s0, n);
    }

    /** The posterior of a sample variance {@code s2} on {@code df} degrees of freedom (df 0: the prior). */
    public Posterior posterior(double s2, double df) {
        if (Double.isInfinite(priorDf)) {
            return new Posterior(priorVariance, Double.POSITIVE_INFINITY);
        }
        if (df <= 0 || !Double.isFinite(s2)) {
            return new Posterior(priorVariance, priorDf);
        }
        return new Posterior((priorDf * priorVariance + df * s2) / (priorDf + df), priorDf + df);
    }

    /**
     * The inverse of the trigamma function, by limma's Newton iteration on 1 / trigamma (convex, so it converges from
     * the starting value 0.5 + 1 / y without overshoot); large and small arguments by the asymptotes.
     */
    public static double trigammaInverse(double y) {
        if (!(y >= 0)) {
            return Double.NaN;
        }
        if (y > 1e7) {
            return 1 / Math.sqrt(y);
        }
        if (y < 1e-6) {
            return 1 / y;
        }
        double x = 0.5 + 1 / y;
        for (int iteration = 0; iteration < 50; iteration++) {
            double tri = Gamma.trigamma(x);
            double dif = tri * (1 - tri / y) / tetragamma(x);
            x += dif;
            if (-dif / x < 1e-8) {
                break;
            }
        }
        return x;
    }

    /**
     * psi''(x), which commons-math lacks: the recurrence psi''(x) = psi''(x + 1) - 2 / x^3 up to x >= 6, then the
     * asymptotic series -1/x^2 - 1/x^3 - 1/(2x^4) + 1/(6x^6) - 1/(6x^8) + 3/(10x^10) (Abramowitz and Stegun 6.4.13).
     */
    static double tetragamma(double x) {
        double acc = 0;
        while (x < 6) {
            acc -= 2 / (x * x * x);
            x += 1;
        }
        double x2 = x * x;
        double inv2 = 1 / x2;
        double series = -inv2 - 1 / (x2 * x) - inv2 * inv2 / 2
                + inv2 * inv2 * inv2 * (1.0 / 6 + inv2 * (-1.0 / 6 + inv2 * 3.0 / 10));
        return acc + series;
    }
}
