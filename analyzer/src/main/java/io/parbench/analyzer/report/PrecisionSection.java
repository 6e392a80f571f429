package io.parbench.analyzer.report;

import io.parbench.analyzer.analysis.Analysis;
import io.parbench.analyzer.analysis.BenchmarkStats;
import io.parbench.analyzer.analysis.Format;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Environment;
import io.parbench.analyzer.model.Iterations;
import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.TwoLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's "Steady state and precision" section: for every benchmark, how its forks behaved (Barrett et al.'s
 * classes), how much the forks differ from one another against how much the iterations inside a fork do (Kalibera
 * and Jones's two levels), and the forks x iterations that would reach a given precision.
 */
final class PrecisionSection {

    /** The precision the forks column plans for: the 95% interval's half-width, relative to the score. */
    static final double TARGET = 0.02;
    /**
     * Seconds a fork is assumed to cost beyond its warm-up and measured iterations (the JVM's start, JMH's set-up),
     * where the launcher did not time the forks (a run folder written before it did, on 24.11.2026, or another tool's
     * JMH file).
     */
    static final double FORK_START_SECONDS = 1.0;

    private PrecisionSection() {
    }

    /**
     * What the plan assumes a fork and an iteration cost: the launcher's timings ({@code timed}, one per timed
     * benchmark), and for the {@code untimed} rest the assumed fork cost and the configured iteration length, when
     * there is one.
     */
    private static String costs(List<Iterations.Cost> timed, int untimed, double assumedForkCost, double iteration) {
        String assumed = String.format(Locale.ROOT, "%.1f s a fork beyond its measured iterations (assumed: the forks "
                + "were not timed) and %.2f s an iteration", assumedForkCost, iteration);
        if (timed.isEmpty()) {
            return iteration > 0 ? "for " + assumed
                    : "(none here: the file records neither what a fork cost nor how long an iteration was)";
        }
        var median = new org.apache.commons.math3.stat.descriptive.rank.Median();
        String measured = String.format(Locale.ROOT, "for each benchmark's own cost of a fork beyond its measured "
                + "iterations (the JVM's start, JMH's set-up, the warm-up) and of a measured iteration, as the "
                + "launcher timed its forks (median over the benchmarks %.2f s and %.3f s)",
                median.evaluate(timed.stream().mapToDouble(Iterations.Cost::forkSeconds).toArray()),
                median.evaluate(timed.stream().mapToDouble(Iterations.Cost::iterationSeconds).toArray()));
        if (untimed == 0) {
            return measured;
        }
        return measured + String.format(Locale.ROOT, "; for the %d whose forks were not timed, %s", untimed,
                iteration > 0 ? assumed : "none (no iteration length recorded)");
    }

    static List<Block> of(Analysis a) {
        List<BenchmarkResult> results = a.run().results();
        boolean anyForks = results.stream().anyMatch(r -> a.stats().get(r).forks() >= 2);
        boolean anyStates = results.stream().anyMatch(r -> !a.stats().get(r).forkStates().isEmpty());
        if (!anyForks && !anyStates) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Steady state and precision", "precision"));
        Environment env = a.run().environment();
        double iteration = seconds(env.text("jmh", "measurementTime"));
        double warmup = seconds(env.text("jmh", "warmupTime")) * env.number("jmh", "warmupIterations").orElse(0.0);
        double assumedForkCost = FORK_START_SECONDS + (Double.isNaN(warmup) ? 0 : warmup);
        var iterations = a.run().iterations();
        List<Iterations.Cost> timed = results.stream().flatMap(r -> iterations.costOf(r.key()).stream()).toList();
        String costs = costs(timed, results.size() - timed.size(), assumedForkCost, iteration);
        long unsettled = results.stream().filter(r -> a.stats().get(r).unsettled()).count();
        long dropped = results.stream().filter(r -> a.stats().get(r).dropped() > 0).count();
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "Each fork's iterations (its warm-up too, where the "
                + "launcher recorded them) were checked for a steady state as Barrett et al. do (outliers set aside, "
                + "changepoints by PELT, each fork classed flat, warm-up, slowdown or no steady state). %s%s"
                + "Between forks is the spread of the fork means, within forks that of the iterations inside one "
                + "(Kalibera and Jones's two levels, as %% of the score); the last two columns are their optimal "
                + "iterations per fork %s, and the forks that would bring the 95%% interval to +/-%.0f%% with that "
                + "many iterations.",
                unsettled == 0 ? "Every benchmark settled. " : unsettled + " benchmark" + (unsettled == 1 ? "" : "s")
                        + " did not settle and carr" + (unsettled == 1 ? "ies" : "y") + " no finding. ",
                dropped == 0 ? "" : dropped + " had a warm-up segment inside the measured iterations, which was dropped. ",
                costs, TARGET * 100)));
        if (!anyForks) {
            blocks.add(new Block.Note("warning", "One fork per benchmark: every interval here is computed from one JVM's "
                    + "iterations and cannot see how much one JVM differs from the next, which on a shared machine is "
                    + "often several times larger. Run more forks (the quick profile runs 3) for intervals that hold."));
        }
        long unforked = results.stream().filter(r -> r.forks() == 0).count();
        if (unforked > 0) {
            blocks.add(new Block.Note("warning", String.format(Locale.ROOT, "%s ran with forks 0 (-f 0): inside JMH's own "
                    + "JVM, one after another, not each in a fresh JVM. JMH calls this a debug mode: a benchmark inherits "
                    + "the JIT's profile of every one that ran before it in that JVM, so its score can depend on the "
                    + "order they ran in. Run with -f 1 or more before trusting a ranking.",
                    unforked == results.size() ? "Every benchmark" : unforked + " of " + results.size() + " benchmarks")));
        }
        double target = env.number("adaptive", "precision").orElse(Double.NaN);
        boolean adaptive = !Double.isNaN(target);
        if (adaptive) {
            long reached = results.stream().filter(r -> relative(a.stats().get(r)) <= target).count();
            blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "Adaptive precision (--precision %.1f%%, --max-time "
                    + "%s): %d round%s added for the benchmarks not yet within the target; %d of %d benchmarks reached it. "
                    + "The last column says which, and why not: unsettled (a fork with no steady state), or noisy (the "
                    + "forks differ too much for the forks the time allowed).", target * 100,
                    Format.num(env.number("adaptive", "maxTimeSeconds").orElse(Double.NaN)) + " s",
                    env.number("adaptive", "addedRounds").orElse(0.0).intValue(),
                    env.number("adaptive", "addedRounds").orElse(0.0).intValue() == 1 ? "" : "s", reached, results.size())));
        }
        List<List<String>> rows = new ArrayList<>();
        // Unsettled benchmarks first (they are what a reader must see), then by name, whatever order the rounds ran in.
        List<BenchmarkResult> ordered = results.stream().sorted(java.util.Comparator
                .comparing((BenchmarkResult r) -> !a.stats().get(r).unsettled())
                .thenComparing(BenchmarkResult::key, BenchmarkKey.NATURAL)).toList();
        Map<BenchmarkResult, String> marks = Cells.repeatMarks(a.run().results());
        for (BenchmarkResult r : ordered) {
            BenchmarkStats s = a.stats().get(r);
            TwoLevel t = s.levels();
            String between = t == null ? "-" : pct(Math.sqrt(Math.max(t.t2(), 0)) / s.mean());
            String within = t == null ? "-" : pct(Math.sqrt(t.t1()) / s.mean());
            String optimal = "-";
            String forks = "-";
            var cost = iterations.costOf(r.key());
            double forkCost = cost.map(c -> c.forkSeconds()).orElse(assumedForkCost);
            double iterationCost = cost.map(c -> c.iterationSeconds()).orElse(iteration);
            if (t != null && !Double.isNaN(iterationCost) && iterationCost > 0) {
                double opt = t.optimalIterations(forkCost, iterationCost);
                optimal = Double.isInfinite(opt) ? "more" : String.format(Locale.ROOT, "%.0f", Math.max(1, Math.ceil(opt)));
                int iters = Double.isInfinite(opt) ? (int) Math.round(t.iterationsPerFork()) : (int) Math.max(1, Math.ceil(opt));
                int n = t.forksFor(TARGET, iters, 0.95);
                forks = n == Integer.MAX_VALUE ? "-" : Integer.toString(n);
            }
            List<String> row = new ArrayList<>(List.of(r.key().label() + marks.get(r), Integer.toString(s.forks()),
                    s.steadyNote().isEmpty() ? "-" : s.steadyNote() + (s.unsettled() ? " (unsettled)" : ""),
                    between, within, optimal, forks));
            if (adaptive) {
                double rel = relative(s);
                row.add(rel <= target ? "yes (" + pct(rel) + ")" : s.unsettled() ? "no: unsettled"
                        : "no: noisy (" + pct(rel) + ")");
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("Benchmark", "Forks", "Steady state", "Between forks",
                "Within forks", "Optimal iterations", "Forks for \u00b1" + Math.round(TARGET * 100) + "%"));
        if (adaptive) {
            headers.add("Within target?");
        }
        blocks.add(new Block.Table(headers, rows, adaptive ? new boolean[] {false, true, false, true, true, true, true, false}
                : new boolean[] {false, true, false, true, true, true, true}));
        return blocks;
    }

    /** The 95% interval's half-width relative to the score (infinite without an interval). */
    static double relative(BenchmarkStats s) {
        double v = s.ci95() / Math.abs(s.mean());
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** Seconds in JMH's time value text ("200 ms", "1 s"), or NaN. */
    static double seconds(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String[] parts = text.trim().split("\\s+");
        try {
            double v = Double.parseDouble(parts[0]);
            return Unit.seconds(parts.length > 1 ? parts[1] : "s").map(s -> v * s).orElse(Double.NaN);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
