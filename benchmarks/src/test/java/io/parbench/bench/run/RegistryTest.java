package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.strategy.Chunking;
import io.parbench.bench.strategy.CpuStrategies;
import io.parbench.bench.strategy.io.IoStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The lists of ids agree with one another, by reflection: each strategy suite's registry (what the launcher plans and
 * the factory makes) is exactly its benchmark class's {@code strategy} @Param, in the same order; every id can be made;
 * and the run command's help names them all. A strategy added to one list and not the others fails here.
 */
class RegistryTest {

    private static List<String> param(Class<?> benchmark, String name) throws NoSuchFieldException {
        return List.of(benchmark.getField(name).getAnnotation(Param.class).value());
    }

    @Test
    void everyStrategySuiteRegistryIsItsClassesParam() throws Exception {
        int checked = 0;
        for (String suite : SuiteCatalog.suiteIds()) {
            for (SuiteCatalog.Entry e : SuiteCatalog.suite(suite)) {
                if (e.usesStrategies() && !e.isPython()) {
                    assertEquals(e.strategies(), param(e.benchmarkClass(), "strategy"), e.benchmarkClass().getName());
                    checked++;
                }
            }
        }
        assertEquals(8, checked, "4 cpu and 4 io classes");
    }

    @Test
    void everyRegisteredIdCanBeMade() throws Exception {
        for (String id : CpuStrategies.ids()) {
            if (!id.startsWith("process")) { // the process strategies start child JVMs: ProcessWorkerPoolTest covers them
                try (var s = CpuStrategies.create(id, new Chunking(2, Chunking.DEFAULT_CHUNKS_PER_THREAD))) {
                    assertEquals(id, s.id());
                }
            }
        }
        for (String id : IoStrategies.ids()) {
            try (var s = IoStrategies.create(id, 2)) {
                assertEquals(id, s.id());
            }
        }
    }

    @Test
    void theRunHelpNamesEveryStrategy() throws Exception {
        String help = MatrixOptions.class.getDeclaredField("strategies")
                .getAnnotation(picocli.CommandLine.Option.class).description()[0];
        for (List<String> ids : List.of(CpuStrategies.ids(), IoStrategies.ids(),
                io.parbench.bench.strategy.io.HybridPipeline.ids())) {
            for (String id : ids) {
                assertTrue(help.matches("(?s).*\\b" + java.util.regex.Pattern.quote(id) + "\\b.*"), id + " missing from: " + help);
            }
        }
    }

    /** environment.json's traits, from the catalogue: what the analyzer must not guess from names. */
    @Test
    void everyEntryHasTheTraitsTheAnalyzerReads() {
        java.util.Map<String, BenchmarkTraits> all = new java.util.LinkedHashMap<>();
        for (String suite : SuiteCatalog.suiteIds()) {
            for (SuiteCatalog.Entry e : SuiteCatalog.suite(suite)) {
                all.put(e.benchmarkName(), BenchmarkTraits.of(e));
            }
        }
        assertEquals(new BenchmarkTraits("cpu", "primes", "cpu", "jvm", false, false, "threads", "sequential",
                CpuStrategies.ids()),
                all.get(io.parbench.bench.suite.cpu.PrimesBenchmark.class.getName() + ".run"));
        assertEquals(new BenchmarkTraits("io", "http", "io", "jvm", true, false, "threads", "sequential",
                IoStrategies.ids()),
                all.get(io.parbench.bench.suite.io.HttpBenchmark.class.getName() + ".run"));
        assertEquals(new BenchmarkTraits("io", "hybrid", "io", "jvm", true, true, "threads", "sequential",
                io.parbench.bench.strategy.io.HybridPipeline.ids()),
                all.get(io.parbench.bench.suite.io.HybridBenchmark.class.getName() + ".run"));
        assertEquals(new BenchmarkTraits("sync", "counter", "sync", "jvm", false, false, "jmhThreads", null,
                List.of()),
                all.get(io.parbench.bench.suite.sync.CounterContention.class.getName()));
        assertEquals(new BenchmarkTraits("sync", "queue", "sync", "jvm", false, false, null, null, List.of()),
                all.get(io.parbench.bench.suite.sync.QueueThroughput.class.getName()));
        assertEquals(new BenchmarkTraits("python", "sleep", "io", "cpython", false, false, "threads", "sequential",
                io.parbench.bench.python.PythonSuite.STRATEGIES.get("sleep")),
                all.get("python.sleep"));
        assertEquals(new BenchmarkTraits("python", "primes", "cpu", "cpython", false, false, "threads", "sequential",
                io.parbench.bench.python.PythonSuite.STRATEGIES.get("primes")),
                all.get("python.primes"));
        assertTrue(all.values().stream().allMatch(t -> t.work() != null && t.suite() != null), all.toString());
        // as environment.json holds them: keyed by benchmark name, every field written
        com.fasterxml.jackson.databind.JsonNode json = Json.MAPPER.valueToTree(all);
        assertEquals("cpython", json.path("python.primes").path("runtime").asText());
        assertTrue(json.path("python.primes").path("baseline").isTextual());
        assertEquals(CpuStrategies.ids().get(1), json.path(io.parbench.bench.suite.cpu.PrimesBenchmark.class.getName()
                + ".run").path("strategies").path(1).asText());
    }
}
