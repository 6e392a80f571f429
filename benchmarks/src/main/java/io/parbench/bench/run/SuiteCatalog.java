package io.parbench.bench.run;

import io.parbench.bench.strategy.CpuStrategies;
import io.parbench.bench.strategy.io.HybridPipeline;
import io.parbench.bench.strategy.io.IoStrategies;
import io.parbench.bench.suite.cpu.CollatzBenchmark;
import io.parbench.bench.suite.cpu.MatmulBenchmark;
import io.parbench.bench.suite.cpu.PrimesBenchmark;
import io.parbench.bench.suite.cpu.SumSquaresBenchmark;
import io.parbench.bench.suite.io.FileBenchmark;
import io.parbench.bench.suite.io.HttpBenchmark;
import io.parbench.bench.suite.io.HybridBenchmark;
import io.parbench.bench.suite.io.LatencyBenchmark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suites the launcher knows, their benchmark classes, strategies and default sizes per profile. */
public final class SuiteCatalog {

    /**
     * What {@code threads} sweeps over for a suite: the machine's cores ({@code MACHINE}: CPU-bound work cannot use
     * more than twice the logical CPUs), concurrency far past the cores ({@code CONCURRENCY}: tasks waiting at once,
     * 1 to 1024), or JMH's own threads as contenders ({@code CONTENDERS}: 1 to twice the logical CPUs, set with
     * JMH's -t, not a param); {@code NONE}: the benchmark runs once with its own params.
     */
    public enum Sweep { MACHINE, CONCURRENCY, CONTENDERS, NONE }

    /** One JMH benchmark class of a suite, with its workload id and default sizes per profile. */
    public record Entry(String suite, String workload, Class<?> benchmarkClass, String method, List<String> strategies,
            Map<Profile, List<Long>> sizes, Sweep sweep) {

        Entry(String suite, String workload, Class<?> benchmarkClass, List<String> strategies, Map<Profile, List<Long>> sizes,
                Sweep sweep) {
            this(suite, workload, benchmarkClass, "run", strategies, sizes, sweep);
        }

        /** True when the planner sets the contract's strategy, threads and size params. */
        public boolean usesStrategies() {
            return !strategies.isEmpty();
        }

        public String benchmarkName() {
            return benchmarkClass.getName() + "." + method;
        }

        /** The JMH include pattern for this entry: one method, or every method of the class when it is {@code .*}. */
        public String includePattern() {
            return "^" + java.util.regex.Pattern.quote(benchmarkClass.getName() + ".")
                    + (method.equals(".*") ? ".*" : java.util.regex.Pattern.quote(method) + "$");
        }

        public List<Long> sizes(Profile profile) {
            return sizes.get(profile);
        }
    }

    private static final Map<String, List<Entry>> SUITES = new LinkedHashMap<>();

    static {
        List<String> cpu = CpuStrategies.ids();
        SUITES.put("cpu", List.of(
                new Entry("cpu", "primes", PrimesBenchmark.class, cpu, sizes(20_000, 300_000, 300_000, 1_000_000), Sweep.MACHINE),
                new Entry("cpu", "sumsq", SumSquaresBenchmark.class, cpu,
                        sizes(1_000_000, 50_000_000, 50_000_000, 200_000_000), Sweep.MACHINE),
                new Entry("cpu", "collatz", CollatzBenchmark.class, cpu, sizes(10_000, 250_000, 250_000, 1_000_000),
                        Sweep.MACHINE),
                new Entry("cpu", "matmul", MatmulBenchmark.class, cpu, sizes(64, 320, 320, 640), Sweep.MACHINE)));
        // I/O sizes are tasks per operation, chosen so that the slowest point (threads = 1, every wait in a row)
        // takes about a second in the quick profile: 1,024 tasks of 1 ms (latency, http), 1,024 files of 16 KiB,
        // 256 ranges of 6,000 numbers (about 2 ms of
        // trial division each, as long as a fetch) behind 2 ms requests (hybrid).
        List<String> io = IoStrategies.ids();
        SUITES.put("io", List.of(
                new Entry("io", "latency", LatencyBenchmark.class, io, sizes(32, 1024, 1024, 4096), Sweep.CONCURRENCY),
                new Entry("io", "file", FileBenchmark.class, io, sizes(32, 1024, 1024, 4096), Sweep.CONCURRENCY),
                new Entry("io", "http", HttpBenchmark.class, io, sizes(32, 1024, 1024, 4096), Sweep.CONCURRENCY),
                new Entry("io", "hybrid", HybridBenchmark.class, HybridPipeline.ids(), sizes(16, 256, 256, 1024),
                        Sweep.CONCURRENCY)));
    }

    private SuiteCatalog() {
    }

    private static Map<Profile, List<Long>> sizes(long smoke, long quick, long full1, long full2) {
        return Map.of(Profile.SMOKE, List.of(smoke), Profile.QUICK, List.of(quick), Profile.FULL, List.of(full1, full2));
    }

    public static List<String> suiteIds() {
        return List.copyOf(SUITES.keySet());
    }

    /** The entries of a suite, or an error listing the valid suites. */
    public static List<Entry> suite(String id) {
        List<Entry> entries = SUITES.get(id.trim());
        if (entries == null) {
            throw new UsageException("unknown suite '" + id + "'; valid suites: " + String.join(", ", suiteIds()));
        }
        return entries;
    }
}
