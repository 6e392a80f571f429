package io.parbench.bench.suite.cpu;

import java.util.Locale;

/**
 * A deliberate slowdown for testing the regression gate: {@code -Dparbench.workFactor=primes=1.2,sumsq=1.1} scales
 * the named workloads' sizes, so they do that much more work under the same benchmark name and params, as a slower
 * build would. (For primes, sumsq and collatz the work grows with the size; matmul's grows with its cube.) Answers
 * are still checked against sequential at the scaled size. Without the property nothing changes.
 */
public final class WorkFactor {

    public static final String PROPERTY = "parbench.workFactor";

    private WorkFactor() {
    }

    /** The size {@code workload} runs at under {@code spec} (the property's value, may be null). */
    static long scaledSize(String spec, String workload, long size) {
        if (spec == null || spec.isBlank()) {
            return size;
        }
        for (String item : spec.split(",")) {
            String[] kv = item.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("-D" + PROPERTY + "='" + spec + "' is not workload=factor[,...] "
                        + "(example: primes=1.2)");
            }
            if (kv[0].trim().toLowerCase(Locale.ROOT).equals(workload)) {
                double factor;
                try {
                    factor = Double.parseDouble(kv[1].trim());
                } catch (NumberFormatException e) {
                    factor = Double.NaN;
                }
                if (!(factor > 0)) {
                    throw new IllegalArgumentException("-D" + PROPERTY + ": factor '" + kv[1] + "' for " + workload
                            + " is not a number above 0");
                }
                return Math.round(size * factor);
            }
        }
        return size;
    }

    static long scaledSize(String workload, long size) {
        return scaledSize(System.getProperty(PROPERTY), workload, size);
    }
}
