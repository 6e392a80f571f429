package io.parbench.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineProbeTest {

    @TempDir
    Path root;

    @Test
    void describesThisMachineConsistentlyWithTheJvm() {
        MachineProbe probe = new MachineProbe();
        MachineInfo m = probe.machine();
        JvmInfo jvm = probe.jvm();
        assertTrue(m.cpu().logicalCpus() >= 1);
        assertTrue(m.cpu().physicalCores() >= 1 && m.cpu().physicalCores() <= m.cpu().logicalCpus());
        assertTrue(m.cpu().numaNodes() >= 1);
        assertTrue(jvm.availableProcessors() <= m.cpu().logicalCpus());
        assertTrue(m.memory().totalBytes() > 0);
        for (MachineInfo.Cache c : m.caches()) {
            // Sizes are bytes: an L1 smaller than 4 KiB would mean the library reported KiB.
            assertTrue(c.level() > 1 || c.sizeBytes() >= 4096, c.toString());
        }
        assertEquals(Runtime.version().feature(), jvm.feature());
        assertNotNull(probe.loadAverage());
        CpuActivity activity = probe.cpuActivity(java.time.Duration.ofMillis(200));
        assertTrue(activity.busyFraction() >= 0 && activity.busyFraction() <= 1, activity.toString());
    }

    @Test
    void readsTheCgroupV2Quota() throws IOException {
        write("sys/fs/cgroup/cpu.max", "150000 100000\n");
        assertEquals(Optional.of(1.5), new MachineProbe(root).cgroupCpuQuota());
        write("sys/fs/cgroup/cpu.max", "max 100000\n");
        assertEquals(Optional.empty(), new MachineProbe(root).cgroupCpuQuota());
    }

    @Test
    void readsTheCgroupV1Quota() throws IOException {
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "200000");
        write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000");
        assertEquals(Optional.of(2.0), new MachineProbe(root).cgroupCpuQuota());
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1");
        assertEquals(Optional.empty(), new MachineProbe(root).cgroupCpuQuota());
    }

    @Test
    void warnsAboutWhatMakesNumbersNoisy() {
        var cpu = new MachineInfo.Cpu("X", "V", "6", "1", "1", "unknown", 1, 4, 8, 1, true, null, "powersave");
        var machine = new MachineInfo("h", cpu, List.of(), new MachineInfo.Memory(1, 1),
                new MachineInfo.Os("os", "f", "v", "k", "amd64", 64),
                new MachineInfo.Virtualization("KVM", "docker", 2.0, "0-7"));
        var jvm = new JvmInfo("v", "21", 21, "vm", "vmv", "/j", List.of(), List.of(), 4, 1, 3, 4, "default");
        List<String> w = NoiseWarnings.of(machine, jvm, new CpuActivity(0.40, 0.10, 1));
        assertEquals(7, w.size(), w.toString());
        assertTrue(w.get(0).contains("busy before the run: 40% of its CPU time was in use over 1 s"), w.get(0));
        assertTrue(w.get(1).contains("gave 10% of this machine's CPU time to other guests"), w.get(1));
        assertTrue(w.get(2).contains("may use 4 of the 8 logical CPUs"), w.get(2));
        assertTrue(w.get(3).contains("cgroup CPU quota of 2.00 CPUs"), w.get(3));
        assertTrue(w.get(4).contains("hypervisor (KVM)"), w.get(4));
        assertTrue(w.get(5).contains("container (docker)"), w.get(5));
        assertTrue(w.get(6).contains("governor is 'powersave'"), w.get(6));

        var quietCpu = new MachineInfo.Cpu("X", "V", "6", "1", "1", "unknown", 1, 8, 8, 1, false, 3_000_000_000L, "performance");
        var quiet = new MachineInfo("h", quietCpu, List.of(), new MachineInfo.Memory(1, 1),
                new MachineInfo.Os("os", "f", "v", "k", "amd64", 64), new MachineInfo.Virtualization(null, null, null, null));
        var fullJvm = new JvmInfo("v", "21", 21, "vm", "vmv", "/j", List.of(), List.of(), 8, 1, 7, 8, "default");
        assertFalse(NoiseWarnings.of(quiet, fullJvm, new CpuActivity(0.05, 0, 1)).iterator().hasNext(),
                "an idle machine gets no warning, whatever its load average");
    }

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
