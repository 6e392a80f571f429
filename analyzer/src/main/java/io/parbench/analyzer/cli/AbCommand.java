package io.parbench.analyzer.cli;

import io.parbench.analyzer.analysis.Comparison;
import io.parbench.analyzer.analysis.PairedComparison;
import io.parbench.analyzer.io.AbReader;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.report.CompareWriter;
import io.parbench.analyzer.stats.PairedBootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ab}: the gate over an A/B folder, judged in pairs. Exit 0 no regression, 1 a regression, 2 bad input. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Judges an A/B folder ('parbench ab' wrote it: base/, candidate/, ab.json) in pairs: each round's "
                + "base fork and candidate fork give a within-pair ratio; the change is their geometric mean with a 95% "
                + "interval (Student t with each benchmark's spread moderated towards the family's, or with fewer than "
                + "three benchmarks the expanded bootstrap over pairs); verdicts are corrected for the family of benchmarks "
                + "(Benjamini-Hochberg). Writes summary.md, junit.xml, compare.json and compare.png|svg, with each "
                + "benchmark's minimum detectable effect and the smallest slowdown a regression verdict would catch "
                + "(80% power: the threshold plus the MDE, since the whole interval must clear the threshold).",
                "Exit codes: 0 no regression, 1 a regression (or a benchmark missing on one side), 2 bad input."},
        footer = {"", "Examples:", "  parbench ab reports/ab-20261123-0812Z-myhost",
                "  parbench ab DIR --threshold 3 --out /tmp/gate"})
public final class AbCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The A/B folder.")
    Path folder;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "2",
            description = "The change that counts, in percent (default: ${DEFAULT-VALUE}: pairs on one machine resolve "
                    + "smaller changes than two separate runs, whose compare defaults to 5).")
    String threshold;

    @Option(names = "--threshold-for", paramLabel = "REGEX=PCT",
            description = "A threshold for the benchmarks whose name or params match REGEX (repeatable; the first match wins).")
    List<String> perBenchmark = new ArrayList<>();

    @Option(names = "--fork-summary", paramLabel = "min|median|mean", defaultValue = "min",
            description = "How each fork's measured iterations become the one number it brings to its pair (default: "
                    + "${DEFAULT-VALUE}, its fastest iteration: noise on a shared machine only adds time; median keeps "
                    + "a change that slows only some iterations in view; mean is JMH's score).")
    String forkSummary;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the outputs go (default: compare/ in the A/B folder).")
    Path out;

    @Option(names = "--resamples", defaultValue = "10000", description = "Bootstrap resamples (at least 10,000; default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--allow-missing", description = "Benchmarks that failed on one side are listed but do not fail the gate.")
    boolean allowMissing;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "Print only errors and the output folder.")
    boolean quiet;

    @Option(names = "--check-options", description = "Check the judging options and stop (exit 0, or 2 with why) "
            + "without reading DIR: 'scripts/parbench ab' does so before its run, so a mistyped option is said at "
            + "once, not after the run.")
    boolean checkOptions;

    @Override
    public Integer call() throws Exception {
        double global = CompareCommand.percent(threshold, "--threshold");
        List<Comparison.Threshold> overrides = CompareCommand.overrides(perBenchmark);
        CompareCommand.checkResamples(resamples);
        PairedBootstrap.ForkSummary summary = PairedBootstrap.ForkSummary.named(forkSummary);
        if (summary == null) {
            throw new InputException("--fork-summary must be min, median or mean; got '" + forkSummary + "'");
        }
        if (checkOptions) {
            return 0;
        }
        AbReader.Ab ab = new AbReader().read(folder);
        Comparison c = PairedComparison.of(ab, global, overrides, resamples, summary);
        Path target = out != null ? out : folder.toAbsolutePath().resolve("compare");
        Path written = new CompareWriter(allowMissing).write(c, target, global);
        return CompareCommand.tell(c, written, allowMissing, quiet, false);
    }
}
