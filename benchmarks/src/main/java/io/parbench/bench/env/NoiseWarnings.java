package io.parbench.bench.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The things about a machine that make benchmark numbers noisy, each as one plain sentence. */
public final class NoiseWarnings {

    private NoiseWarnings() {
    }

    /**
     * Warnings for a run on {@code machine} and {@code jvm}, given the load average seen before the run. (The load
     * after a run is recorded but not judged: it is mostly the run's own.)
     */
    public static List<String> of(MachineInfo machine, JvmInfo jvm, LoadAverage before) {
        List<String> warnings = new ArrayList<>();
        int logical = machine.cpu().logicalCpus();
        busy(before, logical).ifPresent(warnings::add);
        if (jvm.availableProcessors() < logical) {
            warnings.add(String.format(Locale.ROOT,
                    "The JVM may use %d of the %d logical CPUs (a container limit, a CPU set or -XX:ActiveProcessorCount): "
                            + "thread counts above %d cannot run in parallel.",
                    jvm.availableProcessors(), logical, jvm.availableProcessors()));
        }
        MachineInfo.Virtualization v = machine.virtualization();
        if (v.cgroupCpuQuota() != null && v.cgroupCpuQuota() < logical) {
            warnings.add(String.format(Locale.ROOT,
                    "A cgroup CPU quota of %.2f CPUs applies: the kernel throttles the process past that, whatever the thread count.",
                    v.cgroupCpuQuota()));
        }
        if (v.hypervisor() != null) {
            warnings.add("Running under a hypervisor (" + (v.hypervisor().equals("unknown")
                    ? "its vendor is not exposed to the guest" : v.hypervisor()) + "): virtual CPUs can be descheduled or "
                    + "shared with other guests, which adds noise, and the reported topology may not be the real one.");
        }
        if (v.container() != null) {
            warnings.add("Running in a container (" + v.container() + "): CPU and memory limits may be lower than the "
                    + "machine's.");
        }
        String governor = machine.cpu().frequencyGovernor();
        if (governor != null && !governor.equals("performance")) {
            warnings.add("The CPU frequency governor is '" + governor + "', not 'performance': clock speed changes "
                    + "with load, so single-thread and many-thread runs do not run at the same frequency.");
        }
        if (logical <= 2) {
            warnings.add("Only " + logical + " logical CPU(s): speedup cannot exceed " + logical
                    + ", and the JIT, the GC and the OS compete with the measured threads for them.");
        }
        return warnings;
    }

    private static java.util.Optional<String> busy(LoadAverage load, int logical) {
        // A load of a quarter of the CPUs (and at least 0.5) means other work takes a real share of the machine.
        if (load.oneMinute() >= Math.max(0.5, 0.25 * logical)) {
            return java.util.Optional.of(String.format(Locale.ROOT,
                    "The machine was busy before the run: load average %.2f over one minute on %d logical CPUs, so other "
                            + "work competes with the benchmarks.",
                    load.oneMinute(), logical));
        }
        return java.util.Optional.empty();
    }
}
