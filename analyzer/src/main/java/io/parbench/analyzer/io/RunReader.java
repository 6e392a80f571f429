package io.parbench.analyzer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        var list = new JmhJsonReader().read(results);
        Path envFile = results.toAbsolutePath().getParent().resolve("environment.json");
        return new Run(results, list, environment(envFile));
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
