package io.parbench.analyzer.cli;

import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.Text;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The analyzer's entry point ({@code java -jar analyzer.jar <command>}; {@code scripts/parbench report} is the
 * friendlier way in). Exit codes: 0 success, 1 the check failed (compare found a regression), 2 bad input or usage,
 * 3 an internal error.
 */
@Command(name = "parbench-analyzer", mixinStandardHelpOptions = true, versionProvider = AnalyzerMain.Version.class,
        subcommands = {ReportCommand.class, CompareCommand.class, AbCommand.class, HistoryCommand.class, TrendCommand.class, MergeCommand.class},
        description = "Turns JMH JSON results (parbench's or anyone's) into reports.",
        footer = {"", "Examples:", "  java -jar analyzer.jar report reports/20261123-0812Z-myhost",
                "  java -jar analyzer.jar compare reports/baseline-run reports/candidate-run"})
public final class AnalyzerMain implements Runnable {

    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cmd = new CommandLine(new AnalyzerMain());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.expandedArgs().contains("--verbose");
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputException) {
                err.println("parbench: " + Text.terminal(ex.getMessage()));
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USAGE;
            }
            err.println("parbench: internal error: " + Text.terminal(String.valueOf(ex)));
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // Input too large for the heap: the user's to fix, so exit 2 (never 1, which CI reads as a regression).
            System.err.println("parbench: out of memory: the input needs more heap than this JVM has; give it more with "
                    + "-Xmx, for example JAVA_TOOL_OPTIONS=-Xmx4g scripts/parbench " + (args.length > 0 ? args[0] : "") + " ...");
            return EXIT_USAGE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AnalyzerMain.class.getPackage().getImplementationVersion();
            return new String[] {"parbench analyzer " + (v == null ? "dev" : v)};
        }
    }
}
