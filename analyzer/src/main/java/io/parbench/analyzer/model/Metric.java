package io.parbench.analyzer.model;

/**
 * One metric of a benchmark as JMH reported it: the score, JMH's own error (NaN when JMH printed none), the unit
 * string as written, the unit parsed, and the raw samples (empty when the file kept none).
 */
public record Metric(String name, double score, double jmhError, String unitText, Unit unit, Samples samples) {
}
