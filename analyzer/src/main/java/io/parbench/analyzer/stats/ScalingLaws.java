package io.parbench.analyzer.stats;

import java.util.List;

/**
 * Amdahl's law, the Karp-Flatt metric and Gustafson's law over measured speedups.
 *
 * <ul>
 *   <li>Amdahl (1967): S(n) = 1 / (f + (1 - f) / n), f the serial fraction, ceiling 1 / f.</li>
 *   <li>Karp and Flatt (CACM 33(5), 1990): the experimentally determined serial fraction
 *       e = (1/S - 1/n) / (1 - 1/n) at each n > 1; a rising e means overhead grows with n.</li>
 *   <li>Gustafson (CACM 31(5), 1988): scaled speedup S(n) = n - s (n - 1) when the problem grows with n.</li>
 * </ul>
 */
public final class ScalingLaws {

    private ScalingLaws() {
    }

    /** A measured speedup at a thread count. */
    public record Point(double threads, double speedup) {
    }

    /** Amdahl's predicted speedup at {@code n} for serial fraction {@code f}. */
    public static double amdahl(double f, double n) {
        return 1.0 / (f + (1.0 - f) / n);
    }

    /** Karp-Flatt's serial fraction at one point (n > 1). */
    public static double karpFlatt(double speedup, double n) {
        if (n <= 1) {
            return Double.NaN;
        }
        return (1.0 / speedup - 1.0 / n) / (1.0 - 1.0 / n);
    }

    /**
     * The least-squares serial fraction of Amdahl's law. Amdahl's law is linear in f after taking reciprocals:
     * 1/S - 1/n = f (1 - 1/n), so f = sum(y x) / sum(x^2) with x = 1 - 1/n, y = 1/S - 1/n (a fit through the
     * origin, on the reciprocal scale). Clamped to [0, 1].
     *
     * @return NaN when no point has n > 1
     */
    public static double fitAmdahl(List<Point> points) {
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            if (p.threads() <= 1 || !(p.speedup() > 0)) {
                continue;
            }
            double x = 1 - 1 / p.threads();
            double y = 1 / p.speedup() - 1 / p.threads();
            sxy += x * y;
            sxx += x * x;
        }
        if (sxx == 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, sxy / sxx));
    }

    /** Gustafson's scaled speedup at {@code n} for serial fraction {@code s}. */
    public static double gustafson(double s, double n) {
        return n - s * (n - 1);
    }

    /** The least-squares serial fraction of Gustafson's law: S = n - s(n - 1), fitted through n > 1 points. */
    public static double fitGustafson(List<Point> points) {
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            if (p.threads() <= 1) {
                continue;
            }
            double x = p.threads() - 1;
            double y = p.threads() - p.speedup();
            sxy += x * y;
            sxx += x * x;
        }
        return sxx == 0 ? Double.NaN : Math.max(0, Math.min(1, sxy / sxx));
    }
}
