package io.parbench.analyzer.analysis;

import io.parbench.analyzer.io.HistoryStore;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baselines taken from the history instead of a named run: {@code latest}, the newest earlier run of the same
 * machine type, or {@code median:K}, for each benchmark the run whose score is the median of the last K (so one
 * noisy run does not set the bar; its raw samples are then compared as usual).
 */
public final class HistoryBaseline {

    private HistoryBaseline() {
    }

    public static boolean isSpec(String s) {
        return s.equals("latest") || s.startsWith("median:");
    }

    public static Run resolve(String spec, HistoryStore history, Run candidate) {
        List<HistoryStore.Entry> earlier = history.earlierOnSameMachine(candidate);
        if (earlier.isEmpty()) {
            throw new InputException(history.root(), "holds no earlier run of this machine type ("
                    + HistoryStore.machineKey(candidate.environment()) + "); add one with 'parbench history add <run>'");
        }
        if (spec.equals("latest")) {
            return history.read(earlier.get(earlier.size() - 1));
        }
        int k;
        try {
            k = Integer.parseInt(spec.substring("median:".length()));
        } catch (NumberFormatException e) {
            k = 0;
        }
        if (k < 1) {
            throw new InputException("baseline '" + spec + "' is not latest or median:K with K >= 1 (example: median:5)");
        }
        List<Run> runs = earlier.subList(Math.max(0, earlier.size() - k), earlier.size()).stream().map(history::read).toList();
        return median(runs);
    }

    /** For every benchmark, the result whose time per operation is the median among the runs that have it. */
    static Run median(List<Run> runs) {
        Map<BenchmarkKey, List<BenchmarkResult>> byKey = new LinkedHashMap<>();
        for (Run r : runs) {
            for (BenchmarkResult b : r.results()) {
                byKey.computeIfAbsent(b.key(), x -> new ArrayList<>()).add(b);
            }
        }
        List<BenchmarkResult> chosen = new ArrayList<>();
        for (List<BenchmarkResult> candidates : byKey.values()) {
            List<BenchmarkResult> sorted = candidates.stream()
                    .sorted(Comparator.comparingDouble(BenchmarkResult::scoreSecondsPerOp)).toList();
            chosen.add(sorted.get((sorted.size() - 1) / 2));
        }
        Run newest = runs.get(runs.size() - 1);
        return new Run(newest.resultsFile().resolveSibling("median-of-" + runs.size() + "-runs"), chosen,
                newest.environment());
    }
}
