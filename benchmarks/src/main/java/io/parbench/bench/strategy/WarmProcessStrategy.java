package io.parbench.bench.strategy;

import io.parbench.bench.process.ProcessWorkerPool;
import io.parbench.bench.workload.cpu.RangeWorkload;

/**
 * A warm pool of {@code threads} child JVMs, started once per trial; every operation feeds them chunks over
 * pipes. What it costs beyond the work: one pipe round trip per chunk, and each child's JIT warming separately.
 */
public final class WarmProcessStrategy implements CpuStrategy {

    private final Chunking chunking;
    private final ProcessWorkerPool pool;

    public WarmProcessStrategy(Chunking chunking) {
        this.chunking = chunking;
        this.pool = ProcessWorkerPool.start(chunking.threads());
    }

    @Override
    public String id() {
        return "process";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        return pool.compute(workload, chunking.split(workload.units()));
    }

    @Override
    public void close() {
        pool.close();
    }
}
