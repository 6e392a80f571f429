package io.parbench.analyzer.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether one fork's iteration series reached a steady state, after Barrett, Bolz-Tereick, Killick, Mount and Tratt,
 * "Virtual Machine Warmup Blows Hot and Cold" (OOPSLA 2017), as their warmup_stats tools implement it:
 * <ol>
 *   <li>outliers: points more than 3 x (90th - 10th percentile) from a rolling median (mark_outliers_in_json; their
 *       window is 200 iterations, ours the whole series when it is shorter) are left out of the changepoint search;</li>
 *   <li>changepoints: {@link Pelt} on mean and variance, penalty 15 log n;</li>
 *   <li>classification (mark_changepoints_in_json): going back from the last segment, a segment whose mean +/- spread
 *       overlaps the last segment's mean +/- max(spread, delta) is equivalent to it; the first one that is not makes
 *       the fork a <em>warm-up</em> (it was slower), a <em>slowdown</em> (it was faster), or <em>no steady state</em>
 *       when it ends inside the last quarter of the series, where a steady state should already hold. No
 *       non-equivalent segment: <em>flat</em>.</li>
 * </ol>
 * Departures, all for series of a few dozen points in any unit: a monotone drift is caught by a rank test (see
 * {@link #trending}), and the spread is the segment's standard deviation
 * (warmup_stats uses its variance, in seconds, which is tiny there but not in milliseconds), and delta is
 * {@value #DELTA_FRACTION} of the fastest segment's mean (warmup_stats: 0.001 s, i.e. 0.1 to 1% of their benchmarks).
 *
 * <p>Values must be "lower is better" (time per operation); callers pass throughput as its reciprocal.
 *
 * <p>{@code fasterAtEnd}: a fork with no steady state that was still getting faster at its end (its last segment
 * faster than the one before, or a drift down): a warm-up longer than its warm-up iterations, which more warm-up time
 * would let settle (time, not iterations: the README's measurement). False in every other case.
 */
public record SteadyState(Kind kind, List<Integer> changepoints, List<Integer> outliers, int steadyFrom, int length,
        boolean fasterAtEnd) {

    /** Barrett et al.'s four classes. */
    public enum Kind {
        FLAT("flat"), WARMUP("warm-up"), SLOWDOWN("slowdown"), NO_STEADY_STATE("no steady state"),
        /** Too few iterations to look for changepoints. */
        TOO_SHORT("too short to tell");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        /** True when the fork reached a steady state (flat, or a warm-up that ended). */
        public boolean settled() {
            return this == FLAT || this == WARMUP;
        }
    }

    /** Segments closer than this fraction of the fastest segment's mean are equivalent. */
    public static final double DELTA_FRACTION = 0.01;
    /** A steady state should hold over the last quarter of the series (warmup_stats: the last 500 of 2,000). */
    public static final double STEADY_TAIL = 0.25;
    /** Fewer points than this and PELT (segments of at least two) cannot tell a warm-up from noise. */
    public static final int MIN_POINTS = 8;
    /** The outlier fence, in multiples of the 90th - 10th percentile range around the rolling median. */
    static final double OUTLIER_FENCE = 3;
    static final int OUTLIER_WINDOW = 200;

    /** The iterations from {@link #steadyFrom} on, without outliers: what a score should be computed from. */
    public double[] steadyPart(double[] series) {
        List<Double> out = new ArrayList<>();
        for (int i = steadyFrom; i < series.length; i++) {
            if (!outliers.contains(i)) {
                out.add(series[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** "warm-up: steady from iteration 6 of 20 (1 outlier)". */
    public String describe() {
        String o = outliers.isEmpty() ? "" : String.format(Locale.ROOT, ", %d outlier%s", outliers.size(),
                outliers.size() == 1 ? "" : "s");
        return switch (kind) {
            case WARMUP -> String.format(Locale.ROOT, "warm-up: steady from iteration %d of %d%s", steadyFrom + 1, length, o);
            case FLAT -> String.format(Locale.ROOT, "flat over %d iterations%s", length, o);
            case TOO_SHORT -> String.format(Locale.ROOT, "%d iterations: too few to tell", length);
            default -> changepoints.isEmpty()
                    ? String.format(Locale.ROOT, "%s (%s over %d iterations)%s", kind,
                            fasterAtEnd ? "still getting faster" : "getting slower", length, o)
                    : String.format(Locale.ROOT, "%s (changes at iteration%s %s of %d%s)%s", kind,
                            changepoints.size() == 1 ? "" : "s", changepoints.stream().map(c -> Integer.toString(c + 1))
                                    .reduce((a, b) -> a + ", " + b).orElse(""), length,
                            fasterAtEnd ? ", still getting faster" : "", o);
        };
    }

    /** Classifies one fork's series (lower is better). */
    public static SteadyState classify(double[] series) {
        int n = series.length;
        if (n < MIN_POINTS) {
            return new SteadyState(Kind.TOO_SHORT, List.of(), List.of(), 0, n, false);
        }
        List<Integer> outliers = outliers(series);
        int[] kept = new int[n - outliers.size()];
        double[] clean = new double[kept.length];
        for (int i = 0, k = 0; i < n; i++) {
            if (!outliers.contains(i)) {
                kept[k] = i;
                clean[k++] = series[i];
            }
        }
        List<Integer> cleanCps = Pelt.changepoints(clean, Pelt.barrettPenalty(clean.length));
        List<Integer> cps = cleanCps.stream().map(c -> kept[c]).toList(); // back to the original indices
        // Segments of the clean series: [starts[i], starts[i+1]).
        List<Integer> starts = new ArrayList<>(List.of(0));
        starts.addAll(cleanCps);
        starts.add(clean.length);
        int segments = starts.size() - 1;
        double[] mean = new double[segments];
        double[] sd = new double[segments];
        for (int s = 0; s < segments; s++) {
            double[] part = Arrays.copyOfRange(clean, starts.get(s), starts.get(s + 1));
            mean[s] = Arrays.stream(part).average().orElse(0);
            double m = mean[s];
            sd[s] = Math.sqrt(Arrays.stream(part).map(v -> (v - m) * (v - m)).sum() / part.length);
        }
        double fastest = Arrays.stream(mean).min().orElse(0);
        double delta = DELTA_FRACTION * Math.abs(fastest);
        int lastSeg = segments - 1;
        double lower = Math.min(mean[lastSeg] - sd[lastSeg], mean[lastSeg] - delta);
        double upper = Math.max(mean[lastSeg] + sd[lastSeg], mean[lastSeg] + delta);
        int tail = (int) Math.ceil(n * STEADY_TAIL);
        Kind kind = Kind.FLAT;
        int steadyFrom = 0;
        boolean settledRun = true;
        boolean fasterAtEnd = false;
        for (int s = segments - 2; s >= 0; s--) {
            if (mean[s] + sd[s] >= lower && mean[s] - sd[s] <= upper) {
                continue; // equivalent to the last segment
            }
            int endOriginal = kept[starts.get(s + 1) - 1]; // the segment's last point, original index
            if (settledRun) {
                steadyFrom = kept[starts.get(s + 1)];
                settledRun = false;
            }
            if (endOriginal >= n - tail) {
                kind = Kind.NO_STEADY_STATE;
                fasterAtEnd = mean[s] > mean[lastSeg]; // slower just before the end: it was still warming up
                break;
            }
            if (mean[s] - sd[s] < lower) {
                kind = Kind.SLOWDOWN;
                break;
            }
            kind = Kind.WARMUP; // slower earlier; keep looking further back, as warmup_stats does
        }
        if (kind == Kind.FLAT && trending(clean, delta)) {
            kind = Kind.NO_STEADY_STATE; // a drift PELT cannot cut into segments (see trending)
            fasterAtEnd = slope(clean) < 0;
        }
        return new SteadyState(kind, cps, outliers, kind == Kind.FLAT ? 0 : steadyFrom, n, fasterAtEnd);
    }

    /** Spearman's rank correlation beyond this (two-sided p below 0.001) is a drift, not noise. */
    static final double TREND_P = 0.001;

    /**
     * An addition to Barrett et al.'s method, for short series: a steady drift (each iteration a little slower or
     * faster than the last) is one segment to PELT with a penalty of 15 log n, because a segment's variance absorbs the
     * drift; over a few dozen iterations no split pays for its penalty. A monotone trend (Spearman's rho significant
     * at {@value #TREND_P}, t approximation) whose fitted change over the series exceeds twice delta is no steady state.
     */
    static boolean trending(double[] y, double delta) {
        int n = y.length;
        if (n < MIN_POINTS) {
            return false;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        double rho = new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(x, y);
        if (Double.isNaN(rho) || Math.abs(rho) >= 1) {
            return !Double.isNaN(rho) && fittedChange(y) > 2 * delta;
        }
        double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
        double p = 2 * (1 - new org.apache.commons.math3.distribution.TDistribution(n - 2).cumulativeProbability(Math.abs(t)));
        return p < TREND_P && fittedChange(y) > 2 * delta;
    }

    private static double fittedChange(double[] y) {
        return Math.abs(slope(y) * (y.length - 1));
    }

    /** The least-squares slope of {@code y} against its index (per iteration; negative: getting faster). */
    private static double slope(double[] y) {
        org.apache.commons.math3.stat.regression.SimpleRegression r = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            r.addData(i, y[i]);
        }
        return r.getSlope();
    }

    /** Points more than {@value #OUTLIER_FENCE} x (p90 - p10) from the median of a window around them. */
    static List<Integer> outliers(double[] y) {
        int n = y.length;
        int w = Math.min(OUTLIER_WINDOW, n);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, Math.min(i - w / 2, n - w));
            double[] win = Arrays.copyOfRange(y, from, from + w);
            Arrays.sort(win);
            double median = quantile(win, 0.5);
            double range = quantile(win, 0.9) - quantile(win, 0.1);
            if (Math.abs(y[i] - median) > OUTLIER_FENCE * range && range > 0) {
                out.add(i);
            }
        }
        return out;
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
