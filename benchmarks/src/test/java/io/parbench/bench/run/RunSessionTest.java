package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

class RunSessionTest {

    @Test
    void theBenchmarksOwnExceptionIsReportedNotJmhsWrapper() {
        var cause = new IllegalArgumentException("-Dparbench.workFactor: factor 'bogus' for primes is not a number above 0");
        var wrapped = new RunnerException("Benchmark caught the exception",
                new BenchmarkException("Benchmark error during the run", java.util.List.of(cause)));
        assertEquals("IllegalArgumentException: -Dparbench.workFactor: factor 'bogus' for primes is not a number above 0",
                RunSession.rootMessage(wrapped));
        assertEquals("Benchmark error during the run", RunSession.rootMessage(new RunnerException("x",
                new BenchmarkException("Benchmark error during the run", java.util.List.of()))));
    }

    @Test
    void thePythonSuitesResultsFollowJmhsInOneArray() throws Exception {
        var array = RunSession.joined((com.fasterxml.jackson.databind.node.ArrayNode) Json.MAPPER.readTree(
                "[{\"benchmark\": \"a.B.run\"}]"), (com.fasterxml.jackson.databind.node.ArrayNode) Json.MAPPER.readTree(
                "[{\"benchmark\": \"python.primes\"}, {\"benchmark\": \"python.sleep\"}]"));
        assertEquals(3, array.size());
        assertEquals("a.B.run", array.get(0).get("benchmark").asText());
        assertEquals("python.sleep", array.get(2).get("benchmark").asText());
    }
}
