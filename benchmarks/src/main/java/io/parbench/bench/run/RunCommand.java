package io.parbench.bench.run;

import io.parbench.bench.env.CpuActivity;
import io.parbench.bench.env.JvmInfo;
import io.parbench.bench.env.LoadAverage;
import io.parbench.bench.env.MachineInfo;
import io.parbench.bench.env.MachineProbe;
import io.parbench.bench.env.NoiseWarnings;
import io.parbench.bench.env.ToolkitInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parbench run}: probe the machine, run the plan, write the run folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs JMH suites and writes a run folder: environment.json, results.json, run.log.",
        footer = {"", "Examples:", "  parbench run                                  # the cpu suite, quick profile",
                "  parbench run --suite io                       # latency, files, loopback HTTP, hybrid: 1..1024 in flight",
                "  parbench run --suite cpu,python               # CPython's threads, processes, asyncio beside the JVM",
                "  parbench run --profile smoke --out /tmp/smoke", "  parbench run --include Primes --threads 1,2 --sizes primes=1M",
                "  parbench run -- -prof gc                      # raw JMH options after --"})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    MatrixOptions matrix;

    @Option(names = "--precision", paramLabel = "PCT", description = "Adaptive precision: after the profile's rounds, add "
            + "rounds for the benchmarks whose 95%% interval is wider than PCT of their score (half-width), until "
            + "each reaches it or --max-time is up (example: --precision 2%%).")
    String precision;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "30m", description = "With --precision: the "
            + "time the whole run may take (default: ${DEFAULT-VALUE}; s, m and h work).")
    String maxTime;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the rounds' random order (default: a new one; "
            + "recorded in iterations.json, so a run's order can be replayed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the run folder exactly here (default: reports/<run-id>).")
    Path out;

    @Option(names = "--dry-run", description = "Print the matrix and the estimated duration, run nothing.")
    boolean dryRun;

    @Option(names = "--verbose", description = "Show JMH's own output and stack traces.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors and the path of the run folder.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out, System.err, quiet, verbose);
        Profile profile = matrix.profile();
        List<String> suites = matrix.suites();
        JmhSettings settings = JmhSettings.of(profile, matrix.jmhOptions);
        MachineProbe probe = new MachineProbe();
        MachineInfo machine = probe.machine();
        List<PlannedBenchmark> plan = MatrixPlanner.plan(suites, profile, matrix.threads(), matrix.sizes, matrix.strategies,
                matrix.include, machine.cpu().physicalCores(), machine.cpu().logicalCpus());
        if (dryRun) {
            ListCommand.print(console, plan, settings, profile);
            return 0;
        }
        PythonSetup python = PythonSetup.of(plan, profile, settings, console);
        try {
            return run(console, profile, suites, settings, probe, machine, python.plan(), python);
        } finally {
            python.close();
        }
    }

    private Integer run(Console console, Profile profile, List<String> suites, JmhSettings settings, MachineProbe probe,
            MachineInfo machine, List<PlannedBenchmark> plan, PythonSetup python) throws Exception {
        JvmInfo jvm = probe.jvm();
        ToolkitInfo toolkit = probe.toolkit(ParbenchMain.home());
        LoadAverage loadBefore = probe.loadAverage();
        CpuActivity activity = probe.cpuActivity(java.time.Duration.ofSeconds(1)); // what others use, before we start
        List<String> warnings = NoiseWarnings.of(machine, jvm, activity);
        RunDirectory dir = RunDirectory.create(out, ParbenchMain.home().resolve("reports"),
                RunDirectory.runId(ZonedDateTime.now(), machine.hostname()));
        int stale = JmhTempFiles.removeStale(Path.of(System.getProperty("java.io.tmpdir")));
        if (stale > 0) {
            console.info("parbench: removed " + stale + " temporary file(s) left by an earlier JMH run that was killed");
        }

        console.info("parbench: " + plan.size() + " benchmarks, profile " + profile + ", estimated "
                + Console.duration(Duration.ofSeconds(Math.round(settings.estimatedSeconds(plan, profile))))
                + " -> " + dir.path());
        warnings.forEach(w -> console.warn("warning: " + w));

        RunEnvironment.Jmh jmh = jmh(toolkit, settings);
        var session = new RunSession(dir, plan, settings, requiredForkFlags(jvm), console, probe,
                state -> environment(dir, profile, suites, plan, plan.size(), jmh, activity, loadBefore, machine, jvm,
                        toolkit, warnings, state, python.environment()), seed == null ? System.nanoTime() : seed);
        python.attach(session, dir.resolve(RunDirectory.LOG).toFile());
        if (precision != null) {
            session.adaptive(parsePrecision(precision), parseDuration(maxTime));
        }
        RunSession.Outcome outcome = session.execute();
        if (suites.contains("sync") && outcome != RunSession.Outcome.INTERRUPTED && matrix.include == null) {
            console.info("parbench: the sync suite's hazard demos (race, deadlock, livelock, starvation, pinning) ...");
            console.info("parbench: wrote " + HazardsCommand.runInto(dir.path(), console));
        }
        if (outcome == RunSession.Outcome.FAILED) {
            console.error("parbench: some benchmarks failed; results.json holds those that finished, run.log says why");
        }
        console.result(dir.path().toString());
        return outcome == RunSession.Outcome.COMPLETE ? 0 : ParbenchMain.EXIT_FAILED;
    }

    /** environment.json's content for a run of {@code plan} ({@code planned} benchmarks), in the state given. */
    static RunEnvironment environment(RunDirectory dir, Profile profile, List<String> suites, List<PlannedBenchmark> plan,
            int planned, RunEnvironment.Jmh jmh, CpuActivity activity, LoadAverage loadBefore, MachineInfo machine,
            JvmInfo jvm, ToolkitInfo toolkit, List<String> warnings, RunSession.State state) {
        return environment(dir, profile, suites, plan, planned, jmh, activity, loadBefore, machine, jvm, toolkit, warnings,
                state, null);
    }

    /** The same, with the python suite's interpreters (null: the run has no python suite). */
    static RunEnvironment environment(RunDirectory dir, Profile profile, List<String> suites, List<PlannedBenchmark> plan,
            int planned, RunEnvironment.Jmh jmh, CpuActivity activity, LoadAverage loadBefore, MachineInfo machine,
            JvmInfo jvm, ToolkitInfo toolkit, List<String> warnings, RunSession.State state, RunEnvironment.Python python) {
        Map<String, List<Long>> sizes = new LinkedHashMap<>();
        LinkedHashSet<String> strategies = new LinkedHashSet<>();
        java.util.TreeSet<Integer> threads = new java.util.TreeSet<>();
        for (PlannedBenchmark b : plan) {
            if (b.strategy() == null) {
                if (b.jmhThreads() > 0) {
                    threads.add(b.jmhThreads());
                }
                continue;
            }
            if (!b.strategy().equals("sequential")) {
                threads.add(b.threads());
            }
            sizes.computeIfAbsent(b.entry().workload(), k -> new ArrayList<>());
            if (!sizes.get(b.entry().workload()).contains(b.size())) {
                sizes.get(b.entry().workload()).add(b.size());
            }
            strategies.add(b.strategy());
        }
        Instant end = state.finished();
        return new RunEnvironment(RunEnvironment.SCHEMA_VERSION, dir.runId(), state.status(), ProcessHandle.current().pid(),
                state.started().toString(), end == null ? null : end.toString(),
                end == null ? null : Duration.between(state.started(), end).toMillis() / 1000.0,
                profile.id(), suites,
                new RunEnvironment.Matrix(List.copyOf(strategies), List.copyOf(threads), sizes, planned, state.completed(),
                        state.failures().size()),
                jmh, activity, loadBefore, state.loadAfter(), machine, jvm, toolkit, warnings, state.failures(),
                state.adaptive(), python, BenchmarkTraits.of(plan));
    }

    /** The JMH options of a run, as environment.json records them. */
    static RunEnvironment.Jmh jmh(ToolkitInfo toolkit, JmhSettings settings) {
        return new RunEnvironment.Jmh(toolkit.jmhVersion(), "avgt", "ms", settings.forks(),
                settings.warmupIterations(), settings.warmupTime().toString(), settings.measurementIterations(),
                settings.measurementTime().toString(),
                settings.forkJvmArgs() == null ? null : List.copyOf(settings.forkJvmArgs()), settings.rawOptions());
    }

    /** Flags a fork needs to stay quiet on this JDK, should -jvmArgs replace the inherited ones. */
    static List<String> requiredForkFlags(JvmInfo jvm) {
        return requiredForkFlags(jvm.feature());
    }

    /** The same for a JDK of feature version {@code feature}. */
    static List<String> requiredForkFlags(int feature) {
        List<String> flags = new ArrayList<>();
        if (feature >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=allow"); // JMH uses sun.misc.Unsafe
        }
        return flags;
    }

    /** "2%", "2" or "0.5%": a fraction between 0 and 1 (exclusive). */
    static double parsePrecision(String text) {
        try {
            double v = Double.parseDouble(text.trim().replace("%", "")) / 100;
            if (v > 0 && v < 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--precision '" + text + "' is not a percentage between 0 and 100 (example: --precision 2%)");
    }

    /** "90s", "30m", "2h" or a number of seconds. */
    static java.time.Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            long unit = t.endsWith("h") ? 3600 : t.endsWith("m") ? 60 : 1;
            String number = t.replaceAll("[hms]$", "");
            double seconds = Double.parseDouble(number) * unit;
            if (seconds > 0 && seconds <= 7 * 24 * 3600) {
                return java.time.Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--max-time '" + text + "' is not a duration (examples: 90s, 30m, 2h)");
    }
}
