package io.parbench.bench.run;

import io.parbench.bench.env.CpuActivity;
import io.parbench.bench.env.JvmInfo;
import io.parbench.bench.env.LoadAverage;
import io.parbench.bench.env.MachineInfo;
import io.parbench.bench.env.ToolkitInfo;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code environment.json}: everything about a run except its scores. Written when the run
 * starts (status {@code running}) and again when it ends ({@code complete}, {@code failed} or
 * {@code interrupted}), and after every benchmark, so that even a killed run says what it was: a status still
 * {@code running} whose {@code launcherPid} is gone means the launcher was killed (SIGKILL, power loss).
 * {@code benchmarks} says, per benchmark, what the analyzer must not guess from names ({@link BenchmarkTraits}).
 */
public record RunEnvironment(
        int schemaVersion,
        String runId,
        String status,
        Long launcherPid,
        String startedAt,
        String finishedAt,
        Double durationSeconds,
        String profile,
        List<String> suites,
        Matrix matrix,
        Jmh jmh,
        CpuActivity cpuActivityBefore,
        LoadAverage loadAverageBefore,
        LoadAverage loadAverageAfter,
        MachineInfo machine,
        JvmInfo jvm,
        ToolkitInfo toolkit,
        List<String> warnings,
        List<Failure> failures,
        Adaptive adaptive,
        Python python,
        Map<String, BenchmarkTraits> benchmarks) {

    /**
     * The python suite's interpreters ({@code prefix}: the benchmark names' prefix, {@code info}: version, build
     * (GIL or free-threaded), start methods, as the harness reports them), how its forks were timed, and what was
     * left out and why (no python3, an interpreter too old). Null when the run did not ask for the python suite.
     */
    public record Python(List<Runtime> runtimes, int warmupIterations, int measurementIterations, int iterationMillis,
            List<String> notes) {

        public record Runtime(String prefix, String executable, Map<String, Object> info) {
        }
    }

    /**
     * Adaptive precision ({@code --precision}): the target half-width of each benchmark's 95% interval relative to
     * its score, the time allowed, and the rounds added for benchmarks that had not reached it. Null without it.
     */
    public record Adaptive(double precision, double maxTimeSeconds, int addedRounds, List<String> reached,
            List<String> notReached) {
    }

    public static final int SCHEMA_VERSION = 1;

    /** What was planned and what finished. {@code sizes} maps each workload to its sizes. */
    public record Matrix(List<String> strategies, List<Integer> threads, Map<String, List<Long>> sizes, int planned,
            int completed, int failed) {
    }

    /**
     * The JMH options used. {@code forkJvmArgs} is null when the forks inherit the launcher JVM's flags
     * ({@link JvmInfo#inputArguments()}).
     */
    public record Jmh(String version, String mode, String timeUnit, int forks, int warmupIterations, String warmupTime,
            int measurementIterations, String measurementTime, List<String> forkJvmArgs, List<String> rawOptions) {
    }

    /** A benchmark that did not finish, and why. */
    public record Failure(String benchmark, Map<String, String> params, String message) {
    }
}
