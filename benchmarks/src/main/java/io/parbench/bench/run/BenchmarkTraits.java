package io.parbench.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analyzer needs to know of a benchmark and cannot read from JMH's results, taken from the launcher's own
 * catalogue and written into environment.json's {@code benchmarks} (keyed by the JMH benchmark name, or the class
 * name for an entry that runs every method of its class), so the analyzer never guesses from a class's name.
 *
 * @param suite    the suite id (cpu, io, sync, python)
 * @param workload the workload id within the suite (primes, http, counter, ...)
 * @param work     the kind of work: cpu (bound by the processors), io (bound by waiting), sync (coordination)
 * @param runtime  jvm, or cpython for the python suite
 * @param server   true when the tasks talk to a server on the same machine (it shares the cores)
 * @param pipeline true when an operation waits, then computes (the hybrid pipeline)
 * @param axis     the concurrency axis: the {@code threads} param, {@code jmhThreads} (JMH's -t), or null
 * @param baseline the strategy every other one is measured against ({@code sequential}), or null
 * @param strategies the entry's strategies in its registry's order (its {@code strategy} @Param), empty when it has
 *                   none: the analyzer lists strategies in this order, so a new one needs no analyzer change
 */
public record BenchmarkTraits(String suite, String workload, String work, String runtime, boolean server,
        boolean pipeline, String axis, String baseline, List<String> strategies) {

    /** The traits of a catalogue entry. */
    static BenchmarkTraits of(SuiteCatalog.Entry e) {
        String work = switch (e.suite()) {
            case "cpu" -> "cpu";
            case "io" -> "io";
            case "sync" -> "sync";
            default -> e.sweep() == SuiteCatalog.Sweep.PYTHON_CONCURRENCY || e.sweep() == SuiteCatalog.Sweep.CONCURRENCY
                    ? "io" : "cpu";
        };
        boolean server = e.workload().equals("http") || e.workload().equals("hybrid");
        String axis = e.usesStrategies() ? "threads" : e.sweep() == SuiteCatalog.Sweep.CONTENDERS ? "jmhThreads" : null;
        return new BenchmarkTraits(e.suite(), e.workload(), work, e.isPython() ? "cpython" : "jvm", server,
                e.workload().equals("hybrid"), axis, e.usesStrategies() ? "sequential" : null, e.strategies());
    }

    /** The traits of every entry a plan runs, by benchmark name, in plan order. */
    static Map<String, BenchmarkTraits> of(List<PlannedBenchmark> plan) {
        Map<String, BenchmarkTraits> out = new LinkedHashMap<>();
        for (PlannedBenchmark b : plan) {
            out.putIfAbsent(b.entry().benchmarkName(), of(b.entry()));
        }
        return out;
    }
}
