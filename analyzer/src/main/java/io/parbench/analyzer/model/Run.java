package io.parbench.analyzer.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One JMH results file with its environment (which may be {@link Environment#none()}) and the warm-up iterations the
 * launcher recorded ({@link Iterations#none()} for other files); {@code notes} say what the reader left out of a
 * genuine JMH file and why (a profiler's metric that is not a number, say).
 */
public record Run(Path resultsFile, List<BenchmarkResult> results, Environment environment, Iterations iterations,
        List<String> notes) {

    /** A run read without notes. */
    public Run(Path resultsFile, List<BenchmarkResult> results, Environment environment, Iterations iterations) {
        this(resultsFile, results, environment, iterations, List.of());
    }

    /** A run without recorded warm-up iterations. */
    public Run(Path resultsFile, List<BenchmarkResult> results, Environment environment) {
        this(resultsFile, results, environment, Iterations.none());
    }

    /** What the launcher recorded of {@code benchmark} (see {@link Traits#of}). */
    public Traits traits(String benchmark) {
        return Traits.of(environment, benchmark);
    }

    /** True when the results use parbench's {@code strategy} and {@code threads} params. */
    public boolean hasStrategies() {
        return results.stream().anyMatch(r -> r.key().param("strategy") != null && r.key().param("threads") != null);
    }
}
