package io.parbench.bench.run;

import io.parbench.bench.env.MachineProbe;
import io.parbench.bench.hazard.DeadlockDemo;
import io.parbench.bench.hazard.Fairness;
import io.parbench.bench.hazard.HazardResult;
import io.parbench.bench.hazard.LivelockDemo;
import io.parbench.bench.hazard.LostUpdates;
import io.parbench.bench.hazard.PinningDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parbench hazards}: the race, deadlock, livelock, starvation and pinning demos, measured, into hazards.json. */
@Command(name = "hazards", mixinStandardHelpOptions = true,
        description = "Runs the hazard demos (race, deadlock, livelock, starvation and fairness, virtual-thread pinning) and "
                + "writes their measured outcomes and lessons to hazards.json (in --out, which may be a run folder).",
        footer = {"", "Examples:", "  parbench hazards", "  parbench hazards --out reports/20261123-0812Z-myhost"})
public final class HazardsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Where hazards.json goes (default: a new reports/<run-id>-hazards/).")
    Path out;

    @Option(names = "--quiet", description = "Print only errors and the path of hazards.json.")
    boolean quiet;

    /** Runs every demo, prints each outcome and lesson, and writes hazards.json into {@code dir}; returns its path. */
    static Path runInto(Path dir, Console console) throws IOException, InterruptedException {
        int logical = Runtime.getRuntime().availableProcessors();
        List<HazardResult> results = new ArrayList<>();
        console.info("race: counting with volatile count++ and AtomicLong ...");
        results.add(LostUpdates.demo(new int[] {1, 2, Math.max(4, 2 * logical)}, 2_000_000));
        console.info("deadlock: two threads, two locks, opposite orders ...");
        results.add(DeadlockDemo.demo());
        console.info("livelock: two polite diners, always polite and polite half the time ...");
        results.add(LivelockDemo.demo());
        console.info("starvation: unfair vs fair ReentrantLock ...");
        results.add(Fairness.demo(Math.max(4, logical * 2), Duration.ofMillis(500)));
        console.info("pinning: virtual threads blocking inside synchronized vs ReentrantLock ...");
        results.add(PinningDemo.demo());
        for (HazardResult r : results) {
            console.info("");
            console.info(r.hazard() + ": " + r.outcome());
            console.info("  lesson: " + r.lesson());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 1);
        doc.put("jdk", System.getProperty("java.version"));
        doc.put("availableProcessors", logical);
        doc.put("hazards", results);
        Path file = dir.resolve("hazards.json");
        Path tmp = dir.resolve(".hazards.json.tmp");
        try (var stream = Files.newOutputStream(tmp)) {
            Json.MAPPER.writeValue(stream, doc);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out, System.err, quiet, false);
        Path dir;
        if (out != null) {
            dir = out.toAbsolutePath().normalize();
            if (Files.exists(dir.resolve("hazards.json"))) {
                throw new UsageException(dir + " already holds hazards.json: choose another --out, nothing was overwritten");
            }
            Files.createDirectories(dir);
        } else {
            dir = RunDirectory.create(null, ParbenchMain.home().resolve("reports"),
                    RunDirectory.runId(ZonedDateTime.now(), MachineProbe.hostname()) + "-hazards").path();
        }
        Path file = runInto(dir, console);
        console.result(file.toString());
        return 0;
    }
}
