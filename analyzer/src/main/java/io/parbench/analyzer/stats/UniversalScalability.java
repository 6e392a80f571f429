package io.parbench.analyzer.stats;

import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Gunther's Universal Scalability Law (Guerrilla Capacity Planning, Springer 2007, eq. 4.31):
 * X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)), with sigma the contention (serialisation) and kappa the
 * coherency (crosstalk) cost. Fitted by Levenberg-Marquardt non-linear least squares on the throughputs, with all
 * three parameters free, as R's usl package does; sigma and kappa are kept at or above zero.
 */
public record UniversalScalability(double sigma, double kappa, double lambda) {

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
            return new UniversalScalability(p.getEntry(0), p.getEntry(1), p.getEntry(2) * scale);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the USL fit did not converge (" + e.getMessage() + ")", e);
        }
    }
}
