package io.parbench.analyzer.report;

import static io.parbench.analyzer.report.Cells.bytes;
import static io.parbench.analyzer.report.Cells.join;
import static io.parbench.analyzer.report.Cells.orQ;
import static io.parbench.analyzer.report.Cells.row;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.analysis.Recommendations;
import io.parbench.analyzer.analysis.ScalingAnalysis;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** "The machine" and "The method" (with the steady-state and precision table): how the numbers were measured. */
final class MachineSection extends Section {

    MachineSection(Analysis a, List<Block> blocks) {
        super(a, blocks, List.of()); // no charts
    }

    /** Adds the machine, then the method. */
    @Override
    void add() {
        Environment env = a.run().environment();
        machine(env);
        method(env);
    }

    private void machine(Environment env) {
        blocks.add(new Block.Heading(2, "The machine", "machine"));
        if (!env.present()) {
            blocks.add(new Block.Note("info", "No environment.json: the machine and JVM are described only by what JMH "
                    + "recorded (see the method). Runs made with scripts/parbench record the machine."));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        row(rows, "Host", env.text("machine", "hostname"));
        row(rows, "CPU", join(env.text("machine", "cpu", "model"), env.text("machine", "cpu", "vendor"),
                env.text("machine", "cpu", "microarchitecture")));
        row(rows, "Topology", String.format(Locale.ROOT, "%s package(s), %s physical core(s), %s logical CPU(s), %s NUMA node(s)",
                orQ(env.text("machine", "cpu", "physicalPackages")), orQ(env.text("machine", "cpu", "physicalCores")),
                orQ(env.text("machine", "cpu", "logicalCpus")), orQ(env.text("machine", "cpu", "numaNodes"))));
        env.number("machine", "cpu", "maxFrequencyHz").ifPresent(f -> row(rows, "Max frequency",
                String.format(Locale.ROOT, "%.2f GHz", f / 1e9)));
        for (var cache : env.json().path("machine").path("caches")) {
            row(rows, "L" + cache.path("level").asText() + " " + cache.path("type").asText(), bytes(cache.path("sizeBytes").asLong())
                    + ", " + cache.path("lineSizeBytes").asText() + " B lines, " + cache.path("associativity").asText() + "-way");
        }
        env.number("machine", "memory", "totalBytes").ifPresent(m -> row(rows, "Memory", bytes(m.longValue())));
        row(rows, "OS", join(env.text("machine", "os", "name"), "kernel " + orQ(env.text("machine", "os", "kernel"))));
        row(rows, "Virtualization", join(env.text("machine", "virtualization", "hypervisor") == null ? "no hypervisor seen"
                : "hypervisor: " + env.text("machine", "virtualization", "hypervisor"),
                env.text("machine", "virtualization", "container") == null ? null
                        : "container: " + env.text("machine", "virtualization", "container")));
        row(rows, "JVM", join(env.text("jvm", "vmName"), env.text("jvm", "version"), env.text("jvm", "vendor")));
        row(rows, "JVM parallelism", String.format(Locale.ROOT,
                "%s available processors, common ForkJoinPool %s, virtual-thread scheduler %s",
                orQ(env.text("jvm", "availableProcessors")), orQ(env.text("jvm", "commonPoolParallelism")),
                orQ(env.text("jvm", "virtualThreadParallelism"))));
        env.number("cpuActivityBefore", "busyFraction").ifPresent(busy -> row(rows, "CPU in use before the run",
                String.format(Locale.ROOT, "%.0f%% (steal %.0f%%)", busy * 100,
                        env.number("cpuActivityBefore", "stealFraction").orElse(0.0) * 100)));
        row(rows, "Load average", "before " + orQ(env.text("loadAverageBefore", "oneMinute")) + ", after "
                + orQ(env.text("loadAverageAfter", "oneMinute")) + " (1 minute; 'after' includes the run's own load)");
        blocks.add(new Block.Table(List.of("", ""), rows, new boolean[] {false, false}));
        for (String w : env.warnings()) {
            blocks.add(new Block.Note("warning", w));
        }
    }

    /** The method's row for the python suite's forks: interpreter processes, timed by the harness. */
    private void python(Environment env, List<List<String>> rows) {
        var python = env.json().path("python");
        List<BenchmarkResult> results = a.run().results().stream()
                .filter(r -> io.parbench.analyzer.analysis.Claims.isPython(a.run(), r)).toList();
        if (results.isEmpty()) {
            return;
        }
        List<String> interpreters = new ArrayList<>();
        python.path("runtimes").forEach(r -> interpreters.add(r.path("prefix").asText() + ".*: " + r.path("executable")
                .asText() + " (" + r.path("info").path("version").asText() + ", " + r.path("info").path("build").asText()
                + " build)"));
        BenchmarkResult one = results.get(0);
        row(rows, "CPython forks", String.format(Locale.ROOT, "%d interpreter process%s per benchmark (the harness "
                + "parbench_py), %d warm-up and %d measured iterations, each running operations until %s (at least "
                + "one)%s", one.forks(), one.forks() == 1 ? "" : "es", one.warmupIterations(), one.measurementIterations(),
                python.path("iterationMillis").isMissingNode() ? "its time is up"
                        : python.path("iterationMillis").asInt() + " ms have passed",
                interpreters.isEmpty() ? "" : "; " + String.join("; ", interpreters)));
    }

    /**
     * The forks per benchmark: "3", or "3 per benchmark; 2 for 12" where they differ (process-cold sits out a run's
     * last round, --precision adds rounds for some).
     */
    static String forks(List<BenchmarkResult> results) {
        java.util.Map<Integer, Long> count = results.stream().collect(Collectors.groupingBy(BenchmarkResult::forks,
                java.util.TreeMap::new, Collectors.counting()));
        int usual = count.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (count.size() == 1) {
            return Integer.toString(usual);
        }
        return usual + " per benchmark; " + count.entrySet().stream().filter(e -> e.getKey() != usual)
                .map(e -> e.getKey() + " for " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void method(Environment env) {
        blocks.add(new Block.Heading(2, "The method", "method"));
        BenchmarkResult first = a.run().results().get(0);
        List<List<String>> rows = new ArrayList<>();
        if (env.present()) {
            row(rows, "Profile", env.text("profile"));
            row(rows, "Run", join(env.text("runId"), "status " + env.text("status"),
                    env.text("durationSeconds") == null ? null : env.text("durationSeconds") + " s"));
            row(rows, "parbench", join(env.text("toolkit", "parbenchVersion"), env.text("toolkit", "gitCommit") == null ? null
                    : "commit " + env.text("toolkit", "gitCommit").substring(0, Math.min(12, env.text("toolkit", "gitCommit").length()))
                    + ("true".equals(env.text("toolkit", "gitDirty")) ? " (with local changes)" : "")));
        }
        List<BenchmarkResult> jmhResults = a.run().results().stream()
                .filter(r -> !io.parbench.analyzer.analysis.Claims.isPython(a.run(), r)).toList();
        if (!jmhResults.isEmpty()) {
            first = jmhResults.get(0);
            row(rows, "JMH", first.jmhVersion() != null ? first.jmhVersion() : env.present() ? env.text("jmh", "version")
                    : "version not recorded");
            row(rows, "Forks", forks(jmhResults));
            row(rows, "Iterations", first.warmupIterations() + " warm-up, " + first.measurementIterations() + " measured"
                    + (env.present() ? " (" + env.text("jmh", "warmupTime") + " / " + env.text("jmh", "measurementTime")
                    + " each)" : ""));
        }
        python(env, rows);
        row(rows, "Modes", a.run().results().stream().map(r -> r.key().mode()).distinct().collect(Collectors.joining(", ")));
        if (!jmhResults.isEmpty()) {
            row(rows, "JVM of the forks", join(first.vmName(), first.jdkVersion(), first.jvm()));
        }
        blocks.add(new Block.Table(List.of("", ""), rows, new boolean[] {false, false}));
        var prior = a.forkLevel().prior();
        String speedups = prior == null
                ? String.format(Locale.ROOT, "Speedups divide the sequential mean by the strategy's, with a 95%% "
                        + "percentile-bootstrap interval (%,d resamples, fixed seed) that resamples forks first, then "
                        + "iterations; strategies are compared by Welch's t-test (over fork means when there are forks). ",
                        Analysis.RESAMPLES)
                : String.format(Locale.ROOT, "Speedups divide the sequential mean by the strategy's. Their 95%% intervals "
                        + "and the t-tests between strategies work on the log fork means, with each benchmark's variance "
                        + "between forks moderated towards the run's common level (empirical Bayes, Smyth 2004, as R's "
                        + "limma does; fitted to %d benchmarks: forks typically %s%% apart, %s), so that three forks give "
                        + "an interval neither as wide as their own t(2) nor as narrow as a bootstrap over three values. ",
                        prior.fitted(), Format.num(100 * Math.sqrt(prior.priorVariance())),
                        Double.isInfinite(prior.priorDf()) ? "alike enough that every benchmark gets that level"
                                : "worth " + Format.num(prior.priorDf()) + " degrees of freedom");
        // the thresholds are the analysis's own constants, so the words cannot drift from what is computed
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "Scores are means of JMH's raw samples (one per "
                + "measured iteration; every sample in sample mode), less any warm-up segment found inside the measured "
                + "iterations. The \u00b1 beside a score is JMH's 99.9%% error (Student-t over every iteration, pooled), as "
                + "JMH prints it. The 95%% interval is Kalibera and Jones's with two or more forks: Student-t over the fork "
                + "means, so it sees how much one JVM differs from the next; with one fork it is Student-t over the "
                + "iterations and cannot see that. %sA strategy is within noise of the best when the test, with Holm's "
                + "correction, does not separate them at %.0f%%, or when they are less than %.0f%% apart. \"Which "
                + "strategy to use\" compares each strategy with the fastest on average over a kind's workloads (the "
                + "geometric mean of the time ratios) and names every strategy not shown to be more than %.0f%% slower: "
                + "a tie. A benchmark without a steady state is left out of every ranking, finding and recommendation.",
                speedups, ScalingAnalysis.ALPHA * 100, ScalingAnalysis.NOISE_THRESHOLD * 100,
                Recommendations.MARGIN * 100)));
        blocks.addAll(PrecisionSection.of(a));
    }
}
