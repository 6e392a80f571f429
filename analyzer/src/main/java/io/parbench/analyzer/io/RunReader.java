package io.parbench.analyzer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Iterations;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a run from a run folder ({@code results.json} + {@code environment.json}) or from a JMH JSON file (with the
 * {@code environment.json} beside it, if there is one).
 */
public final class RunReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Run read(Path input) {
        Path results;
        if (Files.isDirectory(input)) {
            results = input.resolve("results.json");
            if (!Files.exists(results)) {
                throw new InputException(input, "is a folder without results.json (not a run folder)");
            }
        } else {
            results = input;
        }
        JmhJsonReader reader = new JmhJsonReader();
        var list = reader.read(results);
        Path envFile = results.toAbsolutePath().getParent().resolve("environment.json");
        return new Run(results, list, environment(envFile), iterations(envFile.resolveSibling("iterations.json")),
                reader.notes());
    }

    /**
     * The warm-up iterations and the forks' costs beside a results file (parbench's iterations.json), or none. A
     * corrupt file is an error.
     */
    static Iterations iterations(Path file) {
        if (!Files.exists(file)) {
            return Iterations.none();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            Map<String, List<double[]>> warmup = new HashMap<>();
            Map<String, Iterations.Cost> costs = new HashMap<>();
            for (JsonNode b : root.path("benchmarks")) {
                Map<String, String> params = new TreeMap<>();
                b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                List<double[]> forks = new ArrayList<>();
                List<Double> forkCosts = new ArrayList<>();
                List<Double> iterationCosts = new ArrayList<>();
                for (JsonNode f : b.path("forks")) {
                    double seconds = f.path("seconds").asDouble(Double.NaN);
                    double measured = f.path("measuredSeconds").asDouble(Double.NaN);
                    int count = f.path("measurement").size();
                    if (seconds > 0 && measured > 0 && count > 0 && seconds >= measured) {
                        forkCosts.add(seconds - measured);
                        iterationCosts.add(measured / count);
                    }
                    double[] w = new double[f.path("warmup").size()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = f.path("warmup").get(i).asDouble(Double.NaN);
                        if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                            throw new InputException(file, "holds a warm-up score that is not a positive number ("
                                    + f.path("warmup").get(i) + ")");
                        }
                    }
                    forks.add(w);
                }
                String key = Iterations.key(b.path("benchmark").asText(), b.path("mode").asText(),
                        b.path("threads").asInt(1), params);
                warmup.put(key, forks);
                if (!forkCosts.isEmpty()) {
                    var median = new org.apache.commons.math3.stat.descriptive.rank.Median();
                    costs.put(key, new Iterations.Cost(
                            median.evaluate(forkCosts.stream().mapToDouble(x -> x).toArray()),
                            median.evaluate(iterationCosts.stream().mapToDouble(x -> x).toArray()), forkCosts.size()));
                }
            }
            return new Iterations(warmup, costs);
        } catch (IOException e) {
            throw new InputException(file, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The environment beside a results file, or none if there is no such file. A corrupt one is an error. */
    static Environment environment(Path file) {
        if (!Files.exists(file)) {
            return Environment.none();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new InputException(file, "is not a parbench environment (expected a JSON object)");
            }
            return Environment.of(root);
        } catch (IOException e) {
            throw new InputException(file, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
