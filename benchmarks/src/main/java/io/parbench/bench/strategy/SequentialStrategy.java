package io.parbench.bench.strategy;

import io.parbench.bench.workload.cpu.RangeWorkload;

/** One loop on the calling thread: the baseline every speedup is measured against. */
public final class SequentialStrategy implements CpuStrategy {

    @Override
    public String id() {
        return "sequential";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public long compute(RangeWorkload workload) {
        return workload.computeAll();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
