package io.parbench.bench.run;

import io.parbench.bench.python.PythonSuite;
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
import io.parbench.bench.suite.sync.BarrierRoundTrip;
import io.parbench.bench.suite.sync.CounterContention;
import io.parbench.bench.suite.sync.CreationCost;
import io.parbench.bench.suite.sync.EarlyTermination;
import io.parbench.bench.suite.sync.HandOffLatency;
import io.parbench.bench.suite.sync.IpcRoundTrip;
import io.parbench.bench.suite.sync.QueueThroughput;
import io.parbench.bench.suite.sync.ReadWriteContention;
import io.parbench.bench.suite.sync.Reentrancy;
import io.parbench.bench.suite.sync.SemaphoreLimit;
import io.parbench.bench.suite.sync.TimerLateness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suites the launcher knows, their benchmark classes, strategies and default sizes per profile. */
public final class SuiteCatalog {

    /**
     * What {@code threads} sweeps over for a suite: the machine's cores ({@code MACHINE}: CPU-bound work cannot use
     * more than twice the logical CPUs), concurrency far past the cores ({@code CONCURRENCY}: tasks waiting at once,
     * 1 to 1024), or JMH's own threads as contenders ({@code CONTENDERS}: 1 to twice the logical CPUs, set with
     * JMH's -t, not a param); {@code NONE}: the benchmark runs once with its own params (a strategy entry: each strategy
     * once, at threads 1); {@code PYTHON_CONCURRENCY}: tasks in flight for CPython's I/O workloads, three points in the
     * quick profile (1, 16, 256), since an interpreter process per fork and operations of 0.1 to 1 s make each point
     * dear; {@code CORES}: 1, 2, 4, ... up to the logical CPUs, plus the physical core count, and no point past
     * them (CPython's CPU-bound work: its threads cannot use more cores and its processes would only queue).
     */
    public enum Sweep { MACHINE, CONCURRENCY, CONTENDERS, NONE, PYTHON_CONCURRENCY, CORES }

    /**
     * One JMH benchmark class of a suite, with its workload id and default sizes per profile; or, with
     * {@code benchmarkClass} null, one workload of the CPython harness, {@code method} then being its benchmark name
     * ({@code python.primes}).
     */
    public record Entry(String suite, String workload, Class<?> benchmarkClass, String method, List<String> strategies,
            Map<Profile, List<Long>> sizes, Sweep sweep) {

        Entry(String suite, String workload, Class<?> benchmarkClass, List<String> strategies, Map<Profile, List<Long>> sizes,
                Sweep sweep) {
            this(suite, workload, benchmarkClass, "run", strategies, sizes, sweep);
        }

        /**
         * How many JMH benchmarks one planned run of this entry makes: 1 for strategy suites (the planner sets every
         * param); otherwise the product of the class's {@code @Param} value counts times its benchmarks (groups
         * count once). For estimates and the dry run.
         */
        public int variants() {
            if (usesStrategies() || isPython()) {
                return 1;
            }
            int product = 1;
            for (Class<?> c = benchmarkClass; c != null; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    org.openjdk.jmh.annotations.Param p = f.getAnnotation(org.openjdk.jmh.annotations.Param.class);
                    if (p != null) {
                        product *= Math.max(1, p.value().length);
                    }
                }
            }
            java.util.Set<String> benchmarks = new java.util.HashSet<>();
            for (java.lang.reflect.Method m : benchmarkClass.getMethods()) {
                if (m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)
                        && (method.equals(".*") || m.getName().equals(method))) {
                    org.openjdk.jmh.annotations.Group g = m.getAnnotation(org.openjdk.jmh.annotations.Group.class);
                    benchmarks.add(g != null ? "group:" + g.value() : m.getName());
                }
            }
            return product * Math.max(1, benchmarks.size());
        }

        /** True when the planner sets the contract's strategy, threads and size params. */
        public boolean usesStrategies() {
            return !strategies.isEmpty();
        }

        /** True for a workload of the CPython harness (run by an interpreter process per fork, not by JMH). */
        public boolean isPython() {
            return benchmarkClass == null;
        }

        /** {@code class.method}, or the class name alone for an entry that runs every method of its class. */
        public String benchmarkName() {
            if (isPython()) {
                return method;
            }
            return method.equals(".*") ? benchmarkClass.getName() : benchmarkClass.getName() + "." + method;
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
        // Synchronisation: JMH's threads are the contenders in the two contention benchmarks; the others run with
        // their own params (and threads, groups or child JVMs) once each.
        List<String> none = List.of();
        Map<Profile, List<Long>> noSizes = Map.of();
        SUITES.put("python", PythonSuite.entries(PythonSuite.PREFIX));
        SUITES.put("sync", List.of(
                new Entry("sync", "counter", CounterContention.class, ".*", none, noSizes, Sweep.CONTENDERS),
                new Entry("sync", "read-write", ReadWriteContention.class, ".*", none, noSizes, Sweep.CONTENDERS),
                new Entry("sync", "reentrancy", Reentrancy.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "semaphore", SemaphoreLimit.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "barrier", BarrierRoundTrip.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "hand-off", HandOffLatency.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "timer", TimerLateness.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "queue", QueueThroughput.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "creation", CreationCost.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "ipc", IpcRoundTrip.class, ".*", none, noSizes, Sweep.NONE),
                new Entry("sync", "early-exit", EarlyTermination.class, ".*", none, noSizes, Sweep.NONE)));
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
