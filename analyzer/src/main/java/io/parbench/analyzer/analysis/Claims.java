package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Traits;
import io.parbench.analyzer.model.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Metric;
import io.parbench.analyzer.stats.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * "The claims, checked": the course's claims about CPython's threads, processes and asyncio (kept with their wording
 * and source in {@code claims.json}), each against the python suite's measurements, the JVM's counterpart from the
 * same run, and a free-threaded build's when one ran. Every figure is a ratio of mean times with its 95% interval (the
 * run's moderated variance between forks, or the bootstrap with one fork); a verdict is given only when the interval
 * clears the claim's threshold, else
 * "not shown here".
 */
public final class Claims {

    /** A speedup whose 95% interval lies below this is "no speedup" (the bound for CPython's threads). */
    public static final double NO_SPEEDUP = 1.2;
    /** A speedup whose 95% interval lies at or above this, on two or more cores, is parallelism. */
    public static final double PARALLEL = 1.5;
    /** Starting a process costs at least this many round trips to a warm pool for "use a pool" to hold. */
    public static final double POOL_SAVING = 10;
    /**
     * Waits overlapped by threads: a speedup over waiting in a row of at least half the ideal ({@code n} in flight:
     * (1 + n) / 2), and this much at most.
     */
    public static final double IO_OVERLAP = 2;
    /** "Many connections" means at least this many in flight. */
    public static final int MANY = 16;
    /** Pickling alone must account for at least this share of what a process round trip costs beyond a thread's. */
    public static final double PICKLE_SHARE = 0.5;

    /** A verdict; {@code text} is what the report prints. */
    public enum Verdict {
        HOLDS("holds"),
        DOES_NOT_HOLD("does not hold"),
        CPYTHON_ONLY("holds for CPython, not for the JVM"),
        JVM_ONLY("holds for the JVM, not for CPython"),
        GIL_ONLY("holds for CPython with the GIL, not free-threaded"),
        FREE_THREADED_ONLY("holds only for free-threaded CPython"),
        NOT_SHOWN("not shown here"),
        NOT_MEASURED("not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A claim as the course states it, and where it comes from. */
    public record Claim(String id, String wording, String source, String url) {
    }

    /** A claim checked: CPython's figure, the JVM's, the verdict and the lesson in one line. */
    public record Checked(Claim claim, String python, String jvm, Verdict verdict, String lesson) {
    }

    static final String GIL = Traits.PYTHON_PREFIX;
    static final String FREE_THREADED = Traits.FREE_THREADED_PREFIX;

    private final Analysis a;
    private final Bootstrap bootstrap = new Bootstrap(2_000, Bootstrap.SEED);
    private final int cores;

    private Claims(Analysis a) {
        this.a = a;
        this.cores = a.run().environment().physicalCores().orElse(0);
    }

    /** The claims of {@code claims.json}, in its order. */
    public static List<Claim> list() {
        try (InputStream in = Claims.class.getResourceAsStream("/io/parbench/analyzer/claims.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Claim> out = new ArrayList<>();
            for (JsonNode c : root.path("claims")) {
                out.add(new Claim(c.path("id").asText(), c.path("claim").asText(), c.path("source").asText(),
                        c.path("url").isNull() ? null : c.path("url").asText(null)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("claims.json is missing from the analyzer's jar", e);
        }
    }

    /** The ids {@link #check} has a test for (a test compares them with claims.json). */
    static List<String> checkedIds() {
        return List.copyOf(CHECKS.keySet());
    }

    /** Each claim's check, by the claim's id in claims.json. */
    private static final Map<String, Function<Claims, Result>> CHECKS = checks();

    private static Map<String, Function<Claims, Result>> checks() {
        Map<String, Function<Claims, Result>> m = new LinkedHashMap<>();
        m.put("gil-threads-cpu", Claims::gilThreadsCpu);
        m.put("threads-for-cpu", Claims::threadsForCpu);
        m.put("processes-parallel", Claims::processesParallel);
        m.put("pools-amortise-start", Claims::poolsAmortiseStart);
        m.put("fork-faster-than-spawn", Claims::forkFasterThanSpawn);
        m.put("threads-io", Claims::threadsIo);
        m.put("asyncio-many-connections", Claims::asyncioManyConnections);
        m.put("counter-race", Claims::counterRace);
        m.put("pickling", Claims::pickling);
        m.put("hybrid-helps", Claims::hybridHelps);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every claim checked against the run; empty when the run has no python-suite result. */
    public static List<Checked> check(Analysis a) {
        if (a.run().results().stream().noneMatch(r -> isPython(a.run(), r))) {
            return List.of();
        }
        Claims c = new Claims(a);
        List<Checked> out = new ArrayList<>();
        for (Claim claim : list()) {
            Function<Claims, Result> check = CHECKS.get(claim.id());
            Result r = check == null ? new Result("", "", Verdict.NOT_MEASURED, "parbench has no check for this claim")
                    : check.apply(c);
            out.add(new Checked(claim, r.python, r.jvm, r.verdict, r.lesson));
        }
        return out;
    }

    /** True for a python-suite benchmark: one the launcher recorded as run by CPython ({@link Traits}). */
    public static boolean isPython(Run run, BenchmarkResult r) {
        return run.traits(r.key().benchmark()).cpython();
    }

    private record Result(String python, String jvm, Verdict verdict, String lesson) {
    }

    // ---- the checks -------------------------------------------------------------------------------------------

    private Result gilThreadsCpu() {
        Optional<Point> py = cpuSpeedup(GIL, "threadpool");
        if (py.isEmpty()) {
            return notMeasured("primes with threadpool at 2 or more threads");
        }
        Optional<Point> ft = cpuSpeedup(FREE_THREADED, "threadpool");
        Optional<Point> jvm = jvmSpeedup("primes", "pool", py.get().threads);
        String python = describe("threadpool", py.get()) + thread(GIL, py.get().threads) + ft.map(f -> "; free-threaded: "
                + describe("threadpool", f)).orElse("");
        Verdict v;
        String lesson;
        if (below(py.get().speedup, NO_SPEEDUP)) {
            boolean ftScales = ft.isPresent() && atLeast(ft.get().speedup, NO_SPEEDUP);
            boolean jvmScales = jvm.isPresent() && atLeast(jvm.get().speedup, NO_SPEEDUP);
            v = ftScales ? Verdict.GIL_ONLY : jvmScales ? Verdict.CPYTHON_ONLY : Verdict.HOLDS;
            lesson = "CPython's threads take turns holding the GIL, so CPU-bound Python code runs one thread at a time"
                    + (jvmScales ? "; the JVM's threads run on every core at once." : ftScales
                            ? "; the free-threaded build has no GIL, and its threads do share the work." : ".");
        } else if (atLeast(py.get().speedup, NO_SPEEDUP)) {
            v = Verdict.DOES_NOT_HOLD;
            lesson = "Threads sped this Python code up: the interpreter runs it without a GIL, or the work releases it.";
        } else {
            v = Verdict.NOT_SHOWN;
            lesson = "The interval straddles " + NO_SPEEDUP + "x: more forks would tell.";
        }
        return new Result(python, jvm.map(j -> describe("pool", j)).orElse(NO_JVM_CPU), v, lesson);
    }

    private Result threadsForCpu() {
        Optional<Point> py = cpuSpeedup(GIL, "threadpool");
        if (py.isEmpty()) {
            return notMeasured("primes with threadpool at 2 or more threads");
        }
        Optional<Point> ft = cpuSpeedup(FREE_THREADED, "threadpool");
        Optional<Point> jvm = jvmSpeedup("primes", "pool", py.get().threads);
        boolean pyHelps = atLeast(py.get().speedup, PARALLEL);
        boolean pyFails = below(py.get().speedup, NO_SPEEDUP);
        boolean jvmHelps = jvm.isPresent() && atLeast(jvm.get().speedup, PARALLEL);
        boolean ftHelps = ft.isPresent() && atLeast(ft.get().speedup, PARALLEL);
        Verdict v = pyHelps ? Verdict.HOLDS : pyFails && ftHelps ? Verdict.FREE_THREADED_ONLY
                : pyFails && jvmHelps ? Verdict.JVM_ONLY : pyFails ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        String lesson = switch (v) {
            case JVM_ONLY -> "Right for Java, wrong for CPython: on CPython use processes for CPU-bound work.";
            case FREE_THREADED_ONLY -> "Only a free-threaded CPython (3.13t and later) runs Python threads in parallel.";
            case DOES_NOT_HOLD -> "On CPython with the GIL, use processes for CPU-bound work, not threads.";
            case HOLDS -> "Threads sped CPU-bound Python up here: this interpreter runs threads in parallel.";
            default -> "The interval is too wide to tell: more forks would.";
        };
        String python = describe("threadpool", py.get()) + ft.map(f -> "; free-threaded: " + describe("threadpool", f))
                .orElse("");
        return new Result(python, jvm.map(j -> describe("pool", j)).orElse(NO_JVM_CPU), v, lesson);
    }

    private Result processesParallel() {
        Optional<Point> py = cpuSpeedup(GIL, "process-fork").or(() -> cpuSpeedup(GIL, "mp-pool"));
        if (py.isEmpty()) {
            return notMeasured("primes with a process pool at 2 or more threads");
        }
        Optional<Point> jvm = jvmSpeedup("primes", "process", py.get().threads);
        String python = describe(py.get().strategy, py.get()) + cpuSpeedup(GIL, "process-spawn")
                .filter(p -> p.threads == py.get().threads).map(p -> "; " + describe("process-spawn", p)).orElse("");
        String jvmText = jvm.map(j -> describe("process (child JVMs)", j)).orElse(NO_JVM_CPU);
        if (cores < 2) {
            return new Result(python, jvmText, Verdict.NOT_SHOWN, "This machine has one core: there is nothing to run "
                    + "in parallel on.");
        }
        Verdict v = atLeast(py.get().speedup, PARALLEL) ? Verdict.HOLDS : below(py.get().speedup, PARALLEL)
                ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        String lesson = switch (v) {
            case HOLDS -> "Each process has its own interpreter and GIL, so CPU-bound work uses every core; the price "
                    + "is starting the workers and pickling what they are sent.";
            case DOES_NOT_HOLD -> "The processes did not run in parallel here: were the cores busy with other work?";
            default -> "The interval straddles " + PARALLEL + "x: more forks would tell.";
        };
        return new Result(python, jvmText, v, lesson);
    }

    private Result poolsAmortiseStart() {
        Optional<BenchmarkStats> pool = py(GIL, "start", "pool", 1);
        String method = a.run().environment().json().path("python").path("runtimes").path(0).path("info")
                .path("defaultStartMethod").asText("fork");
        Optional<BenchmarkStats> start = py(GIL, "start", method, 1).or(() -> py(GIL, "start", "fork", 1));
        if (pool.isEmpty() || start.isEmpty()) {
            return notMeasured("the start costs (python.start)");
        }
        Bootstrap.Interval r = ratio(start.get(), pool.get());
        StringBuilder python = new StringBuilder("starting a process:");
        for (String m : List.of("fork", "spawn", "forkserver")) {
            py(GIL, "start", m, 1).ifPresent(s -> python.append(" ").append(m).append(" ").append(ms(s)).append(","));
        }
        python.setLength(python.length() - 1);
        python.append("; a task to a warm pool: ").append(ms(pool.get())).append(" (").append(param(start.get(), "strategy"))
                .append(" costs ").append(times(r)).append(" round trips)");
        Optional<Bootstrap.Interval> jvm = jvmStat("primes", "process-cold", cpuThreads())
                .flatMap(cold -> jvmStat("primes", "process", cpuThreads()).map(warm -> ratio(cold, warm)));
        Verdict v = atLeast(r, POOL_SAVING) ? Verdict.HOLDS : below(r, POOL_SAVING) ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        String lesson = v == Verdict.HOLDS ? "A pool pays for its workers once; a process per task pays every time."
                : v == Verdict.DOES_NOT_HOLD ? "Starting a process cost less than " + (int) POOL_SAVING + " pool round trips "
                        + "here: a pool still saves, but less than taught." : "The interval is too wide to tell.";
        return new Result(python.toString(), jvm.map(j -> "a child JVM per operation (process-cold) takes "
                + Format.speedup(j) + " the time of a warm pool (process), primes at " + cpuThreads() + " threads")
                .orElse("not in this run (add --suite cpu)"), v, lesson);
    }

    private Result forkFasterThanSpawn() {
        Optional<BenchmarkStats> fork = py(GIL, "start", "fork", 1);
        Optional<BenchmarkStats> spawn = py(GIL, "start", "spawn", 1);
        if (fork.isEmpty() || spawn.isEmpty()) {
            return notMeasured("starting a process with fork and with spawn (python.start)");
        }
        Bootstrap.Interval r = ratio(spawn.get(), fork.get());
        Verdict v = r.low() > 1 ? Verdict.HOLDS : r.high() < 1 ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        return new Result("spawn " + ms(spawn.get()) + ", fork " + ms(fork.get()) + ": spawn takes " + Format.speedup(r)
                + " fork's time", "none: the JVM has no fork; a child JVM is always a fresh process", v,
                v == Verdict.HOLDS ? "fork copies the running interpreter; spawn starts a fresh one and imports the "
                        + "program again (but fork is unsafe with threads, and 3.14 no longer defaults to it on Linux)."
                        : "spawn was not slower here: the interpreter and the imports were cheap to start.");
    }

    private Result threadsIo() {
        Optional<Point> py = ioSpeedup(GIL, "sleep", "threadpool");
        if (py.isEmpty()) {
            return notMeasured("the sleep tasks with threadpool at several in flight");
        }
        Optional<Point> jvm = jvmSpeedup("latency", "pool", py.get().threads);
        double threshold = Math.min(IO_OVERLAP, (1 + py.get().threads) / 2.0);
        Verdict v = atLeast(py.get().speedup, threshold) ? Verdict.HOLDS : below(py.get().speedup, threshold)
                ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        return new Result(describeInFlight("threadpool", py.get()), jvm.map(j -> describeInFlight("pool", j))
                .orElse("not in this run (add --suite io)"), v, switch (v) {
                    case HOLDS -> "A thread that waits releases the GIL, so waits overlap: threads are fine for I/O in "
                            + "CPython.";
                    case DOES_NOT_HOLD -> "The waits did not overlap as they should have here: were the cores busy?";
                    default -> "The interval straddles " + Format.num(threshold) + "x: more forks would tell.";
                });
    }

    private Result asyncioManyConnections() {
        int n = maxInFlight(GIL, "http", "asyncio");
        Optional<BenchmarkStats> async = py(GIL, "http", "asyncio", n);
        Optional<BenchmarkStats> threaded = bestOf(List.of(py(GIL, "http", "threadpool", n), py(GIL, "http", "thread", n)));
        if (n < MANY || async.isEmpty() || threaded.isEmpty()) {
            return notMeasured("the loopback HTTP GETs with asyncio and threads at " + MANY + " or more in flight"
                    + (n > 0 ? " (its most was " + n + ")" : ""));
        }
        Bootstrap.Interval r = ratio(threaded.get(), async.get());
        Verdict v = r.low() > 1 ? Verdict.HOLDS : r.high() < 1 ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        Optional<Bootstrap.Interval> jvm = jvmStat("http", "virtual", n)
                .flatMap(vt -> jvmStat("http", "pool", n).map(pool -> ratio(pool, vt)));
        String python = String.format(Locale.ROOT, "%d GETs in flight: asyncio %s, %s %s; asyncio is %s as fast",
                n, ms(async.get()), param(threaded.get(), "strategy"), ms(threaded.get()), Format.speedup(r));
        return new Result(python, jvm.map(j -> "virtual threads are " + Format.speedup(j) + " as fast as a pool at " + n
                + " in flight").orElse("not in this run (add --suite io)"), v, switch (v) {
                    case HOLDS -> "One thread serving many sockets from an event loop costs less than a thread per "
                            + "connection.";
                    case DOES_NOT_HOLD -> "asyncio was slower here: at this many connections the threads' overhead was "
                            + "not what limited them.";
                    default -> "asyncio and threads tied here, within noise.";
                });
    }

    private Result counterRace() {
        int t = a.run().results().stream().filter(r -> r.key().benchmark().equals(GIL + ".counter"))
                .mapToInt(Claims::threadsOf).filter(x -> x >= 2).min().orElse(0);
        Optional<Double> plain = lost(GIL, "unlocked", t);
        Optional<Double> call = lost(GIL, "unlocked-call", t);
        Optional<Double> locked = lost(GIL, "locked", t);
        if (t < 2 || locked.isEmpty() || (plain.isEmpty() && call.isEmpty())) {
            return notMeasured("the counter race at 2 or more threads");
        }
        String size = py(GIL, "counter", "locked", t).map(s -> param(s, "size")).orElse("?");
        String python = String.format(Locale.ROOT, "%d threads adding 1 %s times each, updates lost per run: "
                + "counter += 1 %s, counter += one() %s, with a Lock %s", t, size.equals("?") ? size
                        : String.format(Locale.ROOT, "%,d", Long.parseLong(size)), plain.map(Claims::count).orElse("n/a"),
                call.map(Claims::count).orElse("n/a"), count(locked.get()));
        Optional<Double> ftPlain = lost(FREE_THREADED, "unlocked", t);
        if (ftPlain.isPresent()) {
            python += "; free-threaded counter += 1: " + count(ftPlain.get());
        }
        boolean loses = plain.orElse(0.0) > 0 || call.orElse(0.0) > 0 || ftPlain.orElse(0.0) > 0;
        Verdict v = loses && locked.get() == 0 ? Verdict.HOLDS : !loses && locked.get() == 0 ? Verdict.NOT_SHOWN
                : Verdict.DOES_NOT_HOLD;
        String lesson = v == Verdict.HOLDS && plain.orElse(0.0) == 0
                ? "The read and the write are separate steps; CPython 3.10+ switches threads only at calls and loop "
                + "back-edges, so the plain line happened to lose nothing, but one call between read and write loses "
                + "updates. Only the Lock makes it safe."
                : v == Verdict.HOLDS ? "The read and the write are separate steps another thread can come between; the "
                        + "Lock makes them one." : v == Verdict.NOT_SHOWN ? "No update was lost in this run: a race "
                        + "that does not show is still a race." : "The Lock lost updates: that is a bug.";
        String jvm = hazardOutcome("race").orElse("not in this run (the sync suite's hazard demos show the JVM's race)");
        return new Result(python, jvm, v, lesson);
    }

    private Result pickling() {
        Optional<BenchmarkStats> process = py(GIL, "pickle", "process-fork", 1);
        Optional<BenchmarkStats> thread = py(GIL, "pickle", "threadpool", 1);
        Optional<BenchmarkStats> pickle = py(GIL, "pickle", "pickle", 1);
        if (process.isEmpty() || thread.isEmpty() || pickle.isEmpty()) {
            return notMeasured("sending a list to a process, to a thread, and pickling it (python.pickle)");
        }
        double extra = process.get().mean() - thread.get().mean();
        double share = extra > 0 ? pickle.get().mean() / extra : Double.NaN;
        String python = String.format(Locale.ROOT, "a list of %,d ints to a process and back: %s; to a thread: %s; "
                + "pickling and unpickling it alone: %s", Long.parseLong(param(process.get(), "size")), ms(process.get()),
                ms(thread.get()), ms(pickle.get()));
        Verdict v = extra > 0 && share >= PICKLE_SHARE ? Verdict.HOLDS : extra > 0 ? Verdict.NOT_SHOWN : Verdict.DOES_NOT_HOLD;
        return new Result(python, "the JVM's process strategy sends its ranges as text over a pipe: no object crosses",
                v, v == Verdict.HOLDS ? String.format(Locale.ROOT, "Pickling accounts for %.0f%% of what the process "
                        + "adds: send processes little (a range, a file name), not the data.", Math.min(share, 9.99) * 100)
                        : "Pickling alone explains little of the process's extra cost here.");
    }

    private Result hybridHelps() {
        int n = maxInFlight(GIL, "hybrid", "hybrid");
        Optional<BenchmarkStats> hybrid = py(GIL, "hybrid", "hybrid", n);
        Optional<BenchmarkStats> threads = py(GIL, "hybrid", "threadpool", n);
        if (n < 1 || hybrid.isEmpty() || threads.isEmpty()) {
            return notMeasured("the hybrid pipeline with threads alone and with a process pool");
        }
        Bootstrap.Interval r = ratio(threads.get(), hybrid.get());
        Verdict v = r.low() > 1 ? Verdict.HOLDS : r.high() < 1 ? Verdict.DOES_NOT_HOLD : Verdict.NOT_SHOWN;
        return new Result(String.format(Locale.ROOT, "%d fetches in flight: hybrid %s, threadpool %s: %s", n,
                ms(hybrid.get()), ms(threads.get()), Format.speedup(r)),
                "the JVM's threads run both stages on every core: no second pool is needed", v, switch (v) {
                    case HOLDS -> "Threads overlap the waits, processes run the counting in parallel: each pool does "
                            + "what it is good at.";
                    case DOES_NOT_HOLD -> "The process pool cost more than it saved: its hand-offs outweigh the "
                            + "counting at this size.";
                    default -> "The two tied here, within noise.";
                });
    }

    // ---- lookups ------------------------------------------------------------------------------------------------

    private static final String NO_JVM_CPU = "not in this run (add --suite cpu)";

    /** A speedup over sequential at a thread count. */
    private record Point(String strategy, int threads, Bootstrap.Interval speedup) {
    }

    private static Result notMeasured(String what) {
        return new Result("", "", Verdict.NOT_MEASURED, "This run did not measure " + what + ".");
    }

    private static int threadsOf(BenchmarkResult r) {
        try {
            return Integer.parseInt(r.key().param("threads"));
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private static long sizeOf(BenchmarkResult r) {
        try {
            return Long.parseLong(r.key().param("size"));
        } catch (NumberFormatException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The benchmark {@code prefix.workload} with that strategy and threads (its smallest size), if measured. */
    private Optional<BenchmarkStats> py(String prefix, String workload, String strategy, int threads) {
        return a.run().results().stream()
                .filter(r -> r.key().benchmark().equals(prefix + "." + workload) && strategy.equals(r.key().param("strategy"))
                        && threadsOf(r) == threads)
                .min(Comparator.comparingLong(Claims::sizeOf)).map(a.stats()::get);
    }

    /** The JVM suites' benchmark of that workload (primes, http, ...), strategy and threads, if measured. */
    private Optional<BenchmarkStats> jvmStat(String workload, String strategy, int threads) {
        return a.run().results().stream()
                .filter(r -> !isPython(a.run(), r) && workload.equals(a.run().traits(r.key().benchmark()).workload())
                        && strategy.equals(r.key().param("strategy")) && threadsOf(r) == threads)
                .min(Comparator.comparingLong(Claims::sizeOf)).map(a.stats()::get);
    }

    /** The thread count CPU claims are judged at: the most measured that the cores can run (at least 2). */
    private int cpuThreads() {
        return a.run().results().stream().filter(r -> r.key().benchmark().equals(GIL + ".primes"))
                .mapToInt(Claims::threadsOf).filter(t -> t >= 2 && (cores < 2 || t <= cores)).max()
                .orElse(a.run().results().stream().filter(r -> r.key().benchmark().equals(GIL + ".primes"))
                        .mapToInt(Claims::threadsOf).filter(t -> t >= 2).min().orElse(0));
    }

    private Optional<Point> cpuSpeedup(String prefix, String strategy) {
        int t = cpuThreads();
        Optional<BenchmarkStats> base = py(prefix, "primes", "sequential", 1);
        Optional<BenchmarkStats> s = py(prefix, "primes", strategy, t);
        if (t < 2 || base.isEmpty() || s.isEmpty() || sizeOf(base.get().result()) != sizeOf(s.get().result())) {
            return Optional.empty();
        }
        return Optional.of(new Point(strategy, t, ratio(base.get(), s.get())));
    }

    private Optional<Point> jvmSpeedup(String workload, String strategy, int threads) {
        Optional<BenchmarkStats> base = jvmStat(workload, "sequential", 1);
        return base.flatMap(b -> jvmStat(workload, strategy, threads).map(s -> new Point(strategy, threads,
                ratio(b, s))));
    }

    /** The highest in-flight count measured for an I/O workload's strategy (0: none). */
    private int maxInFlight(String prefix, String workload, String strategy) {
        return a.run().results().stream().filter(r -> r.key().benchmark().equals(prefix + "." + workload)
                && strategy.equals(r.key().param("strategy"))).mapToInt(Claims::threadsOf).max().orElse(0);
    }

    private Optional<Point> ioSpeedup(String prefix, String workload, String strategy) {
        int n = maxInFlight(prefix, workload, strategy);
        Optional<BenchmarkStats> base = py(prefix, workload, "sequential", 1);
        Optional<BenchmarkStats> s = py(prefix, workload, strategy, n);
        if (n < 2 || base.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Point(strategy, n, ratio(base.get(), s.get())));
    }

    private static Optional<BenchmarkStats> bestOf(List<Optional<BenchmarkStats>> options) {
        return options.stream().flatMap(Optional::stream).min(Comparator.comparingDouble(BenchmarkStats::mean));
    }

    /**
     * Mean time of {@code num} over mean time of {@code den}, with its 95% interval: the run's moderated variance
     * between forks where it has one ({@link ForkLevel}), else the bootstrap (forks resampled first).
     */
    private Bootstrap.Interval ratio(BenchmarkStats num, BenchmarkStats den) {
        var un = num.result().primary().unit().toBase();
        var ud = den.result().primary().unit().toBase();
        if (num.steady().isEmpty() || den.steady().isEmpty()) {
            return new Bootstrap.Interval(num.mean() * un / (den.mean() * ud), Double.NaN, Double.NaN);
        }
        Bootstrap.Interval moderated = a.forkLevel().speedup(num, den);
        return moderated != null ? moderated : bootstrap.ratioOfMeans(num.steady().scaled(un), den.steady().scaled(ud), 0.95);
    }

    /** Updates lost per operation (the counter's secondary metric), if measured. */
    private Optional<Double> lost(String prefix, String strategy, int threads) {
        return py(prefix, "counter", strategy, threads).map(s -> s.result().secondary().get("lostUpdates"))
                .map(Metric::score);
    }

    private Optional<String> hazardOutcome(String hazard) {
        var dir = a.run().resultsFile().toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        return io.parbench.analyzer.io.HazardsReader.read(dir).flatMap(h -> h.hazards().stream()
                .filter(x -> x.hazard().toLowerCase(Locale.ROOT).contains(hazard)).findFirst())
                .map(x -> "JDK: " + x.outcome());
    }

    private static boolean below(Bootstrap.Interval i, double threshold) {
        return Double.isNaN(i.high()) ? i.estimate() < threshold : i.high() < threshold;
    }

    private static boolean atLeast(Bootstrap.Interval i, double threshold) {
        return Double.isNaN(i.low()) ? i.estimate() >= threshold : i.low() >= threshold;
    }

    private static String describe(String strategy, Point p) {
        return strategy + " at " + p.threads + " threads: " + Format.speedup(p.speedup) + " over sequential";
    }

    private static String describeInFlight(String strategy, Point p) {
        return strategy + " with " + p.threads + " in flight: " + Format.speedup(p.speedup) + " over one at a time";
    }

    /** ", thread: 0.95x [...]" for the thread-per-chunk strategy at the same count, when measured. */
    private String thread(String prefix, int threads) {
        Optional<BenchmarkStats> base = py(prefix, "primes", "sequential", 1);
        return base.flatMap(b -> py(prefix, "primes", "thread", threads).map(t -> "; thread: "
                + Format.speedup(ratio(b, t)))).orElse("");
    }

    /** A ratio with its interval: "7.15x [6.04, 8.55]", or "87x [67, 109]" from 10 on. */
    private static String times(Bootstrap.Interval r) {
        if (r.estimate() < 10) {
            return Format.speedup(r);
        }
        return Double.isNaN(r.low()) ? String.format(Locale.ROOT, "%.0fx", r.estimate())
                : String.format(Locale.ROOT, "%.0fx [%.0f, %.0f]", r.estimate(), r.low(), r.high());
    }

    private static String ms(BenchmarkStats s) {
        return Format.num(s.mean()) + " " + s.unit().replace("/op", "");
    }

    private static String param(BenchmarkStats s, String name) {
        String v = s.result().key().param(name);
        return v == null ? "?" : v;
    }

    private static String count(double lost) {
        return String.format(Locale.ROOT, "%,.0f", lost);
    }
}
