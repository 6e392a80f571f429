package io.parbench.bench.suite.cpu;

import org.openjdk.jmh.annotations.Param;

/** The CPU suite on collatz: the sum of the Collatz stopping times of 1..size (very irregular). */
public class CollatzBenchmark extends CpuSuite {

    @Param({"250000"})
    public long size;

    @Override
    protected String workloadId() {
        return "collatz";
    }

    @Override
    protected long problemSize() {
        return size;
    }
}
