package io.parbench.analyzer.cli;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: a run folder or a JMH JSON file in, a report folder out. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes index.html, report.md, summary.json, charts/ and tables/ for a run folder or any JMH JSON file "
                + "(or several, joined into one run: a sweep made one JMH run per -t value, say).",
        footer = {"", "Examples:", "  parbench report reports/20261123-0812Z-myhost      # writes .../report/",
                "  parbench report jmh-result.json --out /tmp/jmh-report",
                "  parbench report t1.json t2.json t4.json --out /tmp/sweep   # one file per -t value, one report",
                "  parbench report jmh-result.json --scaling-param poolSize     # sweep a param of your own"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "A run folder (with results.json) or a JMH JSON results "
            + "file; several are joined into one run (their benchmarks must differ: a -t value, a param).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: report/ beside results.json).")
    Path out;

    @Option(names = "--title", description = "The report's title (default: from the run id or file name).")
    String title;

    @Option(names = "--scaling-param", paramLabel = "NAME", description = "The param to sweep as a concurrency axis "
            + "(gain over its lowest value, efficiency, USL) in benchmarks without a strategy param (default: JMH's "
            + "threads when they vary, else a numeric param named threads, parallelism, concurrency, workers, clients "
            + "and the like).")
    String scalingParam;

    @Option(names = "--verbose", description = "Stack traces on errors, and timings.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors and the report's path.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        java.util.function.BiConsumer<String, Long> timing = (phase, nanos) -> {
            if (verbose) {
                System.err.printf(Locale.ROOT, "parbench: %-18s %6.2f s%n", phase, nanos / 1e9);
            }
        };
        Run run = read(inputs);
        Path input = inputs.get(0);
        long t = System.nanoTime();
        timing.accept("read", t - start);
        Path target = out != null ? out : run.resultsFile().toAbsolutePath().getParent().resolve("report");
        String name = run.environment().text("runId");
        if (name == null) {
            Path dir = Files.isDirectory(input) ? input : input.toAbsolutePath().getFileName();
            name = dir.toAbsolutePath().getFileName().toString() + (inputs.size() > 1 ? " and " + (inputs.size() - 1)
                    + " more" : "");
        }
        Analysis analysis = Analysis.of(run, scalingParam);
        timing.accept("analysis", System.nanoTime() - t);
        Path index = new ReportWriter(timing).write(analysis, target, title != null ? title : "parbench report: " + name);
        if (verbose) {
            System.err.printf(Locale.ROOT, "parbench: %d benchmarks reported in %.2f s%n", run.results().size(),
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println(index);
        return 0;
    }

    /**
     * One run from several inputs: their benchmarks in order, the first environment.json found, every reader's note;
     * a benchmark (name, mode, JMH threads, params) in two inputs is bad input, since the report could not tell which
     * to show.
     */
    static Run read(List<Path> inputs) {
        RunReader reader = new RunReader();
        Run first = reader.read(inputs.get(0));
        if (inputs.size() == 1) {
            return first;
        }
        List<BenchmarkResult> results = new ArrayList<>(first.results());
        Map<BenchmarkKey, Path> seen = new HashMap<>();
        first.results().forEach(r -> seen.put(r.key(), first.resultsFile()));
        Environment env = first.environment();
        List<String> notes = new ArrayList<>(first.notes());
        for (Path p : inputs.subList(1, inputs.size())) {
            Run next = reader.read(p);
            for (BenchmarkResult r : next.results()) {
                Path other = seen.putIfAbsent(r.key(), next.resultsFile());
                if (other != null) {
                    throw new InputException(next.resultsFile(), "holds " + r.key().label() + ", which " + other
                            + " holds too: joined files must differ in what they measure (a -t value, a param)");
                }
                results.add(r);
            }
            if (!env.present()) {
                env = next.environment();
            }
            notes.addAll(next.notes());
        }
        return new Run(first.resultsFile(), results, env, first.iterations(), List.copyOf(new LinkedHashSet<>(notes)));
    }
}
