package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.Finding;
import io.parbench.analyzer.analysis.Recommendations;
import io.parbench.analyzer.analysis.RunStatus;
import io.parbench.analyzer.analysis.ScalingGroup;
import io.parbench.analyzer.analysis.Throughput;
import io.parbench.analyzer.model.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/** Builds a report's blocks and the charts they show from an {@link Analysis}. */
public final class ReportDocument {

    /** A chart to draw: written as charts/{@code name}.png and .svg. */
    public record ChartJob(String name, Supplier<JFreeChart> chart, int width, int height) {
    }

    private final Analysis a;
    private final List<Block> blocks = new ArrayList<>();
    private final List<ChartJob> charts = new ArrayList<>();
    private final String title;

    public ReportDocument(Analysis analysis, String title) {
        this.a = analysis;
        this.title = title;
        build();
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<ChartJob> charts() {
        return charts;
    }

    private void build() {
        Environment env = a.run().environment();
        blocks.add(new Block.Heading(1, title, "top"));
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "%d benchmark%s from %s%s.", a.run().results().size(),
                a.run().results().size() == 1 ? "" : "s", a.run().resultsFile().getFileName(),
                env.present() ? ", with the run's environment.json" : " (no environment.json beside it)")));
        String status = RunStatus.of(a.run()).sentence();
        if (status != null) {
            blocks.add(new Block.Note("warning", status));
        }
        a.run().notes().forEach(n -> blocks.add(new Block.Note("info", n)));
        // The answer first (what to use, what was found, the headline chart), then the evidence, then how it was
        // measured: the machine and the method.
        recommendations();
        int headlineAt = blocks.size(); // the headline chart goes here, before the findings' many sentences
        findings();
        blocks.addAll(ClaimsSection.of(a));
        new ScalingSection(a, blocks, charts).add();
        new SweepSection(a, blocks, charts).add();
        new PlainSection(a, blocks, charts).add();
        hazards();
        new MachineSection(a, blocks).add();
        new SecondarySection(a, blocks, charts).add();
        explanations();
        headline(headlineAt);
    }

    /**
     * The results' first chart (the first workload's speedup, else the first sweep's, else the first bar chart), shown
     * once more under the answer so a reader sees the evidence before the details.
     */
    private void headline(int at) {
        blocks.stream().skip(at).filter(b -> b instanceof Block.Figure).map(b -> (Block.Figure) b).findFirst()
                .ifPresent(f -> blocks.add(at, new Block.Figure(f.name(), f.alt(), f.caption() + " The headline chart; "
                        + "the others follow.")));
    }

    private void findings() {
        if (a.findings().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Findings", "findings"));
        for (ScalingGroup g : a.groups()) {
            blocks.add(new Block.Heading(3, g.title(), null));
            blocks.add(new Block.Bullets(a.findingsFor(g).stream().map(Finding::sentence).toList()));
        }
        long noisy = a.findings().stream().filter(f -> f.kind().equals("noise")).count();
        if (noisy > 0) {
            blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "%d of %d benchmarks are noisy (a coefficient of "
                    + "variation of %.0f%% or more) or have outliers: the Notes column of each table names them, and a "
                    + "ranking that rests on one of them deserves care.", noisy, a.run().results().size(),
                    BenchmarkStats.NOISY_CV * 100)));
        }
        List<String> unsettled = a.findings().stream().filter(f -> f.kind().equals("unsettled")).map(Finding::group)
                .toList();
        if (!unsettled.isEmpty()) {
            blocks.add(new Block.Note("warning", String.format(Locale.ROOT, "%d benchmark%s did not reach a steady state "
                    + "and carr%s no finding or recommendation: %s (the steady-state table under the method shows "
                    + "each fork).", unsettled.size(), unsettled.size() == 1 ? "" : "s", unsettled.size() == 1 ? "ies" : "y",
                    unsettled.size() > UNSETTLED_NAMED ? String.join("; ", unsettled.subList(0, UNSETTLED_NAMED))
                            + " and " + (unsettled.size() - UNSETTLED_NAMED) + " more" : String.join("; ", unsettled))
                    + warmupHint(unsettled.size())));
        }
    }

    /**
     * What to do when unsettled benchmarks were still getting faster at their end: their warm-up was longer than the
     * run's (on a 2-vCPU machine, child JVMs and more threads than cores warm up slowly), so more warm-up time would
     * let them settle: time, not iterations (README, measured twice: 4 warm-up iterations of 200 ms left no fewer such
     * forks than 2, since the check sees the warm-up too; 3 of 1 s left 0 and 1 of 16). "" when none was.
     */
    private String warmupHint(int unsettled) {
        long faster = a.stats().values().stream().filter(BenchmarkStats::warmupTooShort).count();
        if (faster == 0) {
            return "";
        }
        String who = faster == unsettled ? unsettled == 1 ? "It was" : "All were"
                : faster == 1 ? "One of them was" : faster + " of them were";
        String its = faster == 1 ? "its" : "their";
        return String.format(Locale.ROOT, " %s still getting faster at %s last iteration: %s warm-up was longer than "
                + "the run's, and more warm-up time lets such forks settle (JMH's -w and -wi; with parbench, say: "
                + "scripts/parbench run ... -- -wi 3 -w 1s).", who, its, its);
    }

    /** How many unsettled benchmarks the findings name before counting the rest. */
    static final int UNSETTLED_NAMED = 5;

    private void recommendations() {
        if (a.recommendations().isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Which strategy to use", "which"));
        List<List<String>> rows = new ArrayList<>();
        for (Recommendations.Row r : a.recommendations()) {
            String workloads = r.workloads() + " workload" + (r.workloads() == 1 ? "" : "s");
            String kind = r.suite().equals("other")
                    ? "kind not recorded (" + workloads + ": no parbench environment.json says what work it is)"
                    : r.kind() + " (" + r.suite().replace("python-cpu", "python").replace("python-io", "python") + " suite, "
                            + workloads + ")";
            rows.add(List.of(kind, String.join(", ", r.use()), r.avoid().isEmpty() ? "-" : String.join(", ", r.avoid()),
                    r.reason()));
        }
        blocks.add(new Block.Table(List.of("Kind of work", "Use", "Avoid", "Why (measured here)"), rows,
                new boolean[] {false, false, false, false}));
        blocks.add(new Block.Paragraph("Measured on this machine only: rerun on the machine you deploy to. CPU-bound work "
                + "cannot use more threads than cores; I/O-bound work can, which is where virtual threads and async pay."));
    }

    private void hazards() {
        var hazards = io.parbench.analyzer.io.HazardsReader.read(a.run().resultsFile().toAbsolutePath().getParent());
        if (hazards.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(2, "Hazards", "hazards"));
        blocks.add(new Block.Paragraph("What goes wrong when coordination is missing or wrong, each demonstrated and "
                + "measured on this machine" + (hazards.get().jdk() == null ? "" : " (JDK " + hazards.get().jdk() + ")")
                + " by parbench hazards."));
        List<List<String>> rows = new ArrayList<>();
        for (var h : hazards.get().hazards()) {
            rows.add(List.of(h.hazard(), h.outcome(), h.lesson()));
        }
        blocks.add(new Block.Table(List.of("Hazard", "Measured outcome", "Lesson"), rows, new boolean[] {false, false, false}));
    }

    private void explanations() {
        blocks.add(new Block.Heading(2, "How to read this report", "explanations"));
        boolean ioGroups = a.groups().stream().anyMatch(Throughput::applies);
        for (String[] topic : Explanations.TOPICS) {
            if (topic[0].startsWith("Throughput, concurrency") ? ioGroups
                    : !a.groups().isEmpty() || topic[0].equals("Reading the numbers")) {
                blocks.add(new Block.Heading(3, topic[0], null));
                blocks.add(new Block.Paragraph(topic[1]));
            }
        }
    }

    /** A file-name-safe, lower-case version of a title. */
    public static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug.isEmpty() ? "x" : slug;
    }

    /** Metadata for summary.json: the machine in a line. */
    Map<String, Object> machineSummary() {
        Environment env = a.run().environment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", env.text("machine", "cpu", "model"));
        m.put("physicalCores", env.physicalCores().orElse(null));
        m.put("logicalCpus", env.logicalCpus().orElse(null));
        m.put("jvm", env.text("jvm", "version"));
        return m;
    }
}
