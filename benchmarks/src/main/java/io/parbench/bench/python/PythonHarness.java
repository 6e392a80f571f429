package io.parbench.bench.python;

import io.parbench.bench.Cleanup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPython harness, copied out of the benchmarks jar into a temporary folder for the interpreters to import
 * ({@code PYTHONPATH}); the folder goes when the harness is closed (and at exit, should the launcher be stopped).
 */
public final class PythonHarness implements AutoCloseable {

    /** The harness's modules, as they sit in the jar under {@code python/parbench_py/} (a test checks the list). */
    public static final List<String> MODULES = List.of("__init__.py", "__main__.py", "benchmarks.py", "harness.py",
            "workloads.py");

    private final Path root;
    private final Thread exitHook;

    private PythonHarness(Path root, Thread exitHook) {
        this.root = root;
        this.exitHook = exitHook;
    }

    /** The temporary folders' prefix; the launcher's pid follows it, so a later run can tell a dead launcher's copy. */
    static final String PREFIX = "parbench-python-";

    /**
     * Copies the harness out of the class path, first deleting the copies of launchers that are gone (killed
     * outright, no exit hook ran).
     */
    public static PythonHarness extract() throws IOException {
        removeStale(Path.of(System.getProperty("java.io.tmpdir")));
        Path root = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        Thread hook = new Thread(() -> Cleanup.deleteTree(root), "parbench-python-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path pkg = Files.createDirectories(root.resolve("parbench_py"));
            for (String module : MODULES) {
                try (InputStream in = PythonHarness.class.getResourceAsStream("/python/parbench_py/" + module)) {
                    if (in == null) {
                        throw new IOException("the benchmarks jar lacks python/parbench_py/" + module + " (rebuild it)");
                    }
                    Files.copy(in, pkg.resolve(module));
                }
            }
        } catch (IOException | RuntimeException e) {
            Cleanup.deleteTree(root);
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        return new PythonHarness(root, hook);
    }

    /** Deletes the harness copies in {@code tmp} whose launcher (the pid in the name) is no longer alive. */
    static int removeStale(Path tmp) {
        int removed = 0;
        try (var list = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path p : list) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    continue; // not ours
                }
                Cleanup.deleteTree(p);
                removed++;
            }
        } catch (IOException e) {
            // an unreadable temporary folder: nothing to clean
        }
        return removed;
    }

    /** The folder to put on {@code PYTHONPATH}. */
    public Path path() {
        return root;
    }

    @Override
    public void close() {
        Cleanup.deleteTree(root);
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // shutting down: the hook deletes it too
        }
    }
}
