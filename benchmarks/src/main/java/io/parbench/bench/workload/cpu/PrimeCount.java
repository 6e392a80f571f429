package io.parbench.bench.workload.cpu;

/**
 * Counts the primes in {@code [lo, lo + size)} by trial division by odd numbers up to the square root.
 *
 * <p>Irregular on purpose: testing n costs about sqrt(n) divisions for a prime, so the units at the top of the
 * range cost more than those at the bottom, and equal-sized chunks do not take equal time.
 */
public record PrimeCount(long lo, long size) implements RangeWorkload {

    /** Where the range starts unless told otherwise: high enough that trial division is real work. */
    public static final long DEFAULT_LO = 100_000;

    public PrimeCount {
        if (lo < 0 || size < 0 || lo > Long.MAX_VALUE - size) {
            throw new IllegalArgumentException("primes needs 0 <= lo, 0 <= size, lo + size <= Long.MAX_VALUE; got lo="
                    + lo + ", size=" + size);
        }
    }

    public static PrimeCount ofSize(long size) {
        return new PrimeCount(DEFAULT_LO, size);
    }

    @Override
    public String id() {
        return "primes";
    }

    @Override
    public String spec() {
        return lo == DEFAULT_LO ? "primes/" + size : "primes/" + size + "/lo=" + lo;
    }

    @Override
    public long units() {
        return size;
    }

    @Override
    public long computeRange(long from, long to) {
        checkRange(from, to);
        long count = 0;
        for (long n = lo + from; n < lo + to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d <= n / d; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
