package io.parbench.analyzer.cli;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.chart.ChartFiles;
import io.parbench.analyzer.chart.MachinesChart;
import io.parbench.analyzer.io.OutputFolder;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.Block;
import io.parbench.analyzer.report.HtmlRenderer;
import io.parbench.analyzer.report.MarkdownRenderer;
import io.parbench.analyzer.report.ReportDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge}: one report over several runs, usually from several machines. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "One report over several runs (usually several machines): a table of the machines, and for each "
                + "workload the speedup curve of every machine (its best-scaling strategy) on one chart.",
        footer = {"", "Example:", "  parbench merge runs/run-ubuntu-latest runs/run-ubuntu-24.04-arm --out merged"})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "2..*", description = "Run folders or JMH JSON files (two or more).")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the merged report goes (default: merged/ beside the first run).")
    Path out;

    @Override
    public Integer call() throws Exception {
        RunReader reader = new RunReader();
        List<Run> runs = inputs.stream().map(reader::read).toList();
        List<Analysis> analyses = runs.stream().map(Analysis::of).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            names.add(name(runs.get(i), i));
        }
        Path target = (out != null ? out : runs.get(0).resultsFile().toAbsolutePath().getParent().getParent().resolve("merged"))
                .toAbsolutePath().normalize();
        OutputFolder folder = OutputFolder.open(target, "merge", runs.stream().map(Run::resultsFile).toList());
        Path tmp = folder.staging();
        Files.createDirectories(tmp.resolve("charts"));
        try {
            List<Block> blocks = new ArrayList<>();
            String title = "parbench: " + runs.size() + " runs compared";
            blocks.add(new Block.Heading(1, title, "top"));
            blocks.add(new Block.Heading(2, "The machines", "machines"));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Environment e = runs.get(i).environment();
                rows.add(List.of(names.get(i), orDash(e.text("machine", "cpu", "model")),
                        orDash(e.text("machine", "cpu", "physicalCores")) + " / " + orDash(e.text("machine", "cpu", "logicalCpus")),
                        orDash(e.text("jvm", "version")), orDash(e.text("profile")), Integer.toString(e.warnings().size())));
            }
            blocks.add(new Block.Table(List.of("Run", "CPU", "Cores / logical CPUs", "JVM", "Profile", "Noise warnings"), rows,
                    new boolean[] {false, false, true, false, false, true}));
            Map<String, List<MachinesChart.Line>> byWorkload = new LinkedHashMap<>();
            for (int i = 0; i < analyses.size(); i++) {
                for (ScalingGroup g : analyses.get(i).groups()) {
                    ScalingGroup.Curve best = g.curves().stream().filter(c -> c.best() != null)
                            .max(Comparator.comparingDouble(c -> c.best().speedup().estimate())).orElse(null);
                    if (best != null) {
                        byWorkload.computeIfAbsent(g.title(), k -> new ArrayList<>())
                                .add(new MachinesChart.Line(names.get(i), best.strategy(), best.points()));
                    }
                }
            }
            if (byWorkload.isEmpty()) {
                blocks.add(new Block.Paragraph("None of these runs has parbench's strategy and threads params, so there "
                        + "are no speedup curves to set side by side; report each run on its own."));
            }
            int index = 0;
            for (var e : byWorkload.entrySet()) {
                String chart = String.format(Locale.ROOT, "%02d-%s", ++index, ReportDocument.slug(e.getKey()));
                ChartFiles.write(MachinesChart.of(e.getKey(), e.getValue()), tmp.resolve("charts"), chart, 900, 520);
                blocks.add(new Block.Heading(2, e.getKey(), chart));
                blocks.add(new Block.Figure(chart, "Speedup on each machine for " + e.getKey(),
                        "Each machine's best-scaling strategy, with 95% intervals."));
                List<List<String>> t = new ArrayList<>();
                for (MachinesChart.Line l : e.getValue()) {
                    ScalingGroup.Point p = l.points().stream().max(Comparator.comparingDouble(x -> x.speedup().estimate()))
                            .orElseThrow();
                    t.add(List.of(l.machine(), l.strategy(), Format.speedup(p.speedup()), Integer.toString(p.threads()),
                            Format.percent(p.efficiency())));
                }
                blocks.add(new Block.Table(List.of("Run", "Best strategy", "Best speedup [95% CI]", "At threads", "Efficiency"),
                        t, new boolean[] {false, false, true, true, true}));
            }
            Files.writeString(tmp.resolve("index.html"), HtmlRenderer.render(title, blocks), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.md"), MarkdownRenderer.render(blocks), StandardCharsets.UTF_8);
            folder.commit();
        } finally {
            folder.abandon();
        }
        System.out.println(target.resolve("index.html"));
        return 0;
    }

    /** "host (run id)", or the file's folder name when there is no environment. */
    static String name(Run run, int index) {
        Environment e = run.environment();
        String host = e.text("machine", "hostname");
        String id = e.text("runId");
        if (host != null) {
            return host + (id != null ? " (" + id + ")" : "");
        }
        Path parent = run.resultsFile().toAbsolutePath().getParent();
        return parent == null ? "run " + (index + 1) : parent.getFileName().toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
