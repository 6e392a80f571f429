package io.parbench.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code parbench ab} recorded in ab.json: the two sides (with the JVM arguments each side's forks got: both
 * sides' {@code --jvm-args}, and the candidate's own after them), the seed of its schedule, and for each benchmark (by
 * {@link Iterations#key}) the pairs it made: in round {@code round}, fork {@code base} of the base's results.json
 * rawData rows and fork {@code candidate} of the candidate's, {@code baseFirst} when the base ran first.
 * {@code seconds}: the run's wall time as its environment.json recorded it (NaN when it did not).
 */
public record AbDesign(String status, long seed, int rounds, String baseName, String candidateName,
        List<String> baseJvmArgs, List<String> candidateJvmArgs, double seconds, Map<String, List<Pair>> pairs) {

    /** The seconds one round took on average, from a complete run's wall time; NaN when unknown. */
    public double secondsPerRound() {
        return "complete".equals(status) && rounds > 0 && seconds > 0 ? seconds / rounds : Double.NaN;
    }

    /** One pair of forks, one per side, run back to back in one round. */
    public record Pair(int round, int base, int candidate, boolean baseFirst) {
    }

    /** The pairs of benchmark {@code k}, or none. */
    public List<Pair> pairsOf(BenchmarkKey k) {
        return pairs.getOrDefault(Iterations.key(k.benchmark(), k.mode(), k.jmhThreads(), k.params()), List.of());
    }
}
