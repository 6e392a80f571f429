package io.parbench.bench.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the launcher talks to the user: progress and notes on stderr (stdout stays parseable: it gets only the
 * paths of what was written), colour only on a terminal and never with NO_COLOR set.
 */
public final class Console {

    private final PrintStream err;
    private final PrintStream out;
    private final boolean quiet;
    private final boolean verbose;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, boolean quiet, boolean verbose) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
        this.colour = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    public boolean verbose() {
        return verbose;
    }

    /** A progress or information line (not with --quiet). */
    public void info(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    /** A line shown even with --quiet. */
    public void error(String line) {
        err.println(paint("31", line));
        err.flush();
    }

    public void warn(String line) {
        if (!quiet) {
            err.println(paint("33", line));
            err.flush();
        }
    }

    /** The one line on stdout: the path of what was written. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    public String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /** 1h02m, 3m20s, 42s. */
    public static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
