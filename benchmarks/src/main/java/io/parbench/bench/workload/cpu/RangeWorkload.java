package io.parbench.bench.workload.cpu;

/**
 * A CPU-bound computation over {@code units()} indivisible units of work (numbers, matrix rows) whose answer is
 * the wrapping {@code long} sum of the answers of any partition of {@code [0, units())} into ranges.
 *
 * <p>Callers may rely on: {@code computeRange(0, units())} equals the sum of {@code computeRange} over any
 * set of disjoint ranges covering {@code [0, units())}, whatever the order or the thread, because wrapping
 * long addition is associative and commutative. That is what lets every strategy return exactly the
 * sequential answer. Implementations are immutable and safe to share between threads.
 */
public interface RangeWorkload {

    /** The workload's id, as in {@link CpuWorkloads#ids()}. */
    String id();

    /** The problem size the workload was made with (the {@code size} JMH param). */
    long size();

    /** How many indivisible units the work splits into; ranges are taken over {@code [0, units())}. */
    long units();

    /** The partial answer for units {@code [from, to)}; 0 for an empty range. */
    long computeRange(long from, long to);

    /**
     * Everything needed to rebuild this workload in another JVM, as one token without spaces:
     * {@code id/size}, followed by {@code /key=value} for any setting that differs from the default.
     * {@link CpuWorkloads#fromSpec} reads it back.
     */
    default String spec() {
        return id() + "/" + size();
    }

    /** The whole answer, computed on the calling thread. */
    default long computeAll() {
        return computeRange(0, units());
    }

    /** Checks a range against {@code [0, units())}: strategies and child processes share this check. */
    default void checkRange(long from, long to) {
        if (from < 0 || to < from || to > units()) {
            throw new IllegalArgumentException(
                    "range [" + from + ", " + to + ") is outside [0, " + units() + ") of " + id() + " size " + size());
        }
    }
}
