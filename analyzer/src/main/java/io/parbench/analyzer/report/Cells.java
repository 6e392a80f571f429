package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the report's sections write a cell: intervals, params, quantiles, sizes, joined parts. */
final class Cells {

    private Cells() {
    }

    /** The one-paragraph explanation of a parbench sync benchmark, when the title starts with its class name. */
    static void explain(List<Block> blocks, String title) {
        String name = title.split("[ .(]")[0];
        String text = Explanations.BENCHMARKS.get(name);
        if (text != null) {
            blocks.add(new Block.Paragraph(text));
        }
    }

    static String params(BenchmarkResult r) {
        return r.key().params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Median and 99th percentile of a sample-mode benchmark's samples (each one operation's time), else "". */
    static String quantiles(BenchmarkStats s) {
        if (!s.result().key().mode().equals("sample") || s.result().primary().samples().isEmpty()) {
            return "";
        }
        double[] v = s.result().primary().samples().expanded(2_000_000);
        java.util.Arrays.sort(v);
        return Format.num(v[(int) Math.min(v.length - 1, Math.floor(0.5 * v.length))]) + " / "
                + Format.num(v[(int) Math.min(v.length - 1, Math.floor(0.99 * v.length))]) + " " + s.unit();
    }

    static String ci95(BenchmarkStats s) {
        return Double.isNaN(s.ci95()) ? "n/a" : "[" + Format.num(Math.max(0, s.mean() - s.ci95())) + ", " + Format.num(s.mean() + s.ci95()) + "]";
    }

    static void row(List<List<String>> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(key, value));
        }
    }

    static String join(String... parts) {
        return joinWith(", ", parts);
    }

    /** The non-blank parts joined by {@code separator}. */
    static String joinWith(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    static String orQ(String s) {
        return s == null ? "?" : s;
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return b >= 1024 ? (b >> 10) + " KiB" : b + " B";
    }

    /**
     * Each result's mark among results of one key (benchmark, mode, JMH threads, params): " #2" for the second in the
     * list's order (the file's), "" for a key that occurs once. A JMH file can hold such repeats (a public JMH 1.37
     * file holds five results of one benchmark, params and all); unmarked, they were rows no reader could tell
     * apart, and bars of one label, which a category chart draws as one: four of five results vanished from it.
     */
    static Map<BenchmarkResult, String> repeatMarks(List<BenchmarkResult> results) {
        Map<BenchmarkKey, Integer> total = new HashMap<>();
        results.forEach(r -> total.merge(r.key(), 1, Integer::sum));
        Map<BenchmarkKey, Integer> seen = new HashMap<>();
        Map<BenchmarkResult, String> marks = new IdentityHashMap<>();
        for (BenchmarkResult r : results) {
            int k = seen.merge(r.key(), 1, Integer::sum);
            marks.put(r, total.get(r.key()) > 1 ? " #" + k : "");
        }
        return marks;
    }
}
