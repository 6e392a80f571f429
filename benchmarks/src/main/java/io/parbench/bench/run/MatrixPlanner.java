package io.parbench.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the user's choices (suites, profile, threads, sizes, strategies, include pattern) into the list of
 * benchmarks to run. {@code sequential} runs once per size, at threads = 1: it is the baseline, not a point on
 * the thread sweep.
 */
public final class MatrixPlanner {

    private MatrixPlanner() {
    }

    /**
     * The default thread sweep: 1, 2, 4, ... up to twice the logical CPUs (that count included), plus the physical core count and the
     * logical CPU count (so that the curves have a point exactly where the cores and the SMT threads run out).
     */
    public static List<Integer> defaultThreads(int physicalCores, int logicalCpus) {
        Set<Integer> sweep = new TreeSet<>();
        for (int t = 1; t <= 2 * logicalCpus; t *= 2) {
            sweep.add(t);
        }
        sweep.add(2 * Math.max(1, logicalCpus));
        sweep.add(Math.max(1, physicalCores));
        sweep.add(Math.max(1, logicalCpus));
        return List.copyOf(sweep);
    }

    /** The sweep a profile uses when the user names none: smoke runs one thread count (2), the others the sweep. */
    public static List<Integer> threadsFor(Profile profile, int physicalCores, int logicalCpus) {
        return profile == Profile.SMOKE ? List.of(2) : defaultThreads(physicalCores, logicalCpus);
    }

    /**
     * The concurrency sweep of the I/O suite, far past the cores: quick 1, 4, 32, 256, 1024 (five points, so that
     * the suite stays near a quarter of an hour); full every power of two from 1 to 1024; smoke 4.
     */
    public static List<Integer> concurrencyFor(Profile profile) {
        return switch (profile) {
            case SMOKE -> List.of(4);
            case QUICK -> List.of(1, 4, 32, 256, 1024);
            case FULL -> List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024);
        };
    }

    /** The default thread counts of one entry's sweep. */
    public static List<Integer> sweepFor(SuiteCatalog.Sweep sweep, Profile profile, int physicalCores, int logicalCpus) {
        return switch (sweep) {
            case MACHINE, CONTENDERS -> threadsFor(profile, physicalCores, logicalCpus);
            case CONCURRENCY -> concurrencyFor(profile);
            case PYTHON_CONCURRENCY -> switch (profile) {
                case SMOKE -> List.of(4);
                case QUICK -> List.of(1, 16, 256);
                case FULL -> List.of(1, 4, 16, 64, 256, 1024);
            };
            case CORES -> profile == Profile.SMOKE ? List.of(2) : defaultThreads(physicalCores, logicalCpus).stream()
                    .filter(t -> t <= Math.max(1, logicalCpus)).toList();
            case NONE -> List.of(1);
        };
    }

    /**
     * The plan. {@code threads} is the user's sweep, or null for each suite's own (the machine's cores for CPU work,
     * 1 to 1024 for I/O, see {@link #sweepFor}).
     */
    public static List<PlannedBenchmark> plan(List<String> suites, Profile profile, List<Integer> threads,
            String sizesSpec, List<String> strategies, String include, int physicalCores, int logicalCpus) {
        Pattern pattern = compile(include);
        checkSizeWorkloads(suites, sizesSpec);
        List<PlannedBenchmark> planned = new ArrayList<>();
        Set<String> validStrategies = new LinkedHashSet<>();
        for (String suite : suites) {
            for (SuiteCatalog.Entry entry : SuiteCatalog.suite(suite)) {
                validStrategies.addAll(entry.strategies());
            }
        }
        if (strategies != null) {
            for (String s : strategies) {
                if (!validStrategies.contains(s)) {
                    throw new UsageException("unknown strategy '" + s + "' for suite(s) " + String.join(",", suites)
                            + (validStrategies.isEmpty() ? ", which have no strategies (--strategies chooses among the "
                                    + "cpu and io suites' strategies)" : "; valid strategies: " + String.join(", ", validStrategies)));
                }
            }
        }
        for (String suite : suites) {
            for (SuiteCatalog.Entry entry : SuiteCatalog.suite(suite)) {
                if (pattern != null && !pattern.matcher(entry.benchmarkName()).find()
                        && !pattern.matcher(entry.workload()).find()) {
                    continue;
                }
                List<Integer> sweep = entry.sweep() == SuiteCatalog.Sweep.NONE ? List.of(1) : threads != null ? threads
                        : sweepFor(entry.sweep(), profile, physicalCores, logicalCpus);
                if (!entry.usesStrategies()) {
                    if (strategies != null) {
                        continue; // contention benchmarks have no strategy: --strategies chooses strategy suites only
                    }
                    if (entry.sweep() == SuiteCatalog.Sweep.CONTENDERS) {
                        checkThreads("contenders", sweep, logicalCpus);
                        sweep.forEach(t -> planned.add(new PlannedBenchmark(entry, null, 0, 0, t)));
                    } else {
                        planned.add(new PlannedBenchmark(entry, null, 0, 0, 0));
                    }
                    continue;
                }
                for (long size : sizesFor(entry, profile, sizesSpec)) {
                    for (String strategy : entry.strategies()) {
                        if (strategies != null && !strategies.contains(strategy)) {
                            continue;
                        }
                        if (strategy.equals("sequential")) {
                            planned.add(new PlannedBenchmark(entry, strategy, 1, size));
                        } else {
                            checkThreads(strategy, sweep, logicalCpus);
                            for (int t : sweep) {
                                planned.add(new PlannedBenchmark(entry, strategy, t, size));
                            }
                        }
                    }
                }
            }
        }
        if (planned.isEmpty()) {
            throw new UsageException("nothing to run: no benchmark of suite(s) " + String.join(",", suites)
                    + " matches" + (include == null ? "" : " --include '" + include + "'")
                    + (strategies == null ? "" : " and --strategies " + String.join(",", strategies)));
        }
        return planned;
    }

    /**
     * The most {@code threads} a strategy may be given. Virtual threads and asynchronous lanes are cheap (a million is
     * fine); a platform thread reserves a stack; a ForkJoinPool refuses more than 32,767 workers; a child JVM costs
     * tens of megabytes and a start of ~0.1 s, so child processes are capped well below what would exhaust memory;
     * JMH contenders are platform threads of the benchmark JVM.
     */
    static int maxThreads(String strategy, int logicalCpus) {
        return switch (strategy) {
            case "virtual", "async" -> 1_000_000;
            case "forkjoin", "stream", "forkjoin-managed", "virtual-forkjoin" -> 32_767;
            case "process", "process-cold" -> Math.max(MAX_CHILD_JVMS, 4 * logicalCpus);
            // CPython: a worker process is an interpreter of tens of megabytes
            case "mp-pool", "process-fork", "process-spawn", "process-forkserver" ->
                    Math.max(MAX_CHILD_JVMS, 4 * logicalCpus);
            default -> MAX_PLATFORM_THREADS; // platform, pool, contenders
        };
    }

    /** Child JVMs one operation may start (process, process-cold) on any machine. */
    static final int MAX_CHILD_JVMS = 64;
    /** Platform threads one operation may start. */
    static final int MAX_PLATFORM_THREADS = 4_096;

    private static void checkThreads(String strategy, List<Integer> sweep, int logicalCpus) {
        int max = maxThreads(strategy, logicalCpus);
        for (int t : sweep) {
            if (t > max) {
                throw new UsageException(String.format(Locale.ROOT, "--threads %,d is too many for %s (at most %,d%s); "
                        + "leave it out with --strategies, or lower --threads", t, strategy, max,
                        strategy.equals("process") || strategy.equals("process-cold") ? " child JVMs"
                                : strategy.startsWith("process-") || strategy.equals("mp-pool") ? " child processes" : ""));
            }
        }
    }

    /** Refuses {@code --sizes name=N} for a workload that none of the suites has. */
    private static void checkSizeWorkloads(List<String> suites, String spec) {
        if (spec == null) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (String suite : suites) {
            SuiteCatalog.suite(suite).stream().filter(SuiteCatalog.Entry::usesStrategies).forEach(e -> known.add(e.workload()));
        }
        for (String item : spec.split(",")) {
            int eq = item.indexOf('=');
            if (eq >= 0 && !known.contains(item.substring(0, eq).trim())) {
                throw new UsageException("--sizes names the workload '" + item.substring(0, eq).trim() + "', which suite(s) "
                        + String.join(",", suites) + " do not have; workloads: " + String.join(", ", known));
            }
        }
    }

    static Pattern compile(String include) {
        if (include == null || include.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(include, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include '" + include + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /**
     * The sizes for one workload. {@code spec} is a comma-separated list whose items are a size for every workload
     * ({@code 100000}) or for one ({@code primes=300000}); sizes take {@code _} separators and k, M, G suffixes.
     */
    static List<Long> sizesFor(SuiteCatalog.Entry entry, Profile profile, String spec) {
        if (spec == null || spec.isBlank()) {
            return entry.sizes(profile);
        }
        List<Long> general = new ArrayList<>();
        List<Long> specific = new ArrayList<>();
        for (String item : spec.split(",")) {
            String token = item.trim();
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq >= 0) {
                if (token.substring(0, eq).trim().equals(entry.workload())) {
                    specific.add(parseSize(token.substring(eq + 1)));
                }
            } else {
                general.add(parseSize(token));
            }
        }
        List<Long> chosen = !specific.isEmpty() ? specific : !general.isEmpty() ? general : entry.sizes(profile);
        return List.copyOf(new LinkedHashSet<>(chosen));
    }

    static long parseSize(String text) {
        String t = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
        } else if (t.endsWith("g")) {
            factor = 1_000_000_000;
        }
        if (factor != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Math.multiplyExact(Long.parseLong(t), factor);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("size '" + text.trim() + "' is not a whole number >= 0 (examples: 300000, 300k, "
                    + "50M, primes=300000)");
        }
    }

    /** Parses a comma-separated list of thread counts, each at least 1. */
    public static List<Integer> parseThreads(String spec) {
        Set<Integer> threads = new TreeSet<>();
        for (String item : spec.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                int n = Integer.parseInt(t);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                threads.add(n);
            } catch (NumberFormatException e) {
                throw new UsageException("thread count '" + t + "' is not a whole number >= 1 (example: --threads 1,2,4)");
            }
        }
        if (threads.isEmpty()) {
            throw new UsageException("--threads needs at least one thread count (example: --threads 1,2,4)");
        }
        return List.copyOf(threads);
    }
}
