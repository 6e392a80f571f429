package io.parbench.bench.run;

import io.parbench.bench.env.MachineInfo;
import io.parbench.bench.env.MachineProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parbench list}: the matrix a run would execute, and how long it should take. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Prints the benchmarks a run would execute (the same options as run) and the estimated duration.",
        footer = {"", "Examples:", "  parbench list", "  parbench list --profile full --include Primes"})
public final class ListCommand implements Callable<Integer> {

    @Mixin
    MatrixOptions matrix;

    @Override
    public Integer call() {
        Console console = new Console(System.out, System.err, false, false);
        Profile profile = matrix.profile();
        List<String> suites = matrix.suites();
        JmhSettings settings = JmhSettings.of(profile, matrix.jmhOptions);
        MachineInfo machine = new MachineProbe().machine();
        List<PlannedBenchmark> plan = MatrixPlanner.plan(suites, profile, matrix.threads(), matrix.sizes, matrix.strategies,
                matrix.include, machine.cpu().physicalCores(), machine.cpu().logicalCpus());
        print(console, plan, settings, profile);
        return 0;
    }

    /** The matrix, one line per benchmark class and size, then the totals (on stdout: it is the command's output). */
    static void print(Console console, List<PlannedBenchmark> plan, JmhSettings settings, Profile profile) {
        Map<String, Map<String, Set<Integer>>> grouped = new LinkedHashMap<>();
        for (PlannedBenchmark b : plan) {
            if (b.strategy() == null) {
                grouped.computeIfAbsent(b.entry().benchmarkName(), k -> new LinkedHashMap<>())
                        .computeIfAbsent("contenders", k -> new LinkedHashSet<>()).add(b.jmhThreads());
            } else {
                grouped.computeIfAbsent(b.entry().benchmarkName() + "  size=" + b.size(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(b.strategy(), k -> new LinkedHashSet<>()).add(b.threads());
            }
        }
        grouped.forEach((name, strategies) -> {
            console.result(name);
            strategies.forEach((s, t) -> console.result(s.equals("contenders")
                    ? (t.contains(0) ? "    its own params and threads, once" : "    JMH threads (contenders)=" + t)
                    : String.format("    %-16s threads=%s", s, t)));
        });
        double seconds = settings.estimatedSeconds(plan, profile);
        int fewer = plan.stream().mapToInt(b -> b.forks(settings.rounds())).min().orElse(settings.forks());
        String forks = settings.forks() + " fork(s)"
                + (fewer < settings.rounds() ? " (process-cold " + fewer + ")" : "");
        console.result(String.format("%d benchmarks, profile %s: %s, %d x %s warm-up, %d x %s measured; "
                        + "estimated %s", plan.size(), profile, forks, settings.warmupIterations(),
                settings.warmupTime(), settings.measurementIterations(), settings.measurementTime(),
                Console.duration(Duration.ofSeconds(Math.round(seconds)))));
    }
}
