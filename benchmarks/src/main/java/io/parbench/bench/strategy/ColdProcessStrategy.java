package io.parbench.bench.strategy;

import io.parbench.bench.process.ProcessWorkerPool;
import io.parbench.bench.workload.cpu.RangeWorkload;

/**
 * {@code threads} child JVMs spawned inside every operation, fed their chunks, then ended: what a freshly made
 * process pool pays (JVM start, class loading, a cold JIT) each time it is used.
 */
public final class ColdProcessStrategy implements CpuStrategy {

    private final Chunking chunking;

    public ColdProcessStrategy(Chunking chunking) {
        this.chunking = chunking;
    }

    @Override
    public String id() {
        return "process-cold";
    }

    @Override
    public int threads() {
        return chunking.threads();
    }

    @Override
    public long compute(RangeWorkload workload) {
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(chunking.threads())) {
            return pool.compute(workload, chunking.split(workload.units()));
        }
    }

    @Override
    public void close() {
        // children live for one operation only
    }
}
