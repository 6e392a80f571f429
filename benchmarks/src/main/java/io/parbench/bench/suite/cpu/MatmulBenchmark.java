package io.parbench.bench.suite.cpu;

import org.openjdk.jmh.annotations.Param;

/** The CPU suite on matmul: a size x size double matrix product, split by rows (memory-bound contrast). */
public class MatmulBenchmark extends CpuSuite {

    @Param({"320"})
    public long size;

    @Override
    protected String workloadId() {
        return "matmul";
    }

    @Override
    protected long problemSize() {
        return size;
    }
}
