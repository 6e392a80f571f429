package io.parbench.analyzer.analysis;

import java.util.Map;

/**
 * One finding: a plain sentence with its numbers, the workload it is about, its kind (winner, best-speedup,
 * saturation, amdahl, gustafson, usl, noise, recommendation) and the figures behind it, for summary.json.
 */
public record Finding(String group, String kind, String sentence, Map<String, Object> data) {
}
