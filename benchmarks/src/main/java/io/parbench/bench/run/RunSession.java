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
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan one benchmark at a time, in this JVM (JMH forks its own), and keeps the run folder valid after
 * every benchmark: results.json always holds every benchmark that finished, so an interrupted run loses only the
 * one in progress.
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

    private final List<RunResult> results = new ArrayList<>();
    private final List<RunEnvironment.Failure> failures = new ArrayList<>();
    private volatile boolean finished;
    private final Instant started = Instant.now();

    /** What the environment document needs to know about the session so far. */
    public record State(String status, Instant started, Instant finished, LoadAverage loadAfter, int completed,
            List<RunEnvironment.Failure> failures) {
    }

    public RunSession(RunDirectory dir, List<PlannedBenchmark> plan, JmhSettings settings, List<String> requiredForkFlags,
            Console console, MachineProbe probe, Function<State, RunEnvironment> environment) {
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
        double perBenchmark = settings.estimatedSecondsPerBenchmark();
        try (PrintStream log = new PrintStream(new FileOutputStream(dir.resolve(RunDirectory.LOG).toFile(), true), true,
                StandardCharsets.UTF_8)) {
            PrintStream jmhOut = console.verbose() ? new PrintStream(new TeeStream(log, System.err), true,
                    StandardCharsets.UTF_8) : log;
            OutputFormat format = OutputFormatFactory.createFormatInstance(jmhOut, VerboseMode.NORMAL);
            int total = plan.stream().mapToInt(b -> b.entry().variants()).sum();
            int done = 0;
            for (int i = 0; i < plan.size(); i++) {
                PlannedBenchmark b = plan.get(i);
                Duration elapsed = Duration.between(started, Instant.now());
                double estimatedSoFar = done * perBenchmark;
                double pace = i == 0 || estimatedSoFar == 0 ? 1.0 : elapsed.toMillis() / 1000.0 / estimatedSoFar;
                Duration eta = Duration.ofMillis(Math.round((total - done) * perBenchmark * pace * 1000));
                done += b.entry().variants();
                console.info(String.format(Locale.ROOT, "[%d/%d] %s  %s", i + 1, plan.size(), b.label(),
                        console.dim("elapsed " + Console.duration(elapsed) + ", ETA " + Console.duration(eta))));
                log.println("# parbench [" + (i + 1) + "/" + plan.size() + "] " + b.label());
                runOne(b, format);
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

    private void runOne(PlannedBenchmark b, OutputFormat format) throws IOException {
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
                return;
            }
            synchronized (results) {
                results.addAll(run);
            }
            writeResults();
            writeEnvironment("running", null, null); // the count of completed benchmarks survives a SIGKILL
            for (RunResult r : run) {
                var primary = r.getPrimaryResult();
                console.info(String.format(Locale.ROOT, "        %s", console.dim(formatScore(primary.getScore(),
                        primary.getScoreError(), primary.getScoreUnit()))));
            }
        } catch (RunnerException e) {
            fail(b, rootMessage(e));
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
        synchronized (results) {
            failures.add(new RunEnvironment.Failure(b.entry().benchmarkName(), b.params(), message));
        }
        console.error("        FAILED: " + message + " (details in " + dir.resolve(RunDirectory.LOG) + ")");
        writeEnvironment("running", null, null);
    }

    private void writeResults() throws IOException {
        List<RunResult> copy;
        synchronized (results) {
            copy = List.copyOf(results);
        }
        dir.writeAtomically(RunDirectory.RESULTS, out -> {
            PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(copy);
            ps.flush();
        });
    }

    private void writeEnvironment(String status, Instant end, LoadAverage loadAfter) throws IOException {
        int completed;
        List<RunEnvironment.Failure> failed;
        synchronized (results) {
            completed = results.size();
            failed = List.copyOf(failures);
        }
        RunEnvironment env = environment.apply(new State(status, started, end, loadAfter, completed, failed));
        dir.writeAtomically(RunDirectory.ENVIRONMENT, out -> Json.MAPPER.writeValue(out, env));
    }

    /** Ctrl-C or SIGTERM while benchmarks run: say so in environment.json; results.json is already valid. */
    private void onInterrupt() {
        if (finished) {
            return;
        }
        try {
            if (results.isEmpty()) {
                writeResults(); // an empty JSON array is still a valid results.json
            }
            writeEnvironment("interrupted", Instant.now(), probe.loadAverage());
            System.err.println();
            System.err.println("parbench: interrupted; " + dir.resolve(RunDirectory.RESULTS) + " keeps the "
                    + results.size() + " of " + plan.size() + " benchmarks that finished");
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
