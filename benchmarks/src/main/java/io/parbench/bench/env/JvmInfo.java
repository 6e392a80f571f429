package io.parbench.bench.env;

import java.util.List;

/**
 * The JVM the launcher runs on. JMH forks use the same java binary and, unless {@code -jvmArgs} replaces them,
 * the same flags; JMH also records each fork's JVM in results.json.
 */
public record JvmInfo(
        String vendor,
        String version,
        int feature,
        String vmName,
        String vmVersion,
        String javaHome,
        List<String> inputArguments,
        List<String> garbageCollectors,
        int availableProcessors,
        long maxHeapBytes,
        int commonPoolParallelism,
        int virtualThreadParallelism,
        String virtualThreadParallelismSource) {
}
