package io.parbench.bench.strategy;

import java.util.List;

/** Makes a CPU strategy from its id (the {@code strategy} JMH param). */
public final class CpuStrategies {

    private static final List<String> IDS =
            List.of("sequential", "platform", "pool", "virtual", "forkjoin", "stream", "process", "process-cold");

    private CpuStrategies() {
    }

    /** The valid ids, in the order reports show them. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * A strategy ready to compute; the caller closes it.
     *
     * @throws IllegalArgumentException naming the valid ids when {@code id} is unknown
     */
    public static CpuStrategy create(String id, Chunking chunking) {
        return switch (id) {
            case "sequential" -> new SequentialStrategy();
            case "platform" -> new PlatformThreadStrategy(chunking);
            case "pool" -> new ThreadPoolStrategy(chunking);
            case "virtual" -> new VirtualThreadStrategy(chunking);
            case "forkjoin" -> new ForkJoinStrategy(chunking);
            case "stream" -> new ParallelStreamStrategy(chunking);
            case "process" -> new WarmProcessStrategy(chunking);
            case "process-cold" -> new ColdProcessStrategy(chunking);
            default -> throw new IllegalArgumentException(
                    "unknown CPU strategy '" + id + "'; valid strategies: " + String.join(", ", IDS));
        };
    }
}
