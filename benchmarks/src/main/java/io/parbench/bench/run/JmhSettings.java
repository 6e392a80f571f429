package io.parbench.bench.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH options of a run: the profile's values, overridden by any raw JMH options the user passed after
 * {@code --}. Raw options that would fight the launcher (result files, benchmark patterns, the contract's params)
 * are refused with a sentence saying what to use instead.
 */
public record JmhSettings(
        int forks,
        int warmupIterations,
        TimeValue warmupTime,
        int measurementIterations,
        TimeValue measurementTime,
        List<String> rawOptions,
        CommandLineOptions raw) {

    private static final Set<String> CONTRACT_PARAMS = Set.of("strategy", "threads", "size", "workload");

    public static JmhSettings of(Profile profile, List<String> rawOptions) {
        return of(profile, rawOptions, true);
    }

    /**
     * The settings; {@code ownSuites} false for a jar that is not parbench's (an A/B run of a user's jar), whose params
     * are its own: {@code -p} then takes any name.
     */
    public static JmhSettings of(Profile profile, List<String> rawOptions, boolean ownSuites) {
        CommandLineOptions raw;
        try {
            raw = new CommandLineOptions(rawOptions.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageException("bad JMH option after '--': " + e.getMessage());
        }
        if (!raw.getIncludes().isEmpty()) {
            throw new UsageException("benchmark patterns after '--' (" + String.join(" ", raw.getIncludes())
                    + ") are not taken: use --include REGEX");
        }
        if (raw.getResult().hasValue() || raw.getResultFormat().hasValue() || raw.getOutput().hasValue()) {
            throw new UsageException("-rf, -rff and -o are not taken after '--': the run directory holds results.json "
                    + "and run.log; choose it with --out DIR");
        }
        for (String key : ownSuites ? CONTRACT_PARAMS : Set.<String>of()) {
            if (raw.getParameter(key).hasValue()) {
                throw new UsageException("-p " + key + "=... is not taken after '--': use --strategies, --threads and "
                        + "--sizes, which keep sequential out of the thread sweep");
            }
        }
        if (raw.shouldHelp() || raw.shouldList() || raw.shouldListWithParams() || raw.shouldListProfilers()
                || raw.shouldListResultFormats()) {
            throw new UsageException("-h, -l, -lp, -lprof and -lrf are JMH's own commands: run them with "
                    + "'java -jar benchmarks/target/benchmarks.jar ...'");
        }
        return new JmhSettings(
                raw.getForkCount().orElse(profile.forks()),
                raw.getWarmupIterations().orElse(profile.warmupIterations()),
                raw.getWarmupTime().orElse(seconds(profile.warmupSeconds())),
                raw.getMeasurementIterations().orElse(profile.measurementIterations()),
                raw.getMeasurementTime().orElse(seconds(profile.measurementSeconds())),
                List.copyOf(rawOptions),
                raw);
    }

    /**
     * The raw options less those the launcher sets itself for every fork ({@code -f}, {@code -wi}, {@code -w},
     * {@code -i}, {@code -r}: their values are in these settings): what an A/B run passes on to each side's JMH.
     */
    public List<String> passThrough() {
        Set<String> own = Set.of("-f", "-wi", "-w", "-i", "-r");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rawOptions.size(); i++) {
            if (own.contains(rawOptions.get(i))) {
                i++; // and its value
                continue;
            }
            out.add(rawOptions.get(i));
        }
        return out;
    }

    private static TimeValue seconds(double s) {
        return s >= 1 && s == Math.rint(s) ? TimeValue.seconds((long) s) : TimeValue.milliseconds(Math.round(s * 1000));
    }

    /** Applies these settings to a builder whose parent is the raw options (so every other raw option counts). */
    public ChainedOptionsBuilder apply(ChainedOptionsBuilder builder, List<String> requiredJvmFlags) {
        builder.forks(forks == 0 ? 0 : 1) // one fork per JMH run: the launcher runs the forks as rounds
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(measurementIterations)
                .measurementTime(measurementTime)
                .shouldFailOnError(true);
        // Forks inherit this JVM's flags unless -jvmArgs replaces them: then add back the flags that keep them quiet.
        if (raw.getJvmArgs().hasValue() && !requiredJvmFlags.isEmpty()) {
            List<String> prepend = new ArrayList<>(requiredJvmFlags);
            if (raw.getJvmArgsPrepend().hasValue()) {
                prepend.addAll(raw.getJvmArgsPrepend().get());
            }
            builder.jvmArgsPrepend(prepend.toArray(String[]::new));
        }
        return builder;
    }

    /**
     * How many rounds a run makes: one per fork (each round runs one fork of every benchmark, in a fresh random
     * order), or one round in the launcher's JVM with {@code -f 0}.
     */
    public int rounds() {
        return Math.max(1, forks);
    }

    /** The JVM flags the forks get from the user, or null when they inherit the launcher's. */
    public Collection<String> forkJvmArgs() {
        return raw.getJvmArgs().orElse(null);
    }

    /**
     * Seconds one planned benchmark should take (iterations plus a per-fork overhead, times the combinations of any
     * raw {@code -p name=v1,v2} params, which JMH runs as separate benchmarks): for estimates only.
     */
    public double estimatedSecondsPerBenchmark() {
        double perFork = Profile.FORK_OVERHEAD_SECONDS + warmupIterations * toSeconds(warmupTime)
                + measurementIterations * toSeconds(measurementTime);
        return Math.max(forks, 1) * perFork * rawParamCombinations();
    }

    /**
     * Seconds the plan should take: every planned benchmark times the JMH benchmarks it expands into (a
     * contention-suite class runs every combination of its own params), or its interpreter forks (python suite).
     */
    public double estimatedSeconds(List<PlannedBenchmark> plan, Profile profile) {
        var python = io.parbench.bench.python.PythonSuite.Settings.of(profile);
        return plan.stream().mapToDouble(b -> estimatedSecondsPerFork(b, python) * b.forks(rounds())).sum();
    }

    /**
     * Seconds one fork of {@code b} should take: a JMH fork of each benchmark it expands into, or an interpreter
     * process of the python suite (timed by {@link io.parbench.bench.python.PythonSuite.Settings}).
     */
    public double estimatedSecondsPerFork(PlannedBenchmark b, io.parbench.bench.python.PythonSuite.Settings python) {
        if (b.entry().isPython() && python != null) {
            return python.estimatedSecondsPerFork();
        }
        return b.entry().variants() * estimatedSecondsPerBenchmark() / rounds();
    }

    /** How many benchmarks JMH makes of one planned benchmark: the product of the raw -p params' value counts. */
    int rawParamCombinations() {
        int combinations = 1;
        for (int i = 0; i + 1 < rawOptions.size(); i++) {
            if (rawOptions.get(i).equals("-p")) {
                String spec = rawOptions.get(i + 1);
                int eq = spec.indexOf('=');
                combinations *= eq < 0 ? 1 : spec.substring(eq + 1).split(",").length;
            }
        }
        return combinations;
    }

    private static double toSeconds(TimeValue t) {
        return t.convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
