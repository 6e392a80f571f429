package io.parbench.bench.process;

import io.parbench.bench.workload.cpu.CpuWorkloads;
import io.parbench.bench.workload.cpu.RangeWorkload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The main class of a child worker JVM: answers {@link WorkerProtocol} requests on stdin/stdout until stdin
 * closes. It also exits by itself when the JVM that started it is gone (killed with no chance to close the
 * pipe cleanly), so that no worker outlives its parent.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        watchParent();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.US_ASCII);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        Map<String, RangeWorkload> workloads = new HashMap<>();
        out.println(WorkerProtocol.READY + " " + ProcessHandle.current().pid());
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(WorkerProtocol.EXIT)) {
                break;
            }
            out.println(answer(line, workloads));
            out.flush();
        }
        System.exit(0);
    }

    static String answer(String line, Map<String, RangeWorkload> workloads) {
        String[] parts = line.trim().split(" ");
        try {
            switch (parts[0]) {
                case WorkerProtocol.PING:
                    return WorkerProtocol.PONG;
                case WorkerProtocol.RANGE:
                    if (parts.length != 4) {
                        return WorkerProtocol.ERR + " RANGE needs <workload spec> <from> <to>; got: " + line;
                    }
                    // Building a workload can be costly (matmul fills two matrices): keep it for later requests.
                    RangeWorkload w = workloads.get(parts[1]);
                    if (w == null) {
                        w = CpuWorkloads.fromSpec(parts[1]);
                        workloads.put(parts[1], w);
                    }
                    return WorkerProtocol.OK + " " + w.computeRange(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
                default:
                    return WorkerProtocol.ERR + " unknown request: " + line;
            }
        } catch (RuntimeException e) {
            return WorkerProtocol.ERR + " " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    public static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread.ofPlatform().daemon(true).name("parbench-parent-watch").start(() -> {
            // isAlive() compares start times too, so a reused pid or a re-parenting to init does not fool it.
            while (parent.isAlive()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parbench worker " + ProcessHandle.current().pid() + ": parent gone, exiting");
            Runtime.getRuntime().halt(3);
        });
    }
}
