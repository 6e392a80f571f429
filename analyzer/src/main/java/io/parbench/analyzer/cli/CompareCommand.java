package io.parbench.analyzer.cli;

import io.parbench.analyzer.analysis.Comparison;
import io.parbench.analyzer.analysis.HistoryBaseline;
import io.parbench.analyzer.io.HistoryStore;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.io.Text;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.CompareWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: the regression gate. Exit 0 no regression, 1 a regression (or --strict-env), 2 bad input. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a candidate run with a baseline: every benchmark in both gets a change ratio (above 1 = "
                + "slower), a 95% bootstrap interval, a Welch test and a verdict: regression, improvement, unchanged or "
                + "inconclusive. Writes summary.md, junit.xml, compare.json and compare.png|svg.",
                "Exit codes: 0 no regression, 1 a regression (or differing environments with --strict-env), 2 bad input."},
        footer = {"", "Examples:", "  parbench compare reports/base-run reports/new-run",
                "  parbench compare base.json new.json --threshold 3 --threshold-for 'Matmul=10' --out /tmp/cmp",
                "  parbench compare --baseline median:5 reports/new-run   # the history of this machine type",
                "  parbench compare --baseline latest reports/new-run",
                "  parbench compare base.json new.json --metric gc.alloc.rate.norm   # bytes allocated per operation (-prof gc)"})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "[BASELINE] CANDIDATE", description = "The baseline (unless --baseline "
            + "names it), then the candidate: run folders or JMH JSON files.")
    List<String> runs;

    @Option(names = "--baseline", paramLabel = "RUN|latest|median:K", description = "The baseline: a run folder or JMH JSON "
            + "file, or from the history: 'latest' (the newest earlier run of the candidate's machine type) or "
            + "'median:K' (per benchmark, the median of the last K such runs). Either form works positionally too.")
    String baselineOption;

    @Option(names = "--history", paramLabel = "DIR", description = "The history for latest and median:K (default: history/).")
    Path history;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "The change that counts, in percent (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--threshold-for", paramLabel = "REGEX=PCT",
            description = "A threshold for the benchmarks whose name or params match REGEX (repeatable; the first match wins).")
    List<String> perBenchmark = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the outputs go (default: compare/ beside the candidate's results.json).")
    Path out;

    @Option(names = "--strict-env", description = "Fail (exit 1) when the two runs come from different machines or JVMs.")
    boolean strictEnv;

    @Option(names = "--resamples", defaultValue = "10000", description = "Bootstrap resamples (at least 10,000; default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--allow-missing", description = "Benchmarks of the baseline that the candidate lacks are listed but do "
            + "not fail the gate (by default they do: a benchmark that crashed cannot be shown not to have regressed).")
    boolean allowMissing;

    @Option(names = "--metric", paramLabel = "NAME", description = "Gate on this secondary metric instead of the score "
            + "(gc.alloc.rate.norm from -prof gc, an @AuxCounters field, ...). Its direction comes from its unit: a "
            + "throughput (ops/s, ...) is better higher, anything else (B/op, #, ...) better lower. Benchmarks without it "
            + "are left out.")
    String metric;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors and the output folder.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        double global = percent(threshold, "--threshold");
        List<Comparison.Threshold> overrides = overrides(perBenchmark);
        checkResamples(resamples);
        if (runs.size() == 2 && baselineOption != null) {
            throw new InputException("give the baseline once: either --baseline or as the first of two runs");
        }
        if (runs.size() == 1 && baselineOption == null) {
            throw new InputException("compare needs a baseline: BASELINE CANDIDATE, or --baseline RUN|latest|median:K CANDIDATE");
        }
        String baseline = baselineOption != null ? baselineOption : runs.get(0);
        Path candidate = Path.of(runs.get(runs.size() - 1));
        RunReader reader = new RunReader();
        Run cand = reader.read(candidate);
        Run base = HistoryBaseline.isSpec(baseline)
                ? HistoryBaseline.resolve(baseline, new HistoryStore(HistoryCommand.defaultRoot(history)), cand)
                : reader.read(Path.of(baseline));
        if (metric != null) {
            base = onMetric(base, metric);
            cand = onMetric(cand, metric);
            if (!quiet) {
                System.err.println("parbench: judging the secondary metric " + metric + " ("
                        + cand.results().get(0).primary().unitText() + "), not the score");
            }
        }
        Comparison c = Comparison.of(base, cand, global, overrides, resamples);
        Path target = out != null ? out : cand.resultsFile().toAbsolutePath().getParent().resolve("compare");
        Path written = new CompareWriter(allowMissing).write(c, target, global);
        return tell(c, written, allowMissing, quiet, strictEnv);
    }

    /** Prints the verdicts (unless quiet) and the output folder; the exit code: 0, or 1 when the gate fails. */
    static int tell(Comparison c, Path written, boolean allowMissing, boolean quiet, boolean strictEnv) {
        if (!quiet) {
            System.err.print(Text.terminal(CompareWriter.table(c)));
            if (!c.environmentDifferences().isEmpty()) {
                System.err.println("parbench: the runs come from different machines or JVMs: "
                        + String.join("; ", c.environmentDifferences()));
            }
            System.err.println("parbench: " + CompareWriter.noiseSentence(c));
            System.err.printf(Locale.ROOT, "parbench: %d regression, %d improvement, %d unchanged, %d inconclusive, "
                            + "%d added, %d missing%n", c.count(Comparison.Verdict.REGRESSION), c.count(Comparison.Verdict.IMPROVEMENT), c.count(Comparison.Verdict.UNCHANGED),
                    c.count(Comparison.Verdict.INCONCLUSIVE), c.added().size(), c.removed().size());
            if (!allowMissing && !c.removed().isEmpty()) {
                System.err.printf(Locale.ROOT, "parbench: %d benchmark(s) of the baseline are missing from the candidate: "
                        + "the gate fails (--allow-missing accepts that)%n", c.removed().size());
            }
        }
        System.out.println(written);
        if (CompareWriter.fails(c, allowMissing)) {
            return 1;
        }
        if (strictEnv && !c.environmentDifferences().isEmpty()) {
            System.err.println("parbench: --strict-env: the runs come from different machines or JVMs");
            return 1;
        }
        return 0;
    }

    /**
     * The run as if {@code metric} were each benchmark's score: its secondary metric of that name becomes the primary,
     * benchmarks without it are left out; a run where none has it is bad input.
     */
    static Run onMetric(Run run, String metric) {
        List<io.parbench.analyzer.model.BenchmarkResult> kept = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (var r : run.results()) {
            names.addAll(r.secondary().keySet());
            var m = r.secondary().get(metric);
            if (m != null) {
                kept.add(new io.parbench.analyzer.model.BenchmarkResult(r.key(), r.jmhVersion(), r.forks(),
                        r.warmupIterations(), r.measurementIterations(), r.jvm(), r.jdkVersion(), r.vmName(), m,
                        java.util.Map.of()));
            }
        }
        if (kept.isEmpty()) {
            throw new InputException(run.resultsFile(), "has no secondary metric '" + metric + "' ("
                    + (names.isEmpty() ? "it has none; -prof gc adds gc.alloc.rate.norm" : "its secondary metrics: "
                    + String.join(", ", names)) + ")");
        }
        return new Run(run.resultsFile(), kept, run.environment(), io.parbench.analyzer.model.Iterations.none(),
                run.notes());
    }

    /** The --threshold-for specs (REGEX=PCT). */
    static List<Comparison.Threshold> overrides(List<String> specs) {
        List<Comparison.Threshold> overrides = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0) {
                throw new InputException("--threshold-for '" + spec + "' is not REGEX=PCT (example: --threshold-for 'Matmul=10')");
            }
            try {
                overrides.add(new Comparison.Threshold(Pattern.compile(spec.substring(0, eq)),
                        percent(spec.substring(eq + 1), "--threshold-for")));
            } catch (PatternSyntaxException e) {
                throw new InputException("--threshold-for '" + spec + "': " + e.getDescription());
            }
        }
        return overrides;
    }

    static void checkResamples(int resamples) {
        if (resamples < Comparison.MIN_RESAMPLES || resamples > Comparison.MAX_RESAMPLES) {
            throw new InputException(String.format(Locale.ROOT, "--resamples must be between %,d and %,d; got %,d",
                    Comparison.MIN_RESAMPLES, Comparison.MAX_RESAMPLES, resamples));
        }
    }

    static double percent(String text, String option) {
        String t = text.trim().replace("%", "");
        try {
            double v = Double.parseDouble(t) / 100.0;
            if (v <= 0 || v >= 1 || Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(option + " '" + text + "' is not a percentage between 0 and 100 (example: 5)");
        }
    }
}
