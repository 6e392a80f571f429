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
            default -> throw unknown(id);
        };
    }

    /**
     * The workload a {@link RangeWorkload#spec()} describes, for example {@code primes/300000} or
     * {@code primes/300000/lo=1000000000}.
     *
     * @throws IllegalArgumentException when the spec is malformed or names an unknown workload or setting
     */
    public static RangeWorkload fromSpec(String spec) {
        String[] parts = spec.split("/");
        if (parts.length < 2) {
            throw new IllegalArgumentException("workload spec '" + spec + "' is not of the form id/size[/key=value]");
        }
        long size = Long.parseLong(parts[1]);
        if (parts.length == 2) {
            return create(parts[0], size);
        }
        if (parts[0].equals("primes") && parts.length == 3 && parts[2].startsWith("lo=")) {
            return new PrimeCount(Long.parseLong(parts[2].substring(3)), size);
        }
        if (!IDS.contains(parts[0])) {
            throw unknown(parts[0]);
        }
        throw new IllegalArgumentException("workload spec '" + spec + "' has a setting " + parts[0] + " does not know");
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("unknown CPU workload '" + id + "'; valid workloads: " + String.join(", ", IDS));
    }
}
