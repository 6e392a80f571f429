package io.parbench.analyzer.cli;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report}: a run folder or a JMH JSON file in, a report folder out. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes index.html, report.md, summary.json, charts/ and tables/ for a run folder or any JMH JSON file.",
        footer = {"", "Examples:", "  parbench report reports/20261123-0812Z-myhost      # writes .../report/",
                "  parbench report jmh-result.json --out /tmp/jmh-report"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "A run folder (with results.json) or a JMH JSON results file.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: report/ beside results.json).")
    Path out;

    @Option(names = "--title", description = "The report's title (default: from the run id or file name).")
    String title;

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
        Run run = new RunReader().read(input);
        long t = System.nanoTime();
        timing.accept("read", t - start);
        Path target = out != null ? out : run.resultsFile().toAbsolutePath().getParent().resolve("report");
        String name = run.environment().text("runId");
        if (name == null) {
            Path dir = Files.isDirectory(input) ? input : input.toAbsolutePath().getFileName();
            name = dir.toAbsolutePath().getFileName().toString();
        }
        Analysis analysis = Analysis.of(run);
        timing.accept("analysis", System.nanoTime() - t);
        Path index = new ReportWriter(timing).write(analysis, target, title != null ? title : "parbench report: " + name);
        if (verbose) {
            System.err.printf(Locale.ROOT, "parbench: %d benchmarks reported in %.2f s%n", run.results().size(),
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println(index);
        return 0;
    }
}
