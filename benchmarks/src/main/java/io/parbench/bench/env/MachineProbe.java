package io.parbench.bench.env;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Describes the machine (through oshi, plus a few Linux files oshi does not read) and the JVM. Run it once, in
 * the launcher: it costs about a quarter of a second, which does not belong in every fork.
 */
public final class MachineProbe {

    private final SystemInfo systemInfo = new SystemInfo();
    private final Path sysRoot;

    public MachineProbe() {
        this(Path.of("/"));
    }

    /** A probe that reads Linux's /sys and /proc files under {@code sysRoot} (tests point it at a fixture). */
    MachineProbe(Path sysRoot) {
        this.sysRoot = sysRoot;
    }

    public MachineInfo machine() {
        HardwareAbstractionLayer hal = systemInfo.getHardware();
        CentralProcessor cpu = hal.getProcessor();
        CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
        int numaNodes = (int) cpu.getLogicalProcessors().stream().mapToInt(CentralProcessor.LogicalProcessor::getNumaNode)
                .distinct().count();
        long maxFreq = cpu.getMaxFreq();
        var cpuInfo = new MachineInfo.Cpu(
                id.getName().trim(),
                id.getVendor(),
                id.getFamily(),
                id.getModel(),
                id.getStepping(),
                id.getMicroarchitecture(),
                cpu.getPhysicalPackageCount(),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                Math.max(numaNodes, 1),
                cpu.getLogicalProcessorCount() > cpu.getPhysicalProcessorCount(),
                maxFreq > 0 ? maxFreq : null,
                readFirstLine("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").orElse(null));
        List<MachineInfo.Cache> caches = cpu.getProcessorCaches().stream()
                .map(c -> new MachineInfo.Cache(c.getLevel(), c.getType().name().toLowerCase(Locale.ROOT),
                        Integer.toUnsignedLong(c.getCacheSize()), c.getLineSize(), c.getAssociativity()))
                .sorted(Comparator.comparingInt(MachineInfo.Cache::level).thenComparing(MachineInfo.Cache::type))
                .toList();
        var memory = new MachineInfo.Memory(hal.getMemory().getTotal(), hal.getMemory().getAvailable());
        OperatingSystem os = systemInfo.getOperatingSystem();
        var osInfo = new MachineInfo.Os(os.toString(), os.getFamily(), os.getVersionInfo().getVersion(),
                System.getProperty("os.version"), System.getProperty("os.arch"), os.getBitness());
        return new MachineInfo(hostname(), cpuInfo, caches, memory, osInfo, virtualization(cpu));
    }

    public JvmInfo jvm() {
        Runtime rt = Runtime.getRuntime();
        String vtProperty = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        int vtParallelism = rt.availableProcessors();
        String vtSource = "default (available processors)";
        if (vtProperty != null) {
            try {
                vtParallelism = Integer.parseInt(vtProperty.trim());
                vtSource = "-Djdk.virtualThreadScheduler.parallelism";
            } catch (NumberFormatException e) {
                vtSource = "default (unparseable -Djdk.virtualThreadScheduler.parallelism=" + vtProperty + ")";
            }
        }
        return new JvmInfo(
                System.getProperty("java.vendor"),
                System.getProperty("java.version"),
                Runtime.version().feature(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"),
                System.getProperty("java.home"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                rt.availableProcessors(),
                rt.maxMemory(),
                ForkJoinPool.commonPool().getParallelism(),
                vtParallelism,
                vtSource);
    }

    /** Samples the CPU tick counters over {@code window} (blocking for that long). */
    public CpuActivity cpuActivity(java.time.Duration window) {
        CentralProcessor cpu = systemInfo.getHardware().getProcessor();
        long[] before = cpu.getSystemCpuLoadTicks();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] after = cpu.getSystemCpuLoadTicks();
        long total = 0;
        long[] delta = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            delta[i] = Math.max(0, after[i] - before[i]);
            total += delta[i];
        }
        if (total == 0) {
            return new CpuActivity(0, 0, window.toMillis() / 1000.0);
        }
        long idle = delta[CentralProcessor.TickType.IDLE.getIndex()] + delta[CentralProcessor.TickType.IOWAIT.getIndex()];
        long steal = delta[CentralProcessor.TickType.STEAL.getIndex()];
        return new CpuActivity(round2((double) (total - idle) / total), round2((double) steal / total),
                window.toMillis() / 1000.0);
    }

    public LoadAverage loadAverage() {
        double[] load = systemInfo.getHardware().getProcessor().getSystemLoadAverage(3);
        return new LoadAverage(round2(load[0]), round2(load[1]), round2(load[2]));
    }

    /** parbench's version (the jar's manifest), the git commit and dirty flag of {@code home}, JMH's version. */
    public ToolkitInfo toolkit(Path home) {
        String version = Optional.ofNullable(MachineProbe.class.getPackage().getImplementationVersion()).orElse("dev");
        String commit = git(home, "rev-parse", "HEAD").orElse(null);
        Boolean dirty = commit == null ? null
                : git(home, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank()).orElse(null);
        return new ToolkitInfo(version, commit, dirty, org.openjdk.jmh.util.Version.getPlainVersion());
    }

    private MachineInfo.Virtualization virtualization(CentralProcessor cpu) {
        String hypervisor = null;
        boolean flag = cpu.getFeatureFlags().stream().anyMatch(l -> (" " + l + " ").contains(" hypervisor "));
        String vendor = readFirstLine("sys/hypervisor/type")
                .or(() -> readFirstLine("sys/class/dmi/id/sys_vendor").filter(MachineProbe::looksVirtual))
                .or(() -> readFirstLine("sys/class/dmi/id/product_name").filter(MachineProbe::looksVirtual))
                .orElse(null);
        if (vendor != null) {
            hypervisor = vendor;
        } else if (flag) {
            hypervisor = "unknown"; // the CPU's hypervisor flag is set, but the guest is not told the vendor
        }
        return new MachineInfo.Virtualization(hypervisor, container().orElse(null), cgroupCpuQuota().orElse(null),
                readFirstLine("sys/fs/cgroup/cpuset.cpus.effective").orElse(null));
    }

    private static boolean looksVirtual(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        return v.contains("qemu") || v.contains("kvm") || v.contains("vmware") || v.contains("virtualbox")
                || v.contains("xen") || v.contains("microsoft") || v.contains("amazon ec2") || v.contains("google")
                || v.contains("bochs") || v.contains("firecracker") || v.contains("parallels");
    }

    private Optional<String> container() {
        String env = System.getenv("container");
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        if (Files.exists(sysRoot.resolve(".dockerenv"))) {
            return Optional.of("docker");
        }
        if (Files.exists(sysRoot.resolve("run/.containerenv"))) {
            return Optional.of("podman");
        }
        return readAll("proc/1/cgroup").flatMap(s -> {
            for (String name : List.of("kubepods", "docker", "containerd", "lxc", "podman")) {
                if (s.contains(name)) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        });
    }

    /** The cgroup CPU limit in CPUs (v2 cpu.max, else v1 cfs quota / period), if there is one. */
    Optional<Double> cgroupCpuQuota() {
        Optional<String> v2 = readFirstLine("sys/fs/cgroup/cpu.max");
        if (v2.isPresent()) {
            String[] parts = v2.get().trim().split("\\s+");
            if (parts.length == 2 && !parts[0].equals("max")) {
                return Optional.of(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]));
            }
            return Optional.empty();
        }
        Optional<String> quota = readFirstLine("sys/fs/cgroup/cpu/cpu.cfs_quota_us");
        Optional<String> period = readFirstLine("sys/fs/cgroup/cpu/cpu.cfs_period_us");
        if (quota.isPresent() && period.isPresent()) {
            long q = Long.parseLong(quota.get().trim());
            long p = Long.parseLong(period.get().trim());
            if (q > 0 && p > 0) {
                return Optional.of((double) q / p);
            }
        }
        return Optional.empty();
    }

    private Optional<String> readFirstLine(String relative) {
        return readAll(relative).map(s -> s.lines().findFirst().orElse("").trim()).filter(s -> !s.isEmpty());
    }

    private Optional<String> readAll(String relative) {
        Path p = sysRoot.resolve(relative);
        try {
            return Files.isReadable(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This machine's name: $HOSTNAME, else the resolver's, else "localhost" (never throws). */
    public static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static Optional<String> git(Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", home.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
