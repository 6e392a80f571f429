package io.parbench.bench.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that choose what runs, shared by {@code run} and {@code list}. */
public final class MatrixOptions {

    @Option(names = "--suite", split = ",", paramLabel = "SUITE",
            description = "Suites to run, comma-separated (default: ${DEFAULT-VALUE}; known: cpu, io, sync, python: CPython beside the JVM).", defaultValue = "cpu")
    List<String> suites;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "quick",
            description = "smoke (every benchmark once, briefly: for tests and CI), quick (default: 3 forks run as "
                    + "interleaved rounds, 2 warm-up and 6 measured iterations of 200 ms) or full (3 forks, 5 + 10 "
                    + "iterations of 2 s, two sizes); with 3 rounds or more process-cold sits out the last.")
    String profile;

    @Option(names = "--threads", paramLabel = "N,N,...",
            description = "Thread counts to sweep (default for cpu: 1, 2, 4, ... up to twice the logical CPUs, plus the "
                    + "physical and logical core counts; for io, tasks in flight: 1, 4, 32, 256, 1024 (full: every "
                    + "power of two to 1024); for sync, JMH threads contending: as for cpu; smoke: 2 (io: 4)).")
    String threads;

    @Option(names = "--sizes", paramLabel = "SIZE,...",
            description = "Problem sizes: '300000' for every workload, 'primes=300000' for one; k, M and G suffixes "
                    + "work (default: the profile's sizes).")
    String sizes;

    @Option(names = "--strategies", split = ",", paramLabel = "ID",
            description = "Strategies to run (default: all; cpu: sequential, platform, pool, virtual, forkjoin, stream, "
                    + "process, process-cold; io adds forkjoin-managed and async; the io suite's hybrid pipeline has "
                    + "sequential, pool, virtual, virtual-forkjoin).")
    List<String> strategies;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Run only benchmarks whose JMH name or workload id matches, ignoring case (for example 'primes' "
                    + "or 'Matmul|collatz').")
    String include;

    @Parameters(paramLabel = "JMH_OPTION", description = "Raw JMH options after '--' (for example -- -prof gc -jvmArgs -Xmx2g).")
    List<String> jmhOptions = new ArrayList<>();

    Profile profile() {
        return Profile.parse(profile);
    }

    List<String> suites() {
        List<String> out = new ArrayList<>();
        for (String s : suites) {
            out.addAll(Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
        }
        out.forEach(SuiteCatalog::suite); // validates
        return out;
    }

    /** The user's thread counts, or null: each suite's own sweep. */
    List<Integer> threads() {
        return threads == null ? null : MatrixPlanner.parseThreads(threads);
    }
}
