package io.parbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The forks of every benchmark of one side of an A/B run, joined from the JMH JSON files of single-fork runs that
 * another JVM (the side's own jar) wrote: the JSON counterpart of {@link ForkResults}, for a jar whose JMH classes
 * are not ours. Each benchmark keeps its first fork's entry and gains one {@code rawData} (or
 * {@code rawDataHistogram}) row per later fork; score, error, confidence and percentiles are recomputed over every
 * row as JMH computes them over its forks (mean; Student t at 99.9% over all iterations; commons-math percentiles),
 * for the primary and every secondary metric, and {@code forks} is the number of rows.
 */
final class JsonForks {

    static final String[] PERCENTILES = {"0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999",
        "100.0"};

    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();

    /** The key JMH tells benchmarks apart by, as {@link ForkResults#key} gives it: name, mode, threads, params. */
    static String key(JsonNode entry) {
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = entry.path("params").fields();
        while (it.hasNext()) {
            var e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        return entry.path("benchmark").asText() + "|" + entry.path("mode").asText() + "|" + entry.path("threads").asInt()
                + "|" + params;
    }

    /**
     * Adds one JMH JSON file's benchmarks (each one fork); returns their keys with the index the new fork has among
     * that benchmark's forks (0 for the first).
     */
    synchronized Map<String, Integer> add(String jmhJson) throws IOException {
        return add(Json.MAPPER.readTree(jmhJson));
    }

    /** The same for a file already parsed; its entries are kept (not copied), so the caller must not change them. */
    synchronized Map<String, Integer> add(JsonNode root) throws IOException {
        if (!(root instanceof ArrayNode array)) {
            throw new IOException("not a JMH JSON array");
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        for (JsonNode n : array) {
            if (!(n instanceof ObjectNode entry)) {
                throw new IOException("a JMH JSON entry is not an object");
            }
            String k = key(entry);
            ObjectNode kept = entries.get(k);
            if (kept == null) {
                entries.put(k, entry);
                added.put(k, rows(entry.path("primaryMetric")) - 1);
                continue;
            }
            appendRows(kept.path("primaryMetric"), entry.path("primaryMetric"));
            JsonNode secondary = entry.path("secondaryMetrics");
            Iterator<String> names = secondary.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode target = kept.path("secondaryMetrics").path(name);
                if (target instanceof ObjectNode) {
                    appendRows(target, secondary.get(name));
                }
            }
            added.put(k, rows(kept.path("primaryMetric")) - 1);
        }
        for (String k : added.keySet()) {
            ObjectNode e = entries.get(k);
            e.put("forks", rows(e.path("primaryMetric")));
            recompute(e.path("primaryMetric"));
            e.path("secondaryMetrics").forEach(JsonForks::recompute);
        }
        return added;
    }

    synchronized int benchmarks() {
        return entries.size();
    }

    /**
     * The half-width of the 95% interval of benchmark {@code key}'s score relative to it, Student t over its fork
     * means, as {@link ForkResults#relativeHalfWidth} gives it for JMH's own results; infinite with fewer than two
     * forks.
     */
    synchronized double relativeHalfWidth(String key) {
        ObjectNode e = entries.get(key);
        if (e == null || !(e.path("primaryMetric").path("rawData") instanceof ArrayNode rows) || rows.size() < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double[] means = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double sum = 0;
            for (JsonNode v : rows.get(i)) {
                sum += v.asDouble();
            }
            means[i] = rows.get(i).isEmpty() ? Double.NaN : sum / rows.get(i).size();
        }
        return ForkResults.relativeHalfWidth(means);
    }

    /** results.json's text: every benchmark, its forks joined. */
    synchronized String json() throws IOException {
        return text(array());
    }

    /** Every benchmark, its forks joined (the entries themselves, not copies). */
    synchronized ArrayNode array() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        entries.values().forEach(array::add);
        return array;
    }

    /** A JSON array as results.json holds it: indented, with a final newline. */
    static String text(ArrayNode array) throws IOException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }

    /** The first rawData row of a single-fork entry: its measured iterations. */
    static List<Double> firstRow(JsonNode entry) {
        List<Double> values = new ArrayList<>();
        JsonNode raw = entry.path("primaryMetric").path("rawData");
        if (raw.size() == 1) {
            raw.get(0).forEach(v -> values.add(v.asDouble()));
        }
        return values;
    }

    private static int rows(JsonNode metric) {
        JsonNode raw = metric.has("rawData") ? metric.path("rawData") : metric.path("rawDataHistogram");
        return Math.max(1, raw.size());
    }

    private static void appendRows(JsonNode target, JsonNode source) {
        for (String field : List.of("rawData", "rawDataHistogram")) {
            if (target.path(field) instanceof ArrayNode to && source.path(field) instanceof ArrayNode from) {
                from.forEach(to::add);
            }
        }
    }

    /** Score, error, confidence and percentiles over every row, as JMH computes them. */
    static void recompute(JsonNode node) {
        if (!(node instanceof ObjectNode metric)) {
            return;
        }
        List<double[]> weighted = new ArrayList<>(); // {value, count}
        if (metric.path("rawData") instanceof ArrayNode rows && !rows.isEmpty()) {
            rows.forEach(row -> row.forEach(v -> weighted.add(new double[] {v.asDouble(), 1})));
        } else if (metric.path("rawDataHistogram") instanceof ArrayNode rows && !rows.isEmpty()) {
            rows.forEach(fork -> fork.forEach(iteration -> iteration.forEach(pair -> weighted.add(new double[] {
                pair.path(0).asDouble(), pair.path(1).asDouble()}))));
        } else {
            return; // nothing to recompute from: JMH's own figures stand
        }
        double n = 0;
        double sum = 0;
        for (double[] w : weighted) {
            n += w[1];
            sum += w[0] * w[1];
        }
        if (n == 0) {
            return;
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] w : weighted) {
            squares += (w[0] - mean) * (w[0] - mean) * w[1];
        }
        metric.put("score", mean);
        if (n > 2) {
            double sd = Math.sqrt(squares / (n - 1));
            double error = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * sd / Math.sqrt(n);
            metric.put("scoreError", error);
            metric.putArray("scoreConfidence").add(mean - error).add(mean + error);
        } else {
            metric.put("scoreError", "NaN");
            metric.putArray("scoreConfidence").add(mean).add(mean);
        }
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        boolean unweighted = weighted.stream().allMatch(w -> w[1] == 1);
        double[] values = unweighted ? weighted.stream().mapToDouble(w -> w[0]).sorted().toArray() : null;
        for (String p : PERCENTILES) {
            double rank = Double.parseDouble(p);
            percentiles.put(p, unweighted ? percentile(values, rank) : weightedPercentile(weighted, n, rank));
        }
    }

    /** JMH's percentile: commons-math's default estimate, the minimum at 0. */
    private static double percentile(double[] sorted, double rank) {
        return rank <= 0 ? sorted[0] : new Percentile().evaluate(sorted, rank);
    }

    /** The smallest value whose cumulative count reaches rank% of the total (histograms). */
    private static double weightedPercentile(List<double[]> weighted, double n, double rank) {
        List<double[]> sorted = new ArrayList<>(weighted);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        double target = rank / 100 * n;
        double cumulative = 0;
        for (double[] w : sorted) {
            cumulative += w[1];
            if (cumulative >= target) {
                return w[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }
}
