package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parbench.analyzer.Fixtures;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategies are listed in the order the launcher's registries record, so a new strategy needs no analyzer change. */
class StrategyOrderTest {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRegistriesMergeKeepingEachOnesOrder() {
        List<String> cpu = List.of("sequential", "platform", "pool", "virtual", "forkjoin", "stream", "process",
                "process-cold");
        List<String> io = List.of("sequential", "platform", "pool", "virtual", "forkjoin", "forkjoin-managed", "async");
        List<String> hybrid = List.of("sequential", "pool", "virtual", "virtual-forkjoin");
        List<String> counter = List.of("unlocked", "locked");
        assertEquals(List.of("sequential", "platform", "pool", "virtual", "virtual-forkjoin", "forkjoin",
                "forkjoin-managed", "async", "stream", "process", "process-cold", "unlocked", "locked"),
                StrategyOrder.merge(List.of(cpu, io, hybrid, counter)));
    }

    @Test
    void aRecordedStrategyTakesItsPlaceAndUnknownOnesComeLastByName() {
        ObjectNode env = JSON.createObjectNode();
        ArrayNode list = env.putObject("benchmarks").putObject("x.PrimesBenchmark.run").putArray("strategies");
        List.of("sequential", "platform", "carrier", "pool").forEach(list::add);
        StrategyOrder order = StrategyOrder.of(Environment.of(env));
        assertEquals(order.rank("platform") + 1, order.rank("carrier"));
        assertTrue(order.compare("carrier", "pool") < 0);
        assertTrue(order.compare("pool", "process-cold") < 0, "the built-in order still places the rest");
        assertTrue(order.compare("process-cold", "aaa") < 0 && order.compare("aaa", "zzz") < 0);
        assertTrue(StrategyOrder.DEFAULT.compare("process-cold", "carrier") < 0, "unrecorded: after every known one");
        assertEquals(StrategyOrder.DEFAULT.rank("virtual"), StrategyOrder.of(Environment.none()).rank("virtual"));
    }

    /**
     * A real run in which {@code stream} is renamed {@code carrier}, a strategy the analyzer has never heard of, and
     * environment.json records carrier's place (after platform): the tables list it there, not at the end.
     */
    @Test
    void aNewStrategyIsListedWhereTheLauncherRecordedIt() throws IOException {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("results.json"),
                Files.readString(Fixtures.smokeRun().resolve("results.json")).replace("\"stream\"", "\"carrier\""));
        ObjectNode env = (ObjectNode) JSON.readTree(Fixtures.smokeRun().resolve("environment.json").toFile());
        ObjectNode benchmarks = env.putObject("benchmarks");
        for (String workload : List.of("Primes", "SumSquares", "Collatz", "Matmul")) {
            ObjectNode t = benchmarks.putObject("io.parbench.bench.suite.cpu." + workload + "Benchmark.run");
            t.put("suite", "cpu").put("workload", workload.toLowerCase(java.util.Locale.ROOT)).put("work", "cpu")
                    .put("runtime", "jvm").put("axis", "threads").put("baseline", "sequential");
            ArrayNode s = t.putArray("strategies");
            List.of("sequential", "platform", "carrier", "pool", "virtual", "forkjoin", "process", "process-cold")
                    .forEach(s::add);
        }
        Files.writeString(run.resolve("environment.json"), JSON.writeValueAsString(env));
        Analysis a = Analysis.of(new RunReader().read(run));
        assertEquals(4, a.groups().size());
        for (ScalingGroup g : a.groups()) {
            assertEquals(List.of("platform", "carrier", "pool", "virtual", "forkjoin", "process", "process-cold"),
                    g.curves().stream().map(ScalingGroup.Curve::strategy).toList(), g.title());
        }
    }
}
