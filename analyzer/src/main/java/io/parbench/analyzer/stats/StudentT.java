package io.parbench.analyzer.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t with any degrees of freedom, infinite included (the normal): moderated variances can add a prior's
 * degrees of freedom without bound, which commons-math's {@link TDistribution} does not accept.
 */
public final class StudentT {

    private static final NormalDistribution NORMAL = new NormalDistribution();
    /** Beyond this many degrees of freedom t and the normal agree to every digit a report shows. */
    private static final double NORMAL_FROM = 1e7;

    private StudentT() {
    }

    /** The quantile at probability {@code p}. */
    public static double quantile(double df, double p) {
        return df > NORMAL_FROM ? NORMAL.inverseCumulativeProbability(p) : new TDistribution(df).inverseCumulativeProbability(p);
    }

    /** P(T <= x). */
    public static double cdf(double df, double x) {
        return df > NORMAL_FROM ? NORMAL.cumulativeProbability(x) : new TDistribution(df).cumulativeProbability(x);
    }
}
