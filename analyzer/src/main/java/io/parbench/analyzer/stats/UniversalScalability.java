package io.parbench.analyzer.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Gunther's Universal Scalability Law (Guerrilla Capacity Planning, Springer 2007, eq. 4.31):
 * X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)), with sigma the contention (serialisation) and kappa the
 * coherency (crosstalk) cost. Fitted by Levenberg-Marquardt non-linear least squares on the throughputs, with all
 * three parameters free, as R's usl package does; sigma and kappa are kept at or above zero.
 *
 * <p>The parameters' standard errors are those of R's {@code summary.USL} and {@code confint.USL} (smoeding/usl):
 * the asymptotic covariance of non-linear least squares, s^2 (J'J)^-1 at the optimum, with s^2 the residual sum of
 * squares over its n - 3 degrees of freedom; a 95% interval is the estimate +- t(0.975, n - 3) standard errors. They
 * see how well the curve fits the points, not the noise inside each point, and with four points (one degree of
 * freedom) they are wide, as they should be.
 *
 * @param sigmaSe       standard error of sigma (NaN when J'J is singular)
 * @param kappaSe       standard error of kappa
 * @param lambdaSe      standard error of lambda
 * @param sigmaKappaCov covariance of sigma and kappa (for the peak's interval)
 * @param df            residual degrees of freedom, n - 3
 */
public record UniversalScalability(double sigma, double kappa, double lambda, double sigmaSe, double kappaSe,
        double lambdaSe, double sigmaKappaCov, int df) {

    /** A 95% interval; {@code high} may be infinite (the data cannot bound it). */
    public record Interval(double low, double high) {

        public boolean known() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /** A measured throughput at a concurrency. */
    public record Point(double n, double throughput) {
    }

    /** The model's throughput at concurrency {@code n}. */
    public double throughput(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** The concurrency of peak throughput, sqrt((1 - sigma) / kappa); infinite when kappa is 0. */
    public double peakConcurrency() {
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
    }

    /**
     * True when the peak, or the high end of its interval, lies past the highest concurrency measured: the peak is
     * then an extrapolation. False when there is no peak.
     */
    public boolean peakBeyond(double measured) {
        double peak = peakConcurrency();
        Interval ci = peakInterval();
        return Double.isFinite(peak) && (peak > measured || (ci.known() && ci.high() > measured));
    }

    /** The two-sided 97.5% quantile of Student's t with the fit's residual degrees of freedom. */
    private double t975() {
        return new TDistribution(df).inverseCumulativeProbability(0.975);
    }

    /** The 95% interval of sigma as R's confint.USL gives it (estimate +- t SE; the low end may be negative). */
    public Interval sigmaInterval() {
        return wald(sigma, sigmaSe);
    }

    /** The 95% interval of kappa as R's confint.USL gives it. */
    public Interval kappaInterval() {
        return wald(kappa, kappaSe);
    }

    private Interval wald(double estimate, double se) {
        if (Double.isNaN(se)) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double h = t975() * se;
        return new Interval(estimate - h, estimate + h);
    }

    /**
     * The 95% interval of the peak concurrency by the delta method on its logarithm, log N* = (log(1 - sigma) -
     * log kappa) / 2, whose gradient is (-1 / (2 (1 - sigma)), -1 / (2 kappa)); on the log scale the interval stays
     * positive and is as skewed as the peak. The high end is infinite when kappa's interval reaches 0 (the data cannot
     * rule out a curve with no peak); NaN when there is no peak or no standard error.
     */
    public Interval peakInterval() {
        if (kappa <= 0 || sigma >= 1 || Double.isNaN(kappaSe) || Double.isNaN(sigmaSe)) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double gs = -0.5 / (1 - sigma);
        double gk = -0.5 / kappa;
        double variance = gs * gs * sigmaSe * sigmaSe + gk * gk * kappaSe * kappaSe + 2 * gs * gk * sigmaKappaCov;
        double h = t975() * Math.sqrt(Math.max(0, variance));
        double log = Math.log(peakConcurrency());
        double high = kappaInterval().low() <= 0 ? Double.POSITIVE_INFINITY : Math.exp(log + h);
        return new Interval(Math.exp(log - h), high);
    }

    /**
     * Fits the law; needs at least four distinct concurrencies (three parameters, and one more so the fit is not
     * exact by construction).
     *
     * @throws IllegalArgumentException with the reason when there are too few points or the fit does not converge
     */
    public static UniversalScalability fit(List<Point> points) {
        long distinct = points.stream().mapToDouble(Point::n).distinct().count();
        if (distinct < 4) {
            throw new IllegalArgumentException("the USL needs at least 4 distinct thread counts; this has " + distinct);
        }
        double[] n = points.stream().mapToDouble(Point::n).toArray();
        double[] x = points.stream().mapToDouble(Point::throughput).toArray();
        // Start lambda from the best per-thread throughput at the lowest concurrency.
        double lambda0 = 0;
        double minN = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n.length; i++) {
            if (n[i] < minN) {
                minN = n[i];
                lambda0 = x[i] / n[i];
            }
        }
        double scale = lambda0 > 0 ? lambda0 : 1;
        ParameterValidator nonNegative = p -> {
            RealVector q = p.copy();
            q.setEntry(0, Math.max(0, q.getEntry(0)));
            q.setEntry(1, Math.max(0, q.getEntry(1)));
            q.setEntry(2, Math.max(1e-12, q.getEntry(2)));
            return q;
        };
        var problem = new LeastSquaresBuilder()
                .start(new double[] {0.01, 0.0001, lambda0 / scale})
                .model(p -> {
                    double s = p.getEntry(0);
                    double k = p.getEntry(1);
                    double l = p.getEntry(2);
                    double[] value = new double[n.length];
                    double[][] jac = new double[n.length][3];
                    for (int i = 0; i < n.length; i++) {
                        double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
                        value[i] = l * n[i] / d;
                        jac[i][0] = -l * n[i] * (n[i] - 1) / (d * d);
                        jac[i][1] = -l * n[i] * n[i] * (n[i] - 1) / (d * d);
                        jac[i][2] = n[i] / d;
                    }
                    return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
                })
                .target(java.util.Arrays.stream(x).map(v -> v / scale).toArray())
                .parameterValidator(nonNegative)
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build();
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            RealVector p = optimum.getPoint();
            int df = n.length - 3;
            double rms = optimum.getRMS(); // sqrt(RSS / n), in the scaled units
            double s2 = rms * rms * n.length / df;
            double[] se = {Double.NaN, Double.NaN, Double.NaN};
            double cov = Double.NaN;
            try {
                RealMatrix c = optimum.getCovariances(1e-14); // (J'J)^-1
                for (int i = 0; i < 3; i++) {
                    se[i] = Math.sqrt(s2 * c.getEntry(i, i));
                }
                cov = s2 * c.getEntry(0, 1);
            } catch (SingularMatrixException e) {
                // J'J singular (a parameter the points cannot identify): no standard errors
            }
            return new UniversalScalability(p.getEntry(0), p.getEntry(1), p.getEntry(2) * scale, se[0], se[1],
                    se[2] * scale, cov, df);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the USL fit did not converge (" + e.getMessage() + ")", e);
        }
    }
}
