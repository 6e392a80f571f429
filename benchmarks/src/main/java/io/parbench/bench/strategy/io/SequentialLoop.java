package io.parbench.bench.strategy.io;

import io.parbench.bench.workload.io.IoWorkload;

/** One task after the other on the calling thread: the baseline, whose time is the sum of every wait. */
final class SequentialLoop implements IoStrategy {

    @Override
    public String id() {
        return "sequential";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public long run(IoWorkload workload) {
        long sum = 0;
        for (int i = 0; i < workload.tasks(); i++) {
            try {
                sum += workload.task(i);
            } catch (Exception e) {
                throw IoStrategies.failure(id(), e);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
