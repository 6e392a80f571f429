package io.parbench.analyzer.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A JMH score unit, normalised: time per operation (to seconds per op) or operations per time (to ops per second).
 * Anything else ({@code B/op}, {@code #}, {@code MB/sec}) is {@link Kind#OTHER}: shown as written, never
 * compared across units.
 */
public record Unit(Kind kind, double toBase, String text) {

    public enum Kind {
        /** Lower is better: seconds per operation after {@link #toBase}. */
        TIME_PER_OP,
        /** Higher is better: operations per second after {@link #toBase}. */
        OPS_PER_TIME,
        OTHER
    }

    /** Seconds in one of JMH's time unit abbreviations, if it is one. */
    public static Optional<Double> seconds(String unit) {
        return Optional.ofNullable(switch (unit) {
            case "ns" -> 1e-9;
            case "us", "µs", "μs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s", "sec" -> 1.0;
            case "min" -> 60.0;
            case "hr", "h" -> 3600.0;
            case "day", "d" -> 86400.0;
            default -> null;
        });
    }

    /**
     * Parses {@code ms/op}, {@code ops/s}, {@code us/op}, ... For a primary metric the caller refuses
     * {@link Kind#OTHER}: its scores cannot be compared.
     */
    public static Unit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        if (slash > 0) {
            String num = t.substring(0, slash);
            String den = t.substring(slash + 1);
            if (den.equals("op")) {
                Optional<Double> s = seconds(num);
                if (s.isPresent()) {
                    return new Unit(Kind.TIME_PER_OP, s.get(), text);
                }
            }
            if (num.equals("ops")) {
                Optional<Double> s = seconds(den);
                if (s.isPresent()) {
                    return new Unit(Kind.OPS_PER_TIME, 1.0 / s.get(), text);
                }
            }
        }
        return new Unit(Kind.OTHER, 1.0, text);
    }

    public boolean comparable() {
        return kind != Kind.OTHER;
    }
}
