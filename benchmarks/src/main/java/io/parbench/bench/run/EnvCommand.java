package io.parbench.bench.run;

import io.parbench.bench.env.CpuActivity;
import io.parbench.bench.env.JvmInfo;
import io.parbench.bench.env.LoadAverage;
import io.parbench.bench.env.MachineInfo;
import io.parbench.bench.env.MachineProbe;
import io.parbench.bench.env.NoiseWarnings;
import io.parbench.bench.env.ToolkitInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parbench env}: what the probe sees, readable (or as JSON). */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Describes this machine and JVM as a run's environment.json would, with the noise warnings.",
        footer = {"", "Examples:", "  parbench env", "  parbench env --json > machine.json"})
public final class EnvCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON (machine, jvm, toolkit, load average, warnings) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MachineProbe probe = new MachineProbe();
        LoadAverage load = probe.loadAverage();
        MachineInfo m = probe.machine();
        JvmInfo jvm = probe.jvm();
        ToolkitInfo toolkit = probe.toolkit(ParbenchMain.home());
        CpuActivity activity = probe.cpuActivity(java.time.Duration.ofMillis(500));
        List<String> warnings = NoiseWarnings.of(m, jvm, activity);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schemaVersion", RunEnvironment.SCHEMA_VERSION);
            doc.put("machine", m);
            doc.put("jvm", jvm);
            doc.put("toolkit", toolkit);
            doc.put("loadAverage", load);
            doc.put("cpuActivity", activity);
            doc.put("warnings", warnings);
            System.out.println(Json.MAPPER.writeValueAsString(doc));
            return 0;
        }
        System.out.println(summary(m, jvm, toolkit, load, activity, warnings));
        return 0;
    }

    static String summary(MachineInfo m, JvmInfo jvm, ToolkitInfo toolkit, LoadAverage load, CpuActivity activity,
            List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        MachineInfo.Cpu c = m.cpu();
        line(sb, "Host", m.hostname());
        line(sb, "CPU", c.model() + " (" + c.vendor() + ", family " + c.family() + " model " + c.modelNumber()
                + (c.microarchitecture() == null || c.microarchitecture().equals("unknown") ? "" : ", " + c.microarchitecture())
                + ")");
        line(sb, "Topology", String.format(Locale.ROOT, "%d package(s), %d physical core(s), %d logical CPU(s)%s, %d NUMA node(s)",
                c.physicalPackages(), c.physicalCores(), c.logicalCpus(), c.smt() ? " (SMT on)" : "", c.numaNodes()));
        line(sb, "Max frequency", c.maxFrequencyHz() == null ? "not reported"
                : String.format(Locale.ROOT, "%.2f GHz", c.maxFrequencyHz() / 1e9)
                        + (c.frequencyGovernor() == null ? "" : " (governor " + c.frequencyGovernor() + ")"));
        for (MachineInfo.Cache cache : m.caches()) {
            line(sb, "L" + cache.level() + " " + cache.type(), bytes(cache.sizeBytes()) + ", " + cache.lineSizeBytes()
                    + " B lines, " + (cache.associativity() == 0 ? "associativity unknown" : cache.associativity() + "-way"));
        }
        line(sb, "Memory", bytes(m.memory().totalBytes()) + " total, " + bytes(m.memory().availableBytes()) + " available");
        line(sb, "OS", m.os().name() + ", kernel " + m.os().kernel() + " (" + m.os().arch() + ")");
        MachineInfo.Virtualization v = m.virtualization();
        line(sb, "Virtualization", (v.hypervisor() == null ? "no hypervisor seen" : "hypervisor " + v.hypervisor())
                + ", " + (v.container() == null ? "no container seen" : "container " + v.container())
                + ", " + (v.cgroupCpuQuota() == null ? "no cgroup CPU quota" : String.format(Locale.ROOT,
                        "cgroup CPU quota %.2f", v.cgroupCpuQuota())));
        line(sb, "JVM", jvm.vmName() + " " + jvm.version() + " (" + jvm.vendor() + "), GC " + String.join(" + ",
                jvm.garbageCollectors()) + ", max heap " + bytes(jvm.maxHeapBytes()));
        line(sb, "JVM parallelism", String.format(Locale.ROOT,
                "%d available processors, common ForkJoinPool %d, virtual-thread scheduler %d (%s)",
                jvm.availableProcessors(), jvm.commonPoolParallelism(), jvm.virtualThreadParallelism(),
                jvm.virtualThreadParallelismSource()));
        line(sb, "JVM flags", jvm.inputArguments().isEmpty() ? "(none)" : String.join(" ", jvm.inputArguments()));
        line(sb, "parbench", toolkit.parbenchVersion() + (toolkit.gitCommit() == null ? "" : ", commit "
                + toolkit.gitCommit().substring(0, Math.min(12, toolkit.gitCommit().length()))
                + (Boolean.TRUE.equals(toolkit.gitDirty()) ? " (with local changes)" : "")) + ", JMH " + toolkit.jmhVersion());
        line(sb, "CPU in use", String.format(Locale.ROOT, "%.0f%% (steal %.0f%%) over the last %.1f s; load average %.2f %.2f "
                + "%.2f (1, 5, 15 min)", activity.busyFraction() * 100, activity.stealFraction() * 100,
                activity.windowSeconds(), load.oneMinute(), load.fiveMinutes(), load.fifteenMinutes()));
        if (warnings.isEmpty()) {
            sb.append("No noise warnings.\n");
        } else {
            sb.append("Warnings:\n");
            warnings.forEach(w -> sb.append("  - ").append(w).append('\n'));
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-16s %s%n", key + ":", value));
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        if (b >= 1L << 10) {
            return String.format(Locale.ROOT, "%d KiB", b >> 10);
        }
        return b + " B";
    }
}
