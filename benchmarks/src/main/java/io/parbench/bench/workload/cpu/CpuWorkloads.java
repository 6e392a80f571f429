package io.parbench.bench.workload.cpu;

import java.util.List;
import java.util.Locale;

/** Makes a CPU workload from its id and size: the JMH suites and the child-process worker share this. */
public final class CpuWorkloads {

    private static final List<String> IDS = List.of("primes", "sumsq", "collatz", "matmul");

    private CpuWorkloads() {
    }

    /** The valid workload ids, in a stable order. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * The workload {@code id} of the given size.
     *
     * @throws IllegalArgumentException naming the valid ids when {@code id} is unknown
     */
    public static RangeWorkload create(String id, long size) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "primes" -> PrimeCount.ofSize(size);
            case "sumsq" -> new SumOfSquares(size);
            case "collatz" -> new CollatzSteps(size);
            case "matmul" -> new MatrixMultiply(size);
            default -> throw new IllegalArgumentException(
                    "unknown CPU workload '" + id + "'; valid workloads: " + String.join(", ", IDS));
        };
    }
}
