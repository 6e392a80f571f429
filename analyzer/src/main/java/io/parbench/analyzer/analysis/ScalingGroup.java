package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Traits;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.List;
import java.util.SortedMap;

/**
 * The strategies of one workload (benchmarks that differ only in {@code strategy} and {@code threads}), measured
 * against their {@code sequential} baseline.
 *
 * @param title      {@code PrimesBenchmark.run size=300000}
 * @param weak       true when the size grows with the threads (Gustafson applies, not Amdahl)
 * @param curves     one per strategy other than sequential, in the contract's order
 * @param rankings   one per thread count
 * @param traits     what the launcher recorded of the benchmark (kind of work, server, pipeline)
 */
public record ScalingGroup(String title, String benchmark, SortedMap<String, String> fixedParams,
        BenchmarkStats baseline, boolean weak, List<Curve> curves, List<Ranking> rankings, Traits traits) {

    /** The suite the launcher recorded (cpu, io, ...), or "other". */
    public String suite() {
        return traits.suite();
    }

    /** One strategy's points, fits and what could not be fitted. */
    public record Curve(String strategy, List<Point> points, Fit amdahl, Fit gustafson,
            UniversalScalability usl, String uslNote) {

        /** The point with the highest speedup among the settled ones (an unsettled benchmark carries no finding). */
        public Point best() {
            return points.stream().filter(p -> !p.stats().unsettled())
                    .max(java.util.Comparator.comparingDouble(p -> p.speedup().estimate())).orElse(null);
        }
    }

    /**
     * A serial fraction fitted over the points up to {@code upTo} threads, with its 95% bootstrap interval
     * ({@code low}, {@code high}; NaN when the samples do not allow one); {@code note} says why when NaN.
     */
    public record Fit(double serialFraction, int upTo, String note, double low, double high) {

        public Fit(double serialFraction, int upTo, String note) {
            this(serialFraction, upTo, note, Double.NaN, Double.NaN);
        }

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        public boolean ok() {
            return !Double.isNaN(serialFraction);
        }

        public double ceiling() {
            return serialFraction <= 0 ? Double.POSITIVE_INFINITY : 1 / serialFraction;
        }
    }

    /** One thread count of a strategy: speedup with its 95% bootstrap interval, efficiency, Karp-Flatt. */
    public record Point(int threads, BenchmarkStats stats, Bootstrap.Interval speedup, double efficiency,
            double karpFlatt) {
    }

    /**
     * The strategies at one thread count, best first. {@code ratio} is time relative to the best (1 = the best);
     * {@code verdict} is {@link Verdict#BEST}, {@link Verdict#TIE} (within noise of the best, Holm-adjusted Welch
     * p >= 0.05), {@link Verdict#SLOWER}, or {@link Verdict#UNKNOWN} (too few samples to tell).
     */
    /**
     * The strategies at one thread count, fastest first, each with its verdict against the best. {@code unsettled}
     * lists the strategies left out because a fork reached no steady state: no claim may rest on them.
     * {@code contested}: one of them might have won (its mean is within the noise threshold of the best settled one,
     * or better), so the ranking's winner is not a finding either.
     */
    public record Ranking(int threads, List<Entry> entries, List<String> unsettled, boolean contested) {

        public Ranking(int threads, List<Entry> entries) {
            this(threads, entries, List.of(), false);
        }

        public record Entry(String strategy, BenchmarkStats stats, double ratio, double adjustedP, Verdict verdict) {
        }

        /** A strategy's standing against the best at one thread count. */
        public enum Verdict {
            /** The fastest settled strategy. */
            BEST,
            /** Within noise of the best: under the noise threshold, or Holm-adjusted Welch p at or above alpha. */
            TIE,
            /** Slower than the best beyond noise. */
            SLOWER,
            /** Too few samples to test. */
            UNKNOWN;

            /** The lower-case word summary.json and the report use. */
            @com.fasterxml.jackson.annotation.JsonValue
            public String text() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            /** Best or tied: a strategy the data cannot tell from the best. */
            public boolean good() {
                return this == BEST || this == TIE;
            }
        }

        public Entry best() {
            return entries.get(0);
        }

        /** The strategies within noise of the best (not counting those too thinly sampled to test). */
        public List<Entry> ties() {
            return entries.stream().filter(e -> e.verdict() == Verdict.TIE).toList();
        }
    }
}
