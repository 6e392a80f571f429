package io.parbench.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code parbench ab} recorded in ab.json: the two sides, the seed of its schedule, and for each benchmark (by
 * {@link Iterations#key}) the pairs it made: in round {@code round}, fork {@code base} of the base's results.json
 * rawData rows and fork {@code candidate} of the candidate's, {@code baseFirst} when the base ran first.
 */
public record AbDesign(String status, long seed, int rounds, String baseName, String candidateName,
        List<String> candidateJvmArgs, Map<String, List<Pair>> pairs) {

    /** One pair of forks, one per side, run back to back in one round. */
    public record Pair(int round, int base, int candidate, boolean baseFirst) {
    }

    /** The pairs of benchmark {@code k}, or none. */
    public List<Pair> pairsOf(BenchmarkKey k) {
        return pairs.getOrDefault(Iterations.key(k.benchmark(), k.mode(), k.jmhThreads(), k.params()), List.of());
    }
}
