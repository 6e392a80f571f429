package io.parbench.bench.suite.io;

import io.parbench.bench.workload.io.IoWorkload;
import io.parbench.bench.workload.io.LatencyWorkload;
import org.openjdk.jmh.annotations.Param;

/**
 * The pure cost of waiting: {@code size} tasks that each wait {@code latencyMs}. With concurrency c the floor is
 * size / c x latency per operation; what a strategy adds above it is what holding a waiting task costs it.
 *
 * <p>Run: {@code scripts/parbench run --suite io --include Latency}, or for the 10,000 x 10 ms case
 * {@code scripts/parbench run --suite io --include Latency --sizes latency=10000 --threads 4,10000
 * --strategies pool,virtual,async -- -p latencyMs=10}.
 */
public class LatencyBenchmark extends IoSuite {

    @Param({"1"})
    public long latencyMs;

    @Override
    protected IoWorkload createWorkload(int tasks) {
        return new LatencyWorkload(tasks, latencyMs);
    }
}
