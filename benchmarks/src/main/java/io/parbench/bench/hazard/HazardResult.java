package io.parbench.bench.hazard;

import java.util.Map;

/** One hazard demo's measured outcome: what happened, in one sentence, the lesson, and the figures behind it. */
public record HazardResult(String hazard, String outcome, String lesson, Map<String, Object> measured) {
}
