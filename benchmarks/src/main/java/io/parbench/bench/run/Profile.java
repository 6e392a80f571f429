package io.parbench.bench.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How long and how often each benchmark is measured. Sizes per profile live with the suites
 * ({@link SuiteCatalog}).
 *
 * <ul>
 *   <li>{@code smoke}: every benchmark once, briefly, at small sizes and one thread count: for tests and CI.
 *       The numbers prove that everything runs, nothing more.</li>
 *   <li>{@code quick} (the default): 3 forks (run as 3 interleaved rounds), 2 warm-up and 6 measured iterations of
 *       0.2 s each: three JVMs show how much one JVM differs from the next, which one fork's iterations cannot, in
 *       about the time one fork of 1 s iterations took. {@code process-cold} runs 2 ({@link PlannedBenchmark#forks}).
 *       </li>
 *   <li>{@code full}: for publication: 3 forks, 5 warm-up and 10 measured iterations of 2 s, two sizes.</li>
 * </ul>
 */
public enum Profile {
    SMOKE(1, 0, 0.1, 1, 0.1),
    QUICK(3, 2, 0.2, 6, 0.2),
    FULL(3, 5, 2.0, 10, 2.0);

    /** Seconds a fork costs beyond its iterations (JVM start, JMH set-up, trial set-up): for estimates only. */
    static final double FORK_OVERHEAD_SECONDS = 1.2;

    private final int forks;
    private final int warmupIterations;
    private final double warmupSeconds;
    private final int measurementIterations;
    private final double measurementSeconds;

    Profile(int forks, int warmupIterations, double warmupSeconds, int measurementIterations, double measurementSeconds) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupSeconds = warmupSeconds;
        this.measurementIterations = measurementIterations;
        this.measurementSeconds = measurementSeconds;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public double warmupSeconds() {
        return warmupSeconds;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public double measurementSeconds() {
        return measurementSeconds;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile named {@code id}, or an error that lists the valid names. */
    public static Profile parse(String id) {
        for (Profile p : values()) {
            if (p.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UsageException("unknown profile '" + id + "'; valid profiles: "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
