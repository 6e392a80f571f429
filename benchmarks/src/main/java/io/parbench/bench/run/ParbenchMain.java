package io.parbench.bench.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher's entry point: {@code java -cp benchmarks.jar io.parbench.bench.run.ParbenchMain <command>}.
 * {@code scripts/parbench} is the friendlier way in. Exit codes: 0 success, 1 a benchmark failed, 2 bad input
 * or usage, 3 an internal error, 130 interrupted.
 */
@Command(name = "parbench", mixinStandardHelpOptions = true, versionProvider = ParbenchMain.Version.class,
        subcommands = {RunCommand.class, AbCommand.class, ListCommand.class, EnvCommand.class, HazardsCommand.class},
        description = "Runs parbench's JMH suites and describes the machine.",
        footer = {"", "Examples:", "  parbench run --profile smoke", "  parbench list --suite cpu --threads 1,2,4",
                "  parbench env"})
public final class ParbenchMain implements Runnable {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;
    static final int EXIT_INTERRUPTED = 130;

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cmd = new CommandLine(new ParbenchMain());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.expandedArgs().contains("--verbose");
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UsageException) {
                err.println("parbench: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USAGE;
            }
            err.println("parbench: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        return cmd.execute(args);
    }

    /** Where parbench lives: -Dparbench.home (set by scripts/parbench), else the working directory. */
    static Path home() {
        return Path.of(System.getProperty("parbench.home", ".")).toAbsolutePath().normalize();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ParbenchMain.class.getPackage().getImplementationVersion();
            return new String[] {"parbench " + (v == null ? "dev" : v) + ", JMH "
                    + org.openjdk.jmh.util.Version.getPlainVersion() + ", Java " + System.getProperty("java.version")};
        }
    }
}
