package io.parbench.analyzer.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Changepoints in a series by PELT (Killick, Fearnhead and Eckley, "Optimal detection of changepoints with a linear
 * computational cost", JASA 107(500), 2012) with the normal mean-and-variance cost of R's {@code changepoint} package
 * ({@code cpt.meanvar(test.stat = "Normal", minseglen = 2)}), as Barrett et al. use it in warmup_stats: twice the
 * negative log-likelihood of a segment, {@code n (log 2 pi + log sigma^2 + 1)} with sigma^2 the segment's maximum-
 * likelihood variance, plus a penalty per changepoint.
 *
 * <p>The series is divided by its median first, so the cost does not depend on the unit; a segment whose variance is
 * zero gets a floor of {@value #MIN_VARIANCE} (relative), as R floors it, so that exact repeats cannot buy an
 * unbounded gain.
 */
public final class Pelt {

    /** Barrett et al.'s penalty: 15 log n per changepoint (their mark_changepoints_in_json). */
    public static double barrettPenalty(int n) {
        return 15 * Math.log(n);
    }

    static final double MIN_VARIANCE = 1e-11;
    private static final int MIN_SEGMENT = 2;

    private Pelt() {
    }

    /**
     * The changepoints of {@code y}: the indices at which a new segment starts (strictly inside the series), in
     * increasing order; empty when one segment explains it best.
     */
    public static List<Integer> changepoints(double[] y, double penalty) {
        int n = y.length;
        if (n < 2 * MIN_SEGMENT) {
            return List.of();
        }
        double scale = median(y);
        if (!(scale > 0) || !Double.isFinite(scale)) {
            scale = 1;
        }
        double[] s1 = new double[n + 1];
        double[] s2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double v = y[i] / scale;
            s1[i + 1] = s1[i] + v;
            s2[i + 1] = s2[i] + v * v;
        }
        double[] f = new double[n + 1];
        int[] last = new int[n + 1];
        f[0] = -penalty;
        for (int t = 1; t < MIN_SEGMENT; t++) {
            f[t] = Double.POSITIVE_INFINITY;
        }
        List<Integer> candidates = new ArrayList<>(List.of(0));
        for (int t = MIN_SEGMENT; t <= n; t++) {
            double best = Double.POSITIVE_INFINITY;
            int bestTau = 0;
            double[] costs = new double[candidates.size()];
            for (int k = 0; k < candidates.size(); k++) {
                int tau = candidates.get(k);
                if (t - tau < MIN_SEGMENT || f[tau] == Double.POSITIVE_INFINITY) {
                    costs[k] = Double.NaN;
                    continue;
                }
                costs[k] = f[tau] + cost(s1, s2, tau, t);
                if (costs[k] + penalty < best) {
                    best = costs[k] + penalty;
                    bestTau = tau;
                }
            }
            f[t] = best;
            last[t] = bestTau;
            // Pruning: a start that cannot beat the best now never will (the cost is additive, K = 0).
            List<Integer> kept = new ArrayList<>(candidates.size() + 1);
            for (int k = 0; k < candidates.size(); k++) {
                if (Double.isNaN(costs[k]) || costs[k] <= f[t]) {
                    kept.add(candidates.get(k));
                }
            }
            kept.add(t - MIN_SEGMENT + 1 > 0 ? t - MIN_SEGMENT + 1 : t);
            candidates = dedupe(kept);
        }
        List<Integer> cps = new ArrayList<>();
        for (int t = last[n]; t > 0; t = last[t]) {
            cps.add(0, t);
        }
        return cps;
    }

    /** Twice the negative log-likelihood of y[from, to) under one normal distribution (R's mll.meanvar). */
    private static double cost(double[] s1, double[] s2, int from, int to) {
        int m = to - from;
        double sum = s1[to] - s1[from];
        double variance = (s2[to] - s2[from] - sum * sum / m) / m;
        if (!(variance > MIN_VARIANCE)) {
            variance = MIN_VARIANCE;
        }
        return m * (Math.log(2 * Math.PI) + Math.log(variance) + 1);
    }

    private static List<Integer> dedupe(List<Integer> sortedish) {
        List<Integer> out = new ArrayList<>(sortedish.size());
        for (int v : sortedish) {
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    static double median(double[] y) {
        double[] s = y.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
