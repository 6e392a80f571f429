package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class JmhSettingsTest {

    @Test
    void profileValuesApplyUnlessRawOptionsOverrideThem() {
        JmhSettings quick = JmhSettings.of(Profile.QUICK, List.of());
        assertEquals(3, quick.forks());
        assertEquals(3, quick.rounds(), "the forks run as rounds");
        assertEquals(2, quick.warmupIterations());
        assertEquals(TimeValue.milliseconds(200), quick.measurementTime());
        assertNull(quick.forkJvmArgs());

        JmhSettings custom = JmhSettings.of(Profile.QUICK, List.of("-f", "2", "-i", "7", "-prof", "gc"));
        assertEquals(2, custom.forks());
        assertEquals(7, custom.measurementIterations());
        assertEquals(2, custom.warmupIterations());
        Options built = custom.apply(new OptionsBuilder().parent(custom.raw()), List.of()).build();
        assertEquals(1, built.getProfilers().size(), "other raw options pass through");
        assertEquals(7, built.getMeasurementIterations().get());
        assertEquals(1, built.getForkCount().get(), "-f 2 makes two rounds of one fork each");
        assertEquals(2, custom.rounds());
        assertTrue(built.shouldFailOnError().get());
    }

    @Test
    void replacedForkFlagsGetTheRequiredOnesBack() {
        JmhSettings s = JmhSettings.of(Profile.SMOKE, List.of("-jvmArgs", "-Xmx1g"));
        Options built = s.apply(new OptionsBuilder().parent(s.raw()), List.of("--sun-misc-unsafe-memory-access=allow"))
                .build();
        assertEquals(List.of("-Xmx1g"), List.copyOf(built.getJvmArgs().get()));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow"), List.copyOf(built.getJvmArgsPrepend().get()));
    }

    @Test
    void estimatesIncludeEveryIterationAndAForkOverhead() {
        JmhSettings full = JmhSettings.of(Profile.FULL, List.of());
        assertEquals(3 * (Profile.FORK_OVERHEAD_SECONDS + 5 * 2 + 10 * 2), full.estimatedSecondsPerBenchmark(), 1e-9);
        JmhSettings multiplied = JmhSettings.of(Profile.FULL, List.of("-p", "chunksPerThread=1,4,16", "-p", "x=a,b"));
        assertEquals(6 * full.estimatedSecondsPerBenchmark(), multiplied.estimatedSecondsPerBenchmark(), 1e-9,
                "raw -p params multiply the benchmarks");
    }

    @Test
    void optionsThatFightTheLauncherAreRefusedWithWhatToUseInstead() {
        assertTrue(assertThrows(UsageException.class, () -> JmhSettings.of(Profile.QUICK, List.of("-rf", "csv")))
                .getMessage().contains("--out DIR"));
        assertTrue(assertThrows(UsageException.class, () -> JmhSettings.of(Profile.QUICK, List.of("-p", "threads=8")))
                .getMessage().contains("--threads"));
        assertTrue(assertThrows(UsageException.class, () -> JmhSettings.of(Profile.QUICK, List.of("Primes")))
                .getMessage().contains("--include"));
        assertTrue(assertThrows(UsageException.class, () -> JmhSettings.of(Profile.QUICK, List.of("--bogus")))
                .getMessage().startsWith("bad JMH option after '--'"));
    }
}
