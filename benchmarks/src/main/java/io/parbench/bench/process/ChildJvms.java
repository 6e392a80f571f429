package io.parbench.bench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts child worker JVMs and keeps track of every one that is alive, so that a single shutdown hook can
 * destroy them all when the parent exits (normally, on Ctrl-C or SIGTERM).
 */
public final class ChildJvms {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvms::destroyAll, "parbench-child-reaper"));
    }

    private ChildJvms() {
    }

    /**
     * The command that starts a worker: the same java binary and class path as this JVM. The serial collector
     * keeps a child's own housekeeping threads off the cores the parent is measuring.
     */
    public static List<String> workerCommand() {
        return command(List.of(), WorkerMain.class.getName());
    }

    /** The command for {@code mainClass} of this class path, with {@code jvmFlags} before it (as for a worker). */
    public static List<String> command(List<String> jvmFlags, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        // The JVM's own warnings (a stale hsperfdata file of a reused pid, say) go to stdout by default, where the
        // parent expects the protocol: send them to stderr.
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.add("-D" + WorkerProtocol.MARKER_PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts one worker; its stderr goes to this JVM's stderr. */
    static Process start() throws java.io.IOException {
        return start(workerCommand());
    }

    /** Starts a child with {@code command}, registered so that it is destroyed if this JVM exits first. */
    public static Process start(List<String> command) throws java.io.IOException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    /** Destroys a child and waits briefly for it to go. */
    public static void destroy(Process p) {
        p.destroyForcibly();
        try {
            p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(p);
    }

    /** How many children this JVM has started that are still alive. */
    public static int liveCount() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
    }

    static void destroyAll() {
        for (Process p : List.copyOf(LIVE)) {
            p.destroyForcibly();
        }
    }
}
