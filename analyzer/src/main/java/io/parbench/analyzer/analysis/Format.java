package io.parbench.analyzer.analysis;

import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.Locale;

/** How numbers read in reports: three significant figures, intervals in brackets, units always. */
public final class Format {

    private Format() {
    }

    /** 3 significant figures, no exponent for everyday magnitudes. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        java.math.BigDecimal bd = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        return bd.stripTrailingZeros().toPlainString();
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(java.util.List<String> items) {
        int n = items.size();
        return n <= 1 ? String.join("", items) : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }

    /** "12.3 ± 0.4 ms/op" (99.9% interval, as JMH prints it). */
    public static String score(BenchmarkStats s) {
        return Double.isNaN(s.ci999()) ? num(s.mean()) + " " + s.unit()
                : num(s.mean()) + " ± " + num(s.ci999()) + " " + s.unit();
    }

    /** "1.93x [1.88, 1.97]" (95% bootstrap interval). */
    public static String speedup(Bootstrap.Interval i) {
        if (Double.isNaN(i.low())) {
            return String.format(Locale.ROOT, "%.2fx", i.estimate());
        }
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", i.estimate(), i.low(), i.high());
    }

    /**
     * A USL parameter with its 95% interval, "0.0277 [0.00240, 0.0531]"; a low end below 0 reads as 0 (sigma and
     * kappa cannot be negative), an infinite high end as "no bound".
     */
    public static String withInterval(double estimate, UniversalScalability.Interval i) {
        if (!i.known()) {
            return num(estimate);
        }
        return num(estimate) + " [" + num(Math.max(0, i.low())) + ", "
                + (Double.isInfinite(i.high()) ? "no bound" : num(i.high())) + "]";
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
