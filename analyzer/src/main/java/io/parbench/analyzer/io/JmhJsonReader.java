package io.parbench.analyzer.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Metric;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.model.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads any JMH JSON results file ({@code -rf json}): every mode, unit, param, fork, raw data (both {@code rawData}
 * and sample mode's {@code rawDataHistogram}) and secondary metric. Refuses, with one sentence naming the file and
 * the entry: a missing or unreadable file, truncated or invalid JSON, something other than an array, an empty
 * array, an unknown mode, a primary unit that is not a time or a throughput, a NaN, infinite or negative primary
 * score. Genuine JMH output is never refused: a secondary metric that is not a number (perfasm's {@code ·asm}:
 * score NaN, unit {@code ---}) is left out with a note ({@link #notes}); a secondary score may be negative (an aux
 * counter's delta); a primary unit that is a bare time ({@code us}: JMH 0.9's single-shot files) is a time per
 * operation.
 */
public final class JmhJsonReader {

    private static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");
    // JSON has no NaN, but JMH writes "NaN" strings (scoreError with one iteration) and some tools write bare NaN.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();

    /** What the last {@link #read} left out, one sentence per kind. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        skipped.forEach((name, n) -> out.add("The secondary metric '" + name + "' of " + n + " benchmark" + (n == 1 ? ""
                : "s") + " is not a number (a profiler's text output, such as perfasm's): left out."));
        return out;
    }

    public List<BenchmarkResult> read(Path file) {
        notes.clear();
        skipped.clear();
        if (!Files.exists(file)) {
            throw new InputException(file, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file, "not a readable file");
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new InputException(file, "holds more than one JSON value");
            }
        } catch (JsonEOFException e) {
            throw new InputException(file, "the JSON ends early (a truncated file?)", e);
        } catch (JsonParseException e) {
            throw new InputException(file, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new InputException(file, "is empty");
        }
        if (!root.isArray()) {
            throw new InputException(file, "is not a JMH results file (expected a JSON array of benchmarks)");
        }
        if (root.isEmpty()) {
            throw new InputException(file, "holds no benchmark results (an empty array)");
        }
        List<BenchmarkResult> results = new ArrayList<>(root.size());
        int index = 0;
        for (JsonNode entry : root) {
            results.add(entry(file, index++, entry));
        }
        return results;
    }

    private BenchmarkResult entry(Path file, int index, JsonNode e) {
        String benchmark = e.path("benchmark").asText(null);
        if (benchmark == null || benchmark.isBlank()) {
            throw new InputException(file, "entry " + index + " has no \"benchmark\" name (not a JMH results file?)");
        }
        String where = "benchmark " + benchmark + " (entry " + index + ")";
        String mode = e.path("mode").asText("");
        if (!MODES.contains(mode)) {
            throw new InputException(file, where + " has unknown mode '" + mode + "'; JMH's modes are thrpt, avgt, "
                    + "sample, ss");
        }
        Map<String, String> params = new TreeMap<>();
        e.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
        var key = new BenchmarkKey(benchmark, mode, e.path("threads").asInt(1), new TreeMap<>(params));

        JsonNode pm = e.path("primaryMetric");
        if (pm.isMissingNode()) {
            throw new InputException(file, where + " has no primaryMetric");
        }
        Metric primary = metric(file, where, "primary", pm, true);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        e.path("secondaryMetrics").properties().forEach(p -> {
            if (Double.isFinite(number(p.getValue().path("score")))) {
                secondary.put(p.getKey(), metric(file, where, p.getKey(), p.getValue(), false));
            } else {
                skipped.merge(p.getKey(), 1, Integer::sum);
            }
        });
        return new BenchmarkResult(key, e.path("jmhVersion").asText(null), e.path("forks").asInt(0), e.path("warmupIterations").asInt(0),
                e.path("measurementIterations").asInt(0), e.path("jvm").asText(null), e.path("jdkVersion").asText(null),
                e.path("vmName").asText(null), primary, secondary);
    }

    private Metric metric(Path file, String where, String name, JsonNode m, boolean primary) {
        String unitText = m.path("scoreUnit").asText("");
        Unit unit = Unit.parse(unitText);
        if (primary && !unit.comparable() && Unit.seconds(unitText.trim()).isPresent()) {
            unit = new Unit(Unit.Kind.TIME_PER_OP, Unit.seconds(unitText.trim()).get(), unitText); // JMH 0.9: "us"
        }
        if (primary && !unit.comparable()) {
            throw new InputException(file, where + " has unit '" + unitText + "', which is neither a time per "
                    + "operation (ns/op ... s/op) nor a throughput (ops/ns ... ops/s)");
        }
        double score = number(m.path("score"));
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            throw new InputException(file, where + " has a " + (primary ? "" : name + " ") + "score that is not a number");
        }
        if (score < 0 && primary) {
            throw new InputException(file, where + " has a negative " + (primary ? "" : name + " ") + "score (" + score + ")");
        }
        double error = number(m.path("scoreError"));
        Samples samples = samples(file, where, m, primary);
        return new Metric(name, score, error, unitText, unit, samples);
    }

    private Samples samples(Path file, String where, JsonNode m, boolean primary) {
        List<Double> values = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        List<Integer> forks = new ArrayList<>();
        JsonNode raw = m.path("rawData");
        JsonNode histogram = m.path("rawDataHistogram");
        if (raw.isArray()) {
            int fork = 0;
            for (JsonNode f : raw) {
                for (JsonNode v : f) {
                    add(file, where, primary, values, weights, forks, number(v), 1, fork);
                }
                fork++;
            }
        } else if (histogram.isArray()) {
            int fork = 0;
            for (JsonNode f : histogram) {
                for (JsonNode iteration : f) {
                    for (JsonNode pair : iteration) {
                        add(file, where, primary, values, weights, forks, number(pair.path(0)), pair.path(1).asLong(1), fork);
                    }
                }
                fork++;
            }
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        int[] f = forks.stream().mapToInt(Integer::intValue).toArray();
        return new Samples(v, w, f);
    }

    private static void add(Path file, String where, boolean primary, List<Double> values, List<Long> weights,
            List<Integer> forks, double value, long weight, int fork) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 && primary) {
            if (primary) {
                throw new InputException(file, where + " has a raw sample that is " + (value < 0 ? "negative" : "not a number"));
            }
            return;
        }
        if (weight <= 0) {
            return;
        }
        values.add(value);
        weights.add(weight);
        forks.add(fork);
    }

    /** A JSON number, or JMH's "NaN" string, or NaN for anything else. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
