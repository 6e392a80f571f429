package io.parbench.bench.env;

import java.util.List;

/**
 * The machine as the probe saw it. Sizes are in bytes, frequencies in hertz; a value the OS would not tell is
 * null (or -1 for counts), never a guess.
 */
public record MachineInfo(
        String hostname,
        Cpu cpu,
        List<Cache> caches,
        Memory memory,
        Os os,
        Virtualization virtualization) {

    public record Cpu(
            String model,
            String vendor,
            String family,
            String modelNumber,
            String stepping,
            String microarchitecture,
            int physicalPackages,
            int physicalCores,
            int logicalCpus,
            int numaNodes,
            boolean smt,
            Long maxFrequencyHz,
            String frequencyGovernor) {
    }

    /** One cache level as one core (or one package, for a shared cache) sees it. */
    public record Cache(int level, String type, long sizeBytes, int lineSizeBytes, int associativity) {
    }

    public record Memory(long totalBytes, long availableBytes) {
    }

    public record Os(String name, String family, String version, String kernel, String arch, int bitness) {
    }

    /**
     * Hints that the machine is shared or limited: a hypervisor's name (null on bare metal as far as we can tell),
     * a container runtime (null if none seen), the cgroup CPU quota in CPUs (null when unlimited or unknown) and
     * the cgroup's CPU set.
     */
    public record Virtualization(String hypervisor, String container, Double cgroupCpuQuota, String cgroupCpuSet) {
    }
}
