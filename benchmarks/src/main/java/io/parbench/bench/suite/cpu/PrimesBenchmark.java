package io.parbench.bench.suite.cpu;

import org.openjdk.jmh.annotations.Param;

/** The CPU suite on primes: the primes in [100,000, 100,000 + size), by trial division (irregular: dearer along the range). */
public class PrimesBenchmark extends CpuSuite {

    @Param({"300000"})
    public long size;

    @Override
    protected String workloadId() {
        return "primes";
    }

    @Override
    protected long problemSize() {
        return size;
    }
}
