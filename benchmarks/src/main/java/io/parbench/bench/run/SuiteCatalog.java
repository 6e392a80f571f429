package io.parbench.bench.run;

import io.parbench.bench.strategy.CpuStrategies;
import io.parbench.bench.suite.cpu.CollatzBenchmark;
import io.parbench.bench.suite.cpu.MatmulBenchmark;
import io.parbench.bench.suite.cpu.PrimesBenchmark;
import io.parbench.bench.suite.cpu.SumSquaresBenchmark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suites the launcher knows, their benchmark classes, strategies and default sizes per profile. */
public final class SuiteCatalog {

    /** One JMH benchmark class of a suite, with its workload id and default sizes per profile. */
    public record Entry(String suite, String workload, Class<?> benchmarkClass, String method, List<String> strategies,
            Map<Profile, List<Long>> sizes) {

        public String benchmarkName() {
            return benchmarkClass.getName() + "." + method;
        }

        public List<Long> sizes(Profile profile) {
            return sizes.get(profile);
        }
    }

    private static final Map<String, List<Entry>> SUITES = new LinkedHashMap<>();

    static {
        List<String> cpu = CpuStrategies.ids();
        SUITES.put("cpu", List.of(
                new Entry("cpu", "primes", PrimesBenchmark.class, "run", cpu, sizes(20_000, 300_000, 300_000, 1_000_000)),
                new Entry("cpu", "sumsq", SumSquaresBenchmark.class, "run", cpu,
                        sizes(1_000_000, 50_000_000, 50_000_000, 200_000_000)),
                new Entry("cpu", "collatz", CollatzBenchmark.class, "run", cpu, sizes(10_000, 250_000, 250_000, 1_000_000)),
                new Entry("cpu", "matmul", MatmulBenchmark.class, "run", cpu, sizes(64, 320, 320, 640))));
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
