package io.parbench.bench.suite.cpu;

import org.openjdk.jmh.annotations.Param;

/** The CPU suite on sumsq: the wrapping sum of i*i over [0, size) (cheap and regular). */
public class SumSquaresBenchmark extends CpuSuite {

    @Param({"50000000"})
    public long size;

    @Override
    protected String workloadId() {
        return "sumsq";
    }

    @Override
    protected long problemSize() {
        return size;
    }
}
