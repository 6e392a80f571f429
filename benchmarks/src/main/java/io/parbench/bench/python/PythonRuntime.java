package io.parbench.bench.python;

import io.parbench.bench.run.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One CPython interpreter the python suite runs on: the {@code python3} on PATH (3.8 or newer; its benchmarks are
 * named {@code python.*}) and, when one is on PATH too, a free-threaded build ({@code python3.14t},
 * {@code python3.13t}, {@code python3t}; named {@code python-ft.*}). {@code info} is what the harness's
 * {@code info} command says about it (version, build, start methods), as environment.json records it.
 */
public record PythonRuntime(String prefix, Path executable, Map<String, Object> info) {

    /** The oldest CPython the harness supports. */
    public static final int[] MINIMUM = {3, 8};
    /** Free-threaded builds looked for, newest first. */
    static final List<String> FREE_THREADED = List.of("python3.14t", "python3.13t", "python3t");
    /** What to install when no python3 is found (said in one sentence). */
    public static final String INSTALL = "install Python 3.8 or newer (Debian/Ubuntu: apt-get install python3; macOS: "
            + "brew install python)";

    /** What discovery found: the runtimes, and why each candidate left out was left out. */
    public record Found(List<PythonRuntime> runtimes, List<String> notes) {
    }

    /**
     * The runtimes on {@code path} (the PATH's folders), each checked by running the harness's {@code info}: the GIL
     * build first, then a free-threaded build if one answers with {@code build: free-threaded}.
     */
    public static Found discover(String path, PythonHarness harness) {
        List<PythonRuntime> runtimes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path python3 = which("python3", path);
        if (python3 == null) {
            notes.add("no python3 on PATH: " + INSTALL);
        } else {
            probe(python3, PythonSuite.PREFIX, harness, notes).ifPresent(runtimes::add);
        }
        for (String name : FREE_THREADED) {
            Path ft = which(name, path);
            if (ft == null) {
                continue;
            }
            var r = probe(ft, PythonSuite.FREE_THREADED_PREFIX, harness, notes);
            if (r.isPresent() && "free-threaded".equals(r.get().info().get("build"))) {
                runtimes.add(r.get());
                break;
            }
            r.ifPresent(x -> notes.add(name + " is not a free-threaded build; left out"));
        }
        return new Found(List.copyOf(runtimes), List.copyOf(notes));
    }

    /** The executable {@code name} in one of {@code path}'s folders, or null. */
    public static Path which(String name, String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static java.util.Optional<PythonRuntime> probe(Path exe, String prefix, PythonHarness harness,
            List<String> notes) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-m", "parbench_py", "info")
                    .redirectErrorStream(true)
                    .directory(harness.path().toFile())
                    .start();
            p.getOutputStream().close();
            byte[] out;
            try {
                out = p.getInputStream().readAllBytes();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    notes.add(exe + " did not answer within 20 s; left out");
                    return java.util.Optional.empty();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return java.util.Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                String version = versionOf(exe);
                notes.add(exe + (version != null && !atLeastMinimum(version) ? " is Python " + version + ", older than "
                        + MINIMUM[0] + "." + MINIMUM[1] + ": " + INSTALL : " could not run the harness: "
                        + PythonForks.lastLine(text, "exit " + p.exitValue())));
                return java.util.Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> info = new LinkedHashMap<>(Json.MAPPER.readValue(PythonForks.lastLine(text, "{}"),
                    Map.class));
            String version = String.valueOf(info.get("version"));
            if (!atLeastMinimum(version)) {
                notes.add(exe + " is Python " + version + ", older than " + MINIMUM[0] + "." + MINIMUM[1] + ": " + INSTALL);
                return java.util.Optional.empty();
            }
            // the interpreter itself, not a launcher in front of it (a pyenv shim costs a shell start per fork)
            Object real = info.get("executable");
            Path interpreter = real instanceof String r && Files.isExecutable(Path.of(r)) ? Path.of(r) : exe;
            return java.util.Optional.of(new PythonRuntime(prefix, interpreter, info));
        } catch (IOException e) {
            notes.add(exe + " could not be run: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** {@code python3 --version}'s number, or null (for the sentence about an interpreter too old for the harness). */
    private static String versionOf(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return text.startsWith("Python ") ? text.substring(7).trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public static boolean atLeastMinimum(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return major > MINIMUM[0] || major == MINIMUM[0] && minor >= MINIMUM[1];
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
