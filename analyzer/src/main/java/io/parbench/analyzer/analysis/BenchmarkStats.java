package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.stats.Significance;
import io.parbench.analyzer.stats.Summary;

/**
 * The statistics of one benchmark's primary metric, in its own unit: mean and 95% / 99.9% intervals from the raw
 * samples (JMH's score and error when the file kept no samples), the coefficient of variation and Tukey outliers.
 */
public record BenchmarkStats(BenchmarkResult result, long n, double mean, double ci95, double ci999, double cv,
        int outliers, boolean fromRawSamples) {

    /** A CV at or above this marks a benchmark as noisy. */
    public static final double NOISY_CV = 0.10;

    public static BenchmarkStats of(BenchmarkResult r) {
        if (r.primary().samples().isEmpty()) {
            double err = r.primary().jmhError();
            return new BenchmarkStats(r, 0, r.primary().score(), Double.NaN, err, Double.NaN, 0, false);
        }
        Summary s = Summary.of(r.primary().samples());
        return new BenchmarkStats(r, s.n(), s.mean(), s.halfWidth(0.95), s.halfWidth(0.999), s.cv(),
                Significance.tukeyOutliers(r.primary().samples()), true);
    }

    public boolean noisy() {
        return cv >= NOISY_CV;
    }

    public String unit() {
        return result.primary().unitText();
    }

    /** "CV 14%, 2 outliers", or "" when there is nothing to say. */
    public String noiseNote() {
        StringBuilder sb = new StringBuilder();
        if (noisy()) {
            sb.append(String.format(java.util.Locale.ROOT, "noisy: CV %.0f%%", cv * 100));
        }
        if (outliers > 0) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(outliers).append(outliers == 1 ? " outlier" : " outliers");
        }
        if (!fromRawSamples) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("no raw samples");
        } else if (n < 2) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("one sample: no interval");
        }
        return sb.toString();
    }
}
