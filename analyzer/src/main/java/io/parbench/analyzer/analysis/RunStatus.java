package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Run;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run ended, from its environment.json: complete, failed, interrupted (Ctrl-C, SIGTERM) or killed. The launcher
 * rewrites environment.json after every benchmark, so a status still {@code running} whose launcher process is gone
 * means the launcher was killed (SIGKILL, out-of-memory killer, power loss); what results.json holds then is what
 * finished.
 */
public record RunStatus(Kind kind, int completed, Optional<Integer> planned) {

    /** The ways a run can end. */
    public enum Kind { COMPLETE, FAILED, INTERRUPTED, KILLED, UNFINISHED, UNKNOWN }

    public static RunStatus of(Run run) {
        Environment env = run.environment();
        int completed = run.results().size();
        Optional<Integer> planned = env.integer("matrix", "planned");
        if (!env.present() || env.text("status") == null) {
            return new RunStatus(Kind.UNKNOWN, completed, planned);
        }
        Kind kind = switch (env.text("status")) {
            case "complete" -> Kind.COMPLETE;
            case "failed" -> Kind.FAILED;
            case "interrupted" -> Kind.INTERRUPTED;
            case "running" -> launcherGone(env) ? Kind.KILLED : Kind.UNFINISHED;
            default -> Kind.UNKNOWN;
        };
        return new RunStatus(kind, completed, planned);
    }

    /** True when the recorded launcher ran on this host and is no longer alive. */
    private static boolean launcherGone(Environment env) {
        Optional<Double> pid = env.number("launcherPid");
        String host = env.text("machine", "hostname");
        if (pid.isEmpty() || host == null || !host.equals(localHost())) {
            return false;
        }
        return ProcessHandle.of(pid.get().longValue()).map(p -> !p.isAlive()).orElse(true);
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "");
        }
    }

    /** A sentence for the top of a report, or null for a run that completed (or says nothing of how it ended). */
    public String sentence() {
        String done = String.format(Locale.ROOT, "%d%s benchmark%s completed", completed,
                planned.map(p -> " of " + p + " planned").orElse(""), completed == 1 && planned.isEmpty() ? "" : "s");
        return switch (kind) {
            case COMPLETE, UNKNOWN -> null;
            case FAILED -> "Some benchmarks of this run failed (listed under the method): " + done + ".";
            case INTERRUPTED -> "This run was interrupted (Ctrl-C or SIGTERM): " + done + "; the report shows those.";
            case KILLED -> "This run was killed (its launcher is gone but environment.json still says 'running', as after "
                    + "a SIGKILL or the out-of-memory killer): " + done + "; the report shows those.";
            case UNFINISHED -> "This run had not finished when its environment.json was last written (status 'running', "
                    + "on another host or still in progress): " + done + "; the report shows those.";
        };
    }
}
