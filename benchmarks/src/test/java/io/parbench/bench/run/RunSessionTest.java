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
}
