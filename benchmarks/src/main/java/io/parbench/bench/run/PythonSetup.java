package io.parbench.bench.run;

import io.parbench.bench.python.PythonForks;
import io.parbench.bench.python.PythonHarness;
import io.parbench.bench.python.PythonRuntime;
import io.parbench.bench.python.PythonSuite;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The python suite's part of a run: the harness copied out of the jar, the interpreters found on PATH (the suite is
 * skipped, with one sentence saying what to install, when there is none), the plan completed with a free-threaded
 * build's benchmarks when one is present, and environment.json's record of them. Inert for a run without the
 * python suite.
 */
final class PythonSetup implements AutoCloseable {

    private final List<PlannedBenchmark> plan;
    private final PythonHarness harness;
    private final List<PythonRuntime> runtimes;
    private final List<String> notes;
    private final PythonSuite.Settings settings;
    private final JmhSettings jmh;
    private PythonForks forks;

    private PythonSetup(List<PlannedBenchmark> plan, PythonHarness harness, List<PythonRuntime> runtimes,
            List<String> notes, PythonSuite.Settings settings, JmhSettings jmh) {
        this.plan = plan;
        this.harness = harness;
        this.runtimes = runtimes;
        this.notes = notes;
        this.settings = settings;
        this.jmh = jmh;
    }

    static PythonSetup of(List<PlannedBenchmark> plan, Profile profile, JmhSettings jmh, Console console)
            throws IOException {
        if (plan.stream().noneMatch(b -> b.entry().isPython())) {
            return new PythonSetup(plan, null, List.of(), List.of(), null, jmh);
        }
        checkParams(jmh);
        PythonHarness harness = PythonHarness.extract();
        PythonRuntime.Found found = PythonRuntime.discover(System.getenv("PATH"), harness);
        List<PlannedBenchmark> out = new ArrayList<>();
        if (found.runtimes().isEmpty()) {
            harness.close();
            plan.stream().filter(b -> !b.entry().isPython()).forEach(out::add);
            String why = String.join("; ", found.notes());
            if (out.isEmpty()) {
                throw new UsageException("nothing to run: the python suite needs an interpreter, and " + why);
            }
            console.warn("warning: the python suite is skipped: " + why);
            return new PythonSetup(out, null, List.of(), found.notes(), null, jmh);
        }
        found.notes().forEach(n -> console.info("parbench: " + n));
        boolean freeThreaded = found.runtimes().stream().anyMatch(r -> r.prefix().equals(PythonSuite.FREE_THREADED_PREFIX));
        Map<String, SuiteCatalog.Entry> ft = new java.util.HashMap<>();
        PythonSuite.entries(PythonSuite.FREE_THREADED_PREFIX).forEach(e -> ft.put(e.workload(), e));
        out.addAll(plan);
        if (freeThreaded) {
            for (PlannedBenchmark b : plan) {
                if (b.entry().isPython()) {
                    out.add(new PlannedBenchmark(ft.get(b.entry().workload()), b.strategy(), b.threads(), b.size()));
                }
            }
        }
        return new PythonSetup(List.copyOf(out), harness, found.runtimes(), found.notes(), PythonSuite.Settings.of(profile),
                jmh);
    }

    /**
     * The python workloads' params given as raw {@code -p} options must be whole numbers (width at least 1), one value
     * each: JMH runs a benchmark once per value of a list, but a python fork takes one value, so a list is refused
     * rather than cut to its first value.
     */
    static void checkParams(JmhSettings jmh) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        PythonSuite.PARAMS.values().forEach(m -> names.addAll(m.keySet()));
        for (String name : names) {
            java.util.Collection<String> values = jmh.raw().getParameter(name).orElse(List.of());
            if (values.size() > 1) {
                throw new UsageException("-p " + name + "=" + String.join(",", values) + " gives the python suite "
                        + values.size() + " values, and its benchmarks take one: run once per value");
            }
            for (String v : values) {
                long min = name.equals("width") ? 1 : 0;
                boolean ok;
                try {
                    ok = Long.parseLong(v.trim()) >= min;
                } catch (NumberFormatException e) {
                    ok = false;
                }
                if (!ok) {
                    throw new UsageException("-p " + name + "=" + v + " is not a whole number >= " + min
                            + " (the python suite's " + name + ")");
                }
            }
        }
    }

    List<PlannedBenchmark> plan() {
        return plan;
    }

    /** Gives the session what runs the python forks (nothing for a run without them). */
    void attach(RunSession session, File log) {
        if (harness == null) {
            return;
        }
        // one value at most: checkParams refused a list
        forks = new PythonForks(harness, runtimes, settings, name -> jmh.raw().getParameter(name)
                .orElse(List.of()).stream().findFirst().orElse(null), log);
        session.python(forks);
    }

    /** environment.json's {@code python}: null when the run did not ask for the python suite. */
    RunEnvironment.Python environment() {
        if (harness == null && notes.isEmpty()) {
            return null;
        }
        List<RunEnvironment.Python.Runtime> list = runtimes.stream()
                .map(r -> new RunEnvironment.Python.Runtime(r.prefix(), r.executable().toString(), r.info())).toList();
        return settings == null ? new RunEnvironment.Python(list, 0, 0, 0, notes)
                : new RunEnvironment.Python(list, settings.warmupIterations(), settings.measurementIterations(),
                        settings.iterationMillis(), notes);
    }

    @Override
    public void close() {
        if (forks != null) {
            forks.close();
        } else if (harness != null) {
            harness.close();
        }
    }
}
