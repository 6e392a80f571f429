package io.parbench.bench.run;

import io.parbench.bench.env.CpuActivity;
import io.parbench.bench.env.JvmInfo;
import io.parbench.bench.env.LoadAverage;
import io.parbench.bench.env.MachineInfo;
import io.parbench.bench.env.MachineProbe;
import io.parbench.bench.env.NoiseWarnings;
import io.parbench.bench.env.ToolkitInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parbench ab}: two benchmarks jars, base and candidate, measured on this machine in one run, in rounds of
 * pairs (see {@link AbSchedule}). Writes {@code base/} and {@code candidate/} (ordinary run folders: results.json,
 * iterations.json, environment.json, run.log) and {@code ab.json} (the schedule and which fork of each side makes
 * each pair), which the analyzer's {@code ab} command judges. {@code scripts/parbench ab} builds the jars from git
 * refs and runs both steps.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Runs two benchmarks jars (base and candidate) on this machine in rounds: in each round every "
                + "benchmark runs one fork from each side, back to back, each side first in half the rounds. Writes base/, candidate/ "
                + "and ab.json into the output folder.",
                "Usually called by 'scripts/parbench ab BASE CANDIDATE', which builds the jars from git refs."},
        footer = {"", "Examples:",
                "  parbench ab --base-jar old.jar --candidate-jar new.jar --include 'Primes|SumSquares' --threads 1,2",
                "  parbench ab --base-jar b.jar --candidate-jar b.jar --candidate-jvm-args -Dparbench.workFactor=primes=1.05",
                "  parbench ab --base-jar mine-1.jar --candidate-jar mine-2.jar --include 'MyBench' -- -p n=100"})
public final class AbCommand implements Callable<Integer> {

    static final String FILE = "ab.json";
    /** The package of parbench's own benchmarks: a jar with them is planned like {@code parbench run}. */
    static final String OWN_PACKAGE = "io.parbench.bench.suite.";
    /** A fork costs about this much on top of its iterations and JMH's own fork overhead (measured: 0.3 s). */
    static final double HOST_OVERHEAD_SECONDS = 0.3;

    @Mixin
    MatrixOptions matrix;

    @Option(names = "--base-jar", required = true, paramLabel = "JAR", description = "The base's benchmarks jar (a JMH uber-jar).")
    Path baseJar;

    @Option(names = "--candidate-jar", required = true, paramLabel = "JAR", description = "The candidate's benchmarks jar.")
    Path candidateJar;

    @Option(names = "--base-name", paramLabel = "TEXT", description = "What the base is (a git ref and commit, say), for the records.")
    String baseName;

    @Option(names = "--candidate-name", paramLabel = "TEXT", description = "What the candidate is, for the records.")
    String candidateName;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds (pairs per benchmark; default: smoke 2, quick "
            + "6, full 10).")
    Integer rounds;

    @Option(names = "--candidate-jvm-args", paramLabel = "ARGS", description = "JVM arguments for the candidate's forks "
            + "only, separated by spaces (example: -Dparbench.workFactor=primes=1.05 makes the primes workload 5%% "
            + "slower: a known change, to prove the gate).")
    String candidateJvmArgs;

    @Option(names = "--jvm-args", paramLabel = "ARGS", description = "JVM arguments for both sides' forks, separated "
            + "by spaces, before the candidate's own (examples: -Xmx2g, -XX:+UseParallelGC).")
    String jvmArgs;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the schedule (default: a new one; recorded in "
            + "ab.json, so the order and who runs first can be replayed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder, new or empty (default: reports/ab-<run-id>).")
    Path out;

    @Option(names = "--dry-run", description = "Check both jars, print the schedule's size and estimated duration, run nothing.")
    boolean dryRun;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors and the output folder.")
    boolean quiet;

    /** The rounds of the quick profile: see the README's A/B measurements for why. */
    static final int QUICK_ROUNDS = 6;

    /**
     * The quick profile's iterations for an A/B run: 3 warm-up and 5 measured iterations of 100 ms, for as many
     * rounds as fit in about ten minutes. Pairs gain more from more rounds than from longer forks, because the forks
     * of one version differ more than the iterations of one fork (README: "A/B in one job").
     */
    static final List<String> QUICK_ITERATIONS = List.of("-wi", "3", "-w", "100ms", "-i", "5", "-r", "100ms");

    private volatile boolean finished;
    private volatile boolean interrupted;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out, System.err, quiet, verbose);
        Profile profile = matrix.profile();
        List<String> javaCommand = javaCommand();
        List<String> baseList = benchmarkList("base", baseJar, javaCommand);
        List<String> candidateList = benchmarkList("candidate", candidateJar, javaCommand);
        boolean ours = baseList.stream().anyMatch(n -> n.startsWith(OWN_PACKAGE))
                && candidateList.stream().anyMatch(n -> n.startsWith(OWN_PACKAGE));
        JmhSettings settings = JmhSettings.of(profile, withDefaults(profile, matrix.jmhOptions), ours);
        MachineProbe probe = new MachineProbe();
        MachineInfo machine = probe.machine();
        List<String> suites = ours ? matrix.suites() : List.of();
        if (suites.contains("python")) {
            throw new UsageException("--suite python cannot be compared with ab: its forks are CPython processes, not "
                    + "JMH forks of a jar; compare two runs with 'parbench compare' instead");
        }
        List<PlannedBenchmark> plan = ours ? MatrixPlanner.plan(suites, profile, matrix.threads(), matrix.sizes,
                matrix.strategies, matrix.include, machine.cpu().physicalCores(), machine.cpu().logicalCpus()) : List.of();
        List<AbSchedule.Unit> units = ours ? plan.stream().map(AbSchedule.Unit::of).toList()
                : foreignUnits(new java.util.ArrayList<>(new java.util.LinkedHashSet<>(concat(baseList, candidateList))),
                        matrix.include);
        checkSameBenchmarks(units, baseList, candidateList);
        int roundCount = rounds != null ? rounds : defaultRounds(profile);
        if (roundCount < 1 || roundCount > 1000) {
            throw new UsageException("--rounds " + roundCount + " is not between 1 and 1000");
        }
        double perFork = HOST_OVERHEAD_SECONDS + settings.estimatedSecondsPerBenchmark() / settings.rounds();
        Duration estimate = Duration.ofSeconds(Math.round(units.size() * 2.0 * roundCount * perFork));
        if (dryRun) {
            console.result(String.format(Locale.ROOT, "%d benchmarks a side, %d rounds, %d forks, estimated %s",
                    units.size(), roundCount, units.size() * 2 * roundCount, Console.duration(estimate)));
            return 0;
        }
        JvmInfo jvm = probe.jvm();
        ToolkitInfo toolkit = probe.toolkit(ParbenchMain.home());
        LoadAverage loadBefore = probe.loadAverage();
        CpuActivity activity = probe.cpuActivity(Duration.ofSeconds(1));
        List<String> warnings = NoiseWarnings.of(machine, jvm, activity);
        String runId = "ab-" + RunDirectory.runId(ZonedDateTime.now(), machine.hostname());
        RunDirectory root = RunDirectory.create(out, ParbenchMain.home().resolve("reports"), runId);
        List<String> bothArgs = words(jvmArgs);
        List<String> candidateArgs = concat(bothArgs, words(candidateJvmArgs));
        Path hostClasses = hostClasses();
        AbSide base = new AbSide("base", baseJar.toAbsolutePath(), javaCommand, bothArgs,
                RunDirectory.create(root.resolve("base"), null, "base"), hostClasses);
        AbSide candidate = new AbSide("candidate", candidateJar.toAbsolutePath(), javaCommand, candidateArgs,
                RunDirectory.create(root.resolve("candidate"), null, "candidate"), hostClasses);
        long theSeed = seed == null ? System.nanoTime() : seed;
        AbSchedule schedule = AbSchedule.of(units, roundCount, theSeed);
        console.info(String.format(Locale.ROOT, "parbench ab: %d benchmarks a side, %d rounds (%d forks), profile %s, "
                + "estimated %s -> %s", units.size(), roundCount, units.size() * 2 * roundCount, profile,
                Console.duration(estimate), root.path()));
        warnings.forEach(w -> console.warn("warning: " + w));

        RunEnvironment.Jmh jmh = RunCommand.jmh(toolkit, settings);
        Instant started = Instant.now();
        Record record = new Record(root, schedule, base, candidate, baseName, candidateName, settings, started);
        Map<AbSide, List<RunEnvironment.Failure>> failures = Map.of(base,
                java.util.Collections.synchronizedList(new ArrayList<>()), candidate,
                java.util.Collections.synchronizedList(new ArrayList<>()));
        Object envLock = new Object();
        java.util.function.BiConsumer<String, Instant> environments = (status, end) -> {
            synchronized (envLock) { // after an interruption only the hook writes, and it writes "interrupted"
                if (interrupted && !status.equals("interrupted")) {
                    return;
                }
                writeEnvironments(status, end, base, candidate, jmh, roundCount, started, probe, failures, profile,
                        suites, plan, units.size(), activity, loadBefore, machine, jvm, toolkit, warnings, console);
            }
        };
        environments.accept("running", null);
        record.write("running");
        Thread hook = new Thread(() -> {
            if (finished) {
                return;
            }
            interrupted = true; // before the hosts stop: the fork they end is no failure
            base.stop();
            candidate.stop();
            io.parbench.bench.Cleanup.deleteTree(hostClasses);
            environments.accept("interrupted", Instant.now());
            try {
                record.write("interrupted");
            } catch (IOException e) {
                // the folders already say what finished
            }
            System.err.println();
            System.err.println("parbench ab: interrupted; " + root.path() + " keeps every pair that finished");
        }, "parbench-ab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Set<AbSchedule.Unit> failed = new HashSet<>();
        int step = 0;
        int total = units.size() * roundCount;
        List<String> passThrough = settings.passThrough();
        try {
            for (AbSchedule.Round round : schedule.rounds()) {
                if (interrupted) {
                    break;
                }
                for (AbSchedule.Step s : round.steps()) {
                    step++;
                    if (failed.contains(s.unit())) {
                        continue;
                    }
                    Duration elapsed = Duration.between(started, Instant.now());
                    Duration eta = step == 1 ? estimate : Duration.ofMillis(elapsed.toMillis() * (total - step + 1) / (step - 1));
                    console.info(String.format(Locale.ROOT, "[%d/%d] %s (round %d of %d, %s first)  %s", step, total,
                            s.unit().label(), round.number(), roundCount, s.baseFirst() ? "base" : "candidate",
                            console.dim("elapsed " + Console.duration(elapsed) + ", ETA " + Console.duration(eta))));
                    AbSide first = s.baseFirst() ? base : candidate;
                    AbSide second = s.baseFirst() ? candidate : base;
                    AbSide.Fork a;
                    AbSide.Fork b;
                    try {
                        a = first.run(s.unit(), round.number(), settings, passThrough);
                        b = a.failure() == null ? second.run(s.unit(), round.number(), settings, passThrough)
                                : new AbSide.Fork(Map.of(), "not run: the other side failed");
                    } catch (IOException e) {
                        if (interrupted) {
                            break; // the hook removed the temporary folder under the fork's feet
                        }
                        throw e;
                    }
                    if (interrupted) {
                        break;
                    }
                    AbSide.Fork baseFork = s.baseFirst() ? a : b;
                    AbSide.Fork candidateFork = s.baseFirst() ? b : a;
                    for (var pair : List.of(Map.entry(base, baseFork), Map.entry(candidate, candidateFork))) {
                        if (pair.getValue().failure() != null) {
                            failed.add(s.unit());
                            failures.get(pair.getKey()).add(new RunEnvironment.Failure(s.unit().label(),
                                    s.unit().params(), pair.getValue().failure()));
                            console.error("        FAILED on the " + pair.getKey().name + " side: " + pair.getValue().failure());
                        }
                    }
                    record.pairs(s, baseFork.added(), candidateFork.added());
                    record.write("running");
                    environments.accept("running", null);
                }
            }
        } finally {
            finished = true;
            base.stop();
            candidate.stop();
            io.parbench.bench.Cleanup.deleteTree(hostClasses);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down: the hook runs
            }
        }
        if (interrupted) {
            return ParbenchMain.EXIT_INTERRUPTED; // the hook has recorded it
        }
        String status = failed.isEmpty() ? "complete" : "failed";
        environments.accept(status, Instant.now());
        record.write(status);
        if (!failed.isEmpty()) {
            console.error("parbench ab: " + failed.size() + " benchmark(s) failed on a side and are left out; run.log "
                    + "in base/ and candidate/ says why");
        }
        console.result(root.path().toString());
        return failed.isEmpty() ? 0 : ParbenchMain.EXIT_FAILED;
    }

    /** The user's JMH options, with the A/B quick profile's iteration options where the user gave none. */
    static List<String> withDefaults(Profile profile, List<String> options) {
        if (profile != Profile.QUICK) {
            return options;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < QUICK_ITERATIONS.size(); i += 2) {
            if (!options.contains(QUICK_ITERATIONS.get(i))) {
                out.add(QUICK_ITERATIONS.get(i));
                out.add(QUICK_ITERATIONS.get(i + 1));
            }
        }
        out.addAll(options);
        return out;
    }

    /** Both sides' environment.json. */
    private static void writeEnvironments(String status, Instant end, AbSide base, AbSide candidate, RunEnvironment.Jmh jmh,
            int roundCount, Instant started, MachineProbe probe, Map<AbSide, List<RunEnvironment.Failure>> failures,
            Profile profile, List<String> suites, List<PlannedBenchmark> plan, int planned, CpuActivity activity,
            LoadAverage loadBefore, MachineInfo machine, JvmInfo jvm, ToolkitInfo toolkit, List<String> warnings,
            Console console) {
        for (AbSide side : List.of(base, candidate)) {
            RunEnvironment.Jmh sideJmh = new RunEnvironment.Jmh(jmh.version(), jmh.mode(), jmh.timeUnit(), roundCount,
                    jmh.warmupIterations(), jmh.warmupTime(), jmh.measurementIterations(), jmh.measurementTime(),
                    side.forkJvmArgs.isEmpty() ? null : side.forkJvmArgs, jmh.rawOptions());
            RunSession.State state = new RunSession.State(status, started, end, end == null ? null : probe.loadAverage(),
                    side.benchmarks(), List.copyOf(failures.get(side)), null);
            RunEnvironment env = RunCommand.environment(side.dir, profile, suites, plan, planned, sideJmh,
                    activity, loadBefore, machine, jvm, toolkit, warnings, state);
            try {
                side.dir.writeAtomically(RunDirectory.ENVIRONMENT, o -> Json.MAPPER.writeValue(o, env));
            } catch (IOException e) {
                console.error("parbench: could not write " + side.dir.resolve(RunDirectory.ENVIRONMENT) + ": " + e);
            }
        }
    }

    /** A temporary folder holding {@link AbHost}'s class file, the one class the sides' JMH hosts need of ours. */
    static Path hostClasses() throws IOException {
        Path dir = Files.createTempDirectory("parbench-ab-host-");
        String name = AbHost.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (var in = AbHost.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("cannot find " + name + " in parbench's own jar");
            }
            Files.copy(in, file);
        }
        return dir;
    }


    static int defaultRounds(Profile profile) {
        return switch (profile) {
            case SMOKE -> 2;
            case QUICK -> QUICK_ROUNDS;
            case FULL -> 10;
        };
    }

    /** The java binary of this JVM, with the flags that keep JMH's host and its forks quiet on this JDK. */
    static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(RunCommand.requiredForkFlags(Runtime.version().feature()));
        return cmd;
    }

    /** The benchmarks a jar holds ({@code java -cp JAR org.openjdk.jmh.Main -l}); one sentence if it is no JMH jar. */
    static List<String> benchmarkList(String side, Path jar, List<String> javaCommand) throws IOException,
            InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("the " + side + " jar " + jar + " does not exist");
        }
        List<String> cmd = new ArrayList<>(javaCommand);
        cmd.addAll(List.of("-cp", jar.toString(), "org.openjdk.jmh.Main", "-l"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new UsageException("the " + side + " jar " + jar + " did not list its benchmarks within 60 s");
            }
        } finally {
            AbSide.destroy(p);
        }
        List<String> lines = output.lines().map(String::strip).toList();
        int at = lines.indexOf("Benchmarks:");
        if (p.exitValue() != 0 || at < 0) {
            String why = lines.stream().filter(l -> !l.isEmpty()).findFirst().orElse("no output");
            throw new UsageException("the " + side + " jar " + jar + " is not a JMH benchmarks jar (org.openjdk.jmh.Main "
                    + "-l said: " + why + ")");
        }
        List<String> names = lines.subList(at + 1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new UsageException("the " + side + " jar " + jar + " holds no JMH benchmark");
        }
        return names;
    }

    /** JVM arguments given as one string, split at spaces; none for null or blank. */
    static List<String> words(String args) {
        return args == null || args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** A foreign jar's benchmarks, each a unit of its own (JMH runs its params' combinations in its fork). */
    static List<AbSchedule.Unit> foreignUnits(List<String> names, String include) {
        Pattern p = include == null ? null : MatrixPlanner.compile(include);
        List<AbSchedule.Unit> units = names.stream().filter(n -> p == null || p.matcher(n).find())
                .map(n -> new AbSchedule.Unit(n, "^" + Pattern.quote(n) + "$", Map.of(), 0)).toList();
        if (units.isEmpty()) {
            throw new UsageException("--include '" + include + "' matches none of the jar's " + names.size() + " benchmarks");
        }
        return units;
    }

    /** Every unit must select the same benchmarks from both jars; else one sentence naming what differs. */
    static void checkSameBenchmarks(List<AbSchedule.Unit> units, List<String> base, List<String> candidate) {
        Set<String> onlyBase = new TreeSet<>();
        Set<String> onlyCandidate = new TreeSet<>();
        for (AbSchedule.Unit u : units) {
            Pattern p = Pattern.compile(u.includePattern());
            Set<String> b = new TreeSet<>(base.stream().filter(n -> p.matcher(n).find()).toList());
            Set<String> c = new TreeSet<>(candidate.stream().filter(n -> p.matcher(n).find()).toList());
            c.stream().filter(n -> !b.contains(n)).forEach(onlyCandidate::add);
            b.stream().filter(n -> !c.contains(n)).forEach(onlyBase::add);
            if (b.isEmpty() && c.isEmpty()) {
                onlyBase.add("(neither has " + u.label() + ")");
            }
        }
        if (!onlyBase.isEmpty() || !onlyCandidate.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!onlyCandidate.isEmpty()) {
                parts.add("only the candidate has " + String.join(", ", onlyCandidate));
            }
            if (!onlyBase.isEmpty()) {
                parts.add("only the base has " + String.join(", ", onlyBase));
            }
            throw new UsageException("base and candidate have different benchmark lists: " + String.join("; ", parts)
                    + " (leave them out with --include)");
        }
    }

    /** ab.json: the two sides, the schedule, and which forks make each benchmark's pairs. */
    private static final class Record {
        private final RunDirectory root;
        private final AbSchedule schedule;
        private final AbSide base;
        private final AbSide candidate;
        private final String baseName;
        private final String candidateName;
        private final JmhSettings settings;
        private final Instant started;
        private final Map<String, Map<String, Object>> benchmarks = new LinkedHashMap<>();

        Record(RunDirectory root, AbSchedule schedule, AbSide base, AbSide candidate, String baseName,
                String candidateName, JmhSettings settings, Instant started) {
            this.root = root;
            this.schedule = schedule;
            this.base = base;
            this.candidate = candidate;
            this.baseName = baseName;
            this.candidateName = candidateName;
            this.settings = settings;
            this.started = started;
        }

        /** Records the pairs one step made: every benchmark key both sides measured. */
        synchronized void pairs(AbSchedule.Step s, Map<String, Integer> baseForks, Map<String, Integer> candidateForks) {
            for (var e : baseForks.entrySet()) {
                Integer c = candidateForks.get(e.getKey());
                if (c == null) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> pairs = (List<Map<String, Object>>) benchmarks.computeIfAbsent(e.getKey(), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", k);
                    m.put("pairs", new ArrayList<Map<String, Object>>());
                    return m;
                }).get("pairs");
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("round", s.round());
                pair.put("base", e.getValue());
                pair.put("candidate", c);
                pair.put("first", s.baseFirst() ? "base" : "candidate");
                pairs.add(pair);
            }
        }

        private boolean sealed;

        /** Writes ab.json; after "interrupted" nothing else is written (the main thread may still be finishing a step). */
        synchronized void write(String status) throws IOException {
            if (sealed) {
                return;
            }
            sealed = status.equals("interrupted");
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schemaVersion", 1);
            doc.put("about", "A parbench A/B run: base/ and candidate/ are run folders; in each round every benchmark ran "
                    + "one fork on each side, back to back ('first' says which side ran first). A pair is the base's "
                    + "fork and the candidate's fork of one benchmark in one round, given as their indexes among that "
                    + "benchmark's rawData rows in each side's results.json. Each benchmark runs base-first in half "
                    + "its rounds (one more of either, drawn, when the rounds are odd): java.util.Random(seed) draws, "
                    + "for each benchmark in the matrix's order, the odd round's extra side (true: base first) when the "
                    + "rounds are odd, then shuffles its rounds' orders (base-first ones listed first); "
                    + "java.util.Random(seed + round) shuffles the benchmarks of each round.");
            doc.put("status", status);
            doc.put("startedAt", started.toString());
            doc.put("seed", schedule.seed());
            doc.put("rounds", schedule.rounds().size());
            doc.put("base", side(base, baseName));
            doc.put("candidate", side(candidate, candidateName));
            Map<String, Object> jmh = new LinkedHashMap<>();
            jmh.put("warmupIterations", settings.warmupIterations());
            jmh.put("warmupTime", settings.warmupTime().toString());
            jmh.put("measurementIterations", settings.measurementIterations());
            jmh.put("measurementTime", settings.measurementTime().toString());
            jmh.put("passThrough", settings.passThrough());
            doc.put("jmh", jmh);
            doc.put("schedule", schedule.rounds().stream().map(r -> Map.of("round", r.number(), "steps",
                    r.steps().stream().map(st -> Map.of("benchmark", st.unit().label(), "first",
                            st.baseFirst() ? "base" : "candidate")).toList())).toList());
            doc.put("benchmarks", new ArrayList<>(benchmarks.values()));
            root.writeAtomically(FILE, o -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(o, doc));
        }

        private static Map<String, Object> side(AbSide side, String name) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name == null ? side.jar.toString() : name);
            m.put("jar", side.jar.toString());
            m.put("folder", side.name);
            m.put("forkJvmArgs", side.forkJvmArgs);
            return m;
        }
    }
}
