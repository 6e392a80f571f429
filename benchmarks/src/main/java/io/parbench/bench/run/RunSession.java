package io.parbench.bench.run;

import io.parbench.bench.env.LoadAverage;
import io.parbench.bench.env.MachineProbe;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan in rounds, one JMH fork of one benchmark at a time (JMH forks its own JVM): each round runs one fork of
 * every benchmark ({@code process-cold} sits out the last of three or more rounds: {@link PlannedBenchmark#forks}),
 * in a fresh random order (seeded; the seed and every round's order are recorded in iterations.json), as randomized
 * multiple interleaved trials do (Abedi and Brecht, ICPE 2017), so that a burst of noise on a shared machine falls on
 * random benchmarks instead of on one strategy's block. The run folder is valid
 * after every fork: results.json holds every fork that finished (one entry per benchmark, one rawData row per fork),
 * so an interrupted run loses only the fork in progress.
 */
public final class RunSession {

    /** The outcome of a session. */
    public enum Outcome { COMPLETE, FAILED, INTERRUPTED }

    private final RunDirectory dir;
    private final List<PlannedBenchmark> plan;
    private final JmhSettings settings;
    private final List<String> requiredForkFlags;
    private final Console console;
    private final MachineProbe probe;
    private final Function<State, RunEnvironment> environment;

    private final ForkResults results = new ForkResults();
    /** The python suite's forks (JMH JSON from interpreter processes), joined as JMH joins forks. */
    private final JsonForks pythonResults = new JsonForks();
    private io.parbench.bench.python.PythonForks python;
    private volatile boolean interrupted;
    private final long seed;
    private final List<Map<String, Object>> rounds = new ArrayList<>();
    private IterationRecorder recorder;
    private final List<RunEnvironment.Failure> failures = new ArrayList<>();
    private volatile boolean finished;
    private final Instant started = Instant.now();

    /** What the environment document needs to know about the session so far. */
    public record State(String status, Instant started, Instant finished, LoadAverage loadAfter, int completed,
            List<RunEnvironment.Failure> failures, RunEnvironment.Adaptive adaptive) {
    }

    private Double precision;
    private Duration maxTime;
    private volatile RunEnvironment.Adaptive adaptiveState;
    private final Map<PlannedBenchmark, java.util.Set<String>> keysOf = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Adaptive precision: after the profile's rounds, more rounds for the benchmarks whose 95% interval (Student t
     * over the fork means) is wider than {@code precision} of their score, until all reach it or {@code maxTime}
     * (measured from the start of the run) is up.
     */
    public void python(io.parbench.bench.python.PythonForks forks) {
        this.python = forks;
    }

    public void adaptive(double precision, Duration maxTime) {
        this.precision = precision;
        this.maxTime = maxTime;
    }

    public RunSession(RunDirectory dir, List<PlannedBenchmark> plan, JmhSettings settings, List<String> requiredForkFlags,
            Console console, MachineProbe probe, Function<State, RunEnvironment> environment, long seed) {
        this.seed = seed;
        this.dir = dir;
        this.plan = plan;
        this.settings = settings;
        this.requiredForkFlags = requiredForkFlags;
        this.console = console;
        this.probe = probe;
        this.environment = environment;
    }

    public Outcome execute() throws IOException {
        writeEnvironment("running", null, null);
        Thread hook = new Thread(this::onInterrupt, "parbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (PrintStream log = new PrintStream(new FileOutputStream(dir.resolve(RunDirectory.LOG).toFile(), true), true,
                StandardCharsets.UTF_8)) {
            PrintStream jmhOut = console.verbose() ? new PrintStream(new TeeStream(log, System.err), true,
                    StandardCharsets.UTF_8) : log;
            recorder = new IterationRecorder(OutputFormatFactory.createFormatInstance(jmhOut, VerboseMode.NORMAL));
            int roundCount = settings.rounds();
            double total = plan.stream().mapToDouble(b -> forkSeconds(b) * b.forks(roundCount)).sum();
            int steps = plan.stream().mapToInt(b -> b.forks(roundCount)).sum();
            double done = 0;
            int step = 0;
            java.util.Set<PlannedBenchmark> failed = new java.util.HashSet<>();
            for (int round = 1; round <= roundCount; round++) {
                int r = round;
                List<PlannedBenchmark> order = startRound(round, plan.stream().filter(b -> b.runsIn(r, roundCount))
                        .toList(), false);
                for (PlannedBenchmark b : order) {
                    step++;
                    if (failed.contains(b)) {
                        done += forkSeconds(b);
                        continue;
                    }
                    Duration elapsed = Duration.between(started, Instant.now());
                    double pace = done == 0 ? 1.0 : elapsed.toMillis() / 1000.0 / done;
                    Duration eta = Duration.ofMillis(Math.round((total - done) * pace * 1000));
                    done += forkSeconds(b);
                    console.info(String.format(Locale.ROOT, "[%d/%d] %s%s  %s", step, steps,
                            b.label(), roundCount > 1 ? " (round " + round + " of " + roundCount + ")" : "",
                            console.dim("elapsed " + Console.duration(elapsed) + ", ETA " + Console.duration(eta))));
                    log.println("# parbench [" + step + "/" + steps + "] round " + round + ": " + b.label());
                    if (!runOne(b, recorder)) {
                        failed.add(b);
                    }
                }
            }
            if (precision != null) {
                moreRounds(roundCount, failed, log);
            }
        } finally {
            finished = true;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running
            }
        }
        Outcome outcome = failures.isEmpty() ? Outcome.COMPLETE : Outcome.FAILED;
        writeEnvironment(outcome == Outcome.COMPLETE ? "complete" : "failed", Instant.now(), probe.loadAverage());
        return outcome;
    }

    /**
     * Starts round {@code round}: {@code benchmarks} in the order {@code java.util.Random(seed + round)} shuffles them
     * into, recorded (with whether --precision added the round) for iterations.json.
     */
    private List<PlannedBenchmark> startRound(int round, List<PlannedBenchmark> benchmarks, boolean adaptive) {
        List<PlannedBenchmark> order = new ArrayList<>(benchmarks);
        java.util.Collections.shuffle(order, new java.util.Random(seed + round));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("round", round);
        record.put("seed", seed + round);
        if (adaptive) {
            record.put("adaptive", true);
        }
        record.put("order", order.stream().map(PlannedBenchmark::label).toList());
        rounds.add(record);
        recorder.round(round);
        return order;
    }

    /** The rounds --precision adds, each for the benchmarks still short of it, in a fresh random order. */
    private void moreRounds(int roundsDone, java.util.Set<PlannedBenchmark> failed, PrintStream log) throws IOException {
        int round = roundsDone;
        int added = 0;
        while (true) {
            List<PlannedBenchmark> open = plan.stream().filter(b -> !failed.contains(b) && !reached(b)).toList();
            Duration elapsed = Duration.between(started, Instant.now());
            if (open.isEmpty() || elapsed.compareTo(maxTime) >= 0) {
                break;
            }
            round++;
            added++;
            List<PlannedBenchmark> order = startRound(round, open, true);
            console.info(String.format(Locale.ROOT, "parbench: round %d for the %d benchmark%s not yet within %.1f%%",
                    round, open.size(), open.size() == 1 ? "" : "s", precision * 100));
            for (PlannedBenchmark b : order) {
                if (Duration.between(started, Instant.now()).compareTo(maxTime) >= 0) {
                    break;
                }
                log.println("# parbench round " + round + " (adaptive): " + b.label());
                console.info("        " + b.label() + console.dim("  (round " + round + ")"));
                if (!runOne(b, recorder)) {
                    failed.add(b);
                }
            }
        }
        List<String> reached = plan.stream().filter(b -> !failed.contains(b) && reached(b)).map(PlannedBenchmark::label).toList();
        List<String> notReached = plan.stream().filter(b -> failed.contains(b) || !reached(b)).map(PlannedBenchmark::label)
                .toList();
        adaptiveState = new RunEnvironment.Adaptive(precision, maxTime.toMillis() / 1000.0, added, reached, notReached);
        console.info(String.format(Locale.ROOT, "parbench: %d of %d benchmarks within %.1f%% after %d added round%s",
                reached.size(), plan.size(), precision * 100, added, added == 1 ? "" : "s"));
    }

    /** True when every JMH benchmark {@code b} produced has a 95% interval within the precision target. */
    private boolean reached(PlannedBenchmark b) {
        java.util.Set<String> keys = keysOf.get(b);
        if (keys == null || keys.isEmpty()) {
            return false;
        }
        return keys.stream().allMatch(k -> (b.entry().isPython() ? pythonResults.relativeHalfWidth(k)
                : results.relativeHalfWidth(k)) <= precision);
    }

    /** Runs one fork of {@code b}; false when it failed (it is then left out of later rounds). */
    private boolean runOne(PlannedBenchmark b, OutputFormat format) throws IOException {
        if (b.entry().isPython()) {
            return runPython(b);
        }
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .parent(settings.raw())
                .include(b.entry().includePattern());
        b.params().forEach(builder::param);
        if (b.jmhThreads() > 0) {
            builder.threads(b.jmhThreads());
        }
        settings.apply(builder, requiredForkFlags);
        try {
            Collection<RunResult> run = new Runner(builder.build(), format).run();
            if (run.isEmpty()) {
                fail(b, "JMH produced no result (see run.log)");
                return false;
            }
            results.add(run);
            run.forEach(r -> keysOf.computeIfAbsent(b, x -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                    .add(ForkResults.key(r.getParams())));
            writeResults();
            writeEnvironment("running", null, null); // the count of completed benchmarks survives a SIGKILL
            for (RunResult r : run) {
                var primary = r.getPrimaryResult();
                console.info(String.format(Locale.ROOT, "        %s", console.dim(formatScore(primary.getScore(),
                        primary.getScoreError(), primary.getScoreUnit()))));
            }
        } catch (RunnerException e) {
            fail(b, rootMessage(e));
            return false;
        }
        return true;
    }

    /** The estimated seconds of one fork of {@code b} (for the ETA; scaled by the pace measured so far). */
    private double forkSeconds(PlannedBenchmark b) {
        return settings.estimatedSecondsPerFork(b, python == null ? null : python.settings());
    }

    /** Runs one fork of a python-suite benchmark in an interpreter process; false when it failed. */
    private boolean runPython(PlannedBenchmark b) throws IOException {
        if (python == null) {
            fail(b, "the python suite was planned without an interpreter");
            return false;
        }
        try {
            io.parbench.bench.python.PythonForks.Fork fork = python.run(b);
            if (interrupted) {
                return false;
            }
            Map<String, Integer> added = pythonResults.add(fork.result());
            keysOf.computeIfAbsent(b, x -> java.util.concurrent.ConcurrentHashMap.newKeySet()).addAll(added.keySet());
            fork.result().forEach(entry -> recorder.recordFork(entry, fork.warmup(), fork.seconds(),
                    fork.measuredSeconds()));
            writeResults();
            writeEnvironment("running", null, null);
            for (var entry : fork.result()) {
                var primary = entry.path("primaryMetric");
                console.info("        " + console.dim(formatScore(primary.path("score").asDouble(), Double.NaN,
                        primary.path("scoreUnit").asText())));
            }
            return true;
        } catch (io.parbench.bench.python.PythonForks.ForkFailure e) {
            if (!interrupted) {
                fail(b, e.getMessage());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(b, "interrupted");
            return false;
        }
    }

    static String formatScore(double score, double error, String unit) {
        return Double.isNaN(error) ? String.format(Locale.ROOT, "%.4g %s", score, unit)
                : String.format(Locale.ROOT, "%.4g ± %.2g %s", score, error, unit);
    }

    /**
     * What really went wrong: JMH wraps a benchmark's exception in its own (attached as a suppressed exception of a
     * BenchmarkException), so the first exception from outside JMH, in the cause chain or among the suppressed ones,
     * says more than JMH's "Benchmark error during the run".
     */
    static String rootMessage(Throwable e) {
        java.util.ArrayDeque<Throwable> queue = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Throwable deepest = e;
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (!t.getClass().getName().startsWith("org.openjdk.jmh.") && t.getMessage() != null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage().lines().findFirst().orElse("");
            }
            deepest = t;
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
        String msg = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }

    private void fail(PlannedBenchmark b, String message) throws IOException {
        synchronized (failures) {
            failures.add(new RunEnvironment.Failure(b.entry().benchmarkName(), b.params(), message));
        }
        console.error("        FAILED: " + message + " (details in " + dir.resolve(RunDirectory.LOG) + ")");
        writeEnvironment("running", null, null);
    }

    private void writeResults() throws IOException {
        String json = JsonForks.text(joined(results.array(), pythonResults.array()));
        dir.writeAtomically(RunDirectory.RESULTS, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        if (recorder != null) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("count", settings.rounds());
            about.put("seed", seed);
            about.put("note", "each round runs one fork of every benchmark (process-cold sits out the last of "
                    + "three or more), in the order listed (java.util.Random(seed + round) shuffles the plan's "
                    + "benchmarks that run in the round)");
            about.put("rounds", rounds);
            var doc = recorder.document(about);
            dir.writeAtomically(RunDirectory.ITERATIONS, out -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, doc));
        }
    }

    /** One JMH JSON array of two: JMH's own results, then the python suite's (added to {@code jmh}). */
    static com.fasterxml.jackson.databind.node.ArrayNode joined(com.fasterxml.jackson.databind.node.ArrayNode jmh,
            com.fasterxml.jackson.databind.node.ArrayNode python) {
        python.forEach(jmh::add);
        return jmh;
    }

    private void writeEnvironment(String status, Instant end, LoadAverage loadAfter) throws IOException {
        if (interrupted && !status.equals("interrupted")) {
            return; // the interrupt has said how the run ended; a fork cut short by it must not say otherwise
        }
        int completed;
        List<RunEnvironment.Failure> failed;
        completed = results.benchmarks() + pythonResults.benchmarks();
        synchronized (failures) {
            failed = List.copyOf(failures);
        }
        RunEnvironment env = environment.apply(new State(status, started, end, loadAfter, completed, failed, adaptiveState));
        dir.writeAtomically(RunDirectory.ENVIRONMENT, out -> Json.MAPPER.writeValue(out, env));
    }

    /** Ctrl-C or SIGTERM while benchmarks run: say so in environment.json; results.json is already valid. */
    private void onInterrupt() {
        if (finished) {
            return;
        }
        interrupted = true;
        if (python != null) {
            python.stopCurrent(); // an interpreter and its pools do not outlive the run
        }
        try {
            if (results.benchmarks() + pythonResults.benchmarks() == 0) {
                writeResults(); // an empty JSON array is still a valid results.json
            }
            writeEnvironment("interrupted", Instant.now(), probe.loadAverage());
            System.err.println();
            System.err.println("parbench: interrupted; " + dir.resolve(RunDirectory.RESULTS) + " keeps every fork that "
                    + "finished (" + (results.benchmarks() + pythonResults.benchmarks()) + " of " + plan.size() + " benchmarks have at least one)");
        } catch (IOException | RuntimeException e) {
            System.err.println("parbench: interrupted, and could not record it: " + e.getMessage());
        }
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }

}
