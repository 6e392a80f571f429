package io.parbench.bench.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The things about a machine that make benchmark numbers noisy, each as one plain sentence. */
public final class NoiseWarnings {

    private NoiseWarnings() {
    }

    /**
     * Warnings for a run on {@code machine} and {@code jvm}, given the CPU activity measured just before the run.
     * (Load averages are recorded but not judged: on virtual machines they can stay above 1 with idle CPUs, and
     * the load after a run is mostly the run's own.)
     */
    public static List<String> of(MachineInfo machine, JvmInfo jvm, CpuActivity before) {
        List<String> warnings = new ArrayList<>();
        int logical = machine.cpu().logicalCpus();
        // A quarter of the machine's CPU time taken by others is enough to move the results.
        if (before.busyFraction() >= 0.25) {
            warnings.add(String.format(Locale.ROOT, "The machine was busy before the run: %.0f%% of its CPU time was in "
                    + "use over %.0f s, so other work competes with the benchmarks.", before.busyFraction() * 100,
                    before.windowSeconds()));
        }
        if (before.stealFraction() >= 0.05) {
            warnings.add(String.format(Locale.ROOT, "The hypervisor gave %.0f%% of this machine's CPU time to other guests "
                    + "(steal) just before the run: other tenants compete for the same cores.", before.stealFraction() * 100));
        }
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
}
