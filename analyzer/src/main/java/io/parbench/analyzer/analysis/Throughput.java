package io.parbench.analyzer.analysis;

import io.parbench.analyzer.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The I/O view of a scaling group: tasks per second against concurrency (the {@code threads} param: tasks in
 * flight), with the theoretical limit where the wait per task is known ({@code latencyMs}): c tasks waiting L ms
 * each complete at most c / L per millisecond. Throughput is {@code size} (tasks per operation) divided by the
 * time per operation; its interval is the time's 95% interval, inverted.
 *
 * @param tasks     tasks per operation (the {@code size} param)
 * @param latencyMs the wait per task, or NaN when the benchmark has no {@code latencyMs} param
 * @param sequential the sequential baseline's throughput
 */
public record Throughput(ScalingGroup group, long tasks, double latencyMs, Point sequential, List<Curve> curves) {

    /** Tasks per second at one concurrency, with a 95% interval. */
    public record Point(int threads, double perSecond, double low, double high) {
    }

    public record Curve(String strategy, List<Point> points) {
        public Point best() {
            return points.stream().max(java.util.Comparator.comparingDouble(Point::perSecond)).orElse(null);
        }
    }

    /** True for the groups this view is for: I/O-bound work (as the launcher recorded it), or a {@code latencyMs} param. */
    public static boolean applies(ScalingGroup g) {
        return "io".equals(g.traits().work()) || g.fixedParams().containsKey("latencyMs");
    }

    /** The view, when the group applies and its scores are times per operation with a task count. */
    public static Optional<Throughput> of(ScalingGroup g) {
        if (!applies(g)) {
            return Optional.empty();
        }
        Unit unit = g.baseline().result().primary().unit();
        long tasks = ScalingAnalysis.sizeOf(g.baseline().result());
        if (unit.kind() != Unit.Kind.TIME_PER_OP || tasks <= 0) {
            return Optional.empty();
        }
        double latency = parse(g.fixedParams().get("latencyMs"));
        List<Curve> curves = new ArrayList<>();
        for (ScalingGroup.Curve c : g.curves()) {
            curves.add(new Curve(c.strategy(), c.points().stream().map(p -> point(p.threads(), p.stats(), unit, tasks)).toList()));
        }
        return Optional.of(new Throughput(g, tasks, latency, point(1, g.baseline(), unit, tasks), curves));
    }

    private static Point point(int threads, BenchmarkStats s, Unit unit, long tasks) {
        double seconds = s.mean() * unit.toBase();
        double half = Double.isNaN(s.ci95()) ? 0 : s.ci95() * unit.toBase();
        double high = seconds - half > 0 ? tasks / (seconds - half) : Double.POSITIVE_INFINITY;
        return new Point(threads, tasks / seconds, tasks / (seconds + half), high);
    }

    private static double parse(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The most tasks per second {@code concurrency} waits of {@code latencyMs} allow, or NaN if the wait is unknown. */
    public double limit(int concurrency) {
        return latencyMs > 0 ? concurrency * 1000.0 / latencyMs : Double.NaN;
    }

    /** The largest concurrency measured. */
    public int maxThreads() {
        return curves.stream().flatMap(c -> c.points().stream()).mapToInt(Point::threads).max().orElse(1);
    }

    /**
     * Where a curve saturates: the smallest concurrency that reaches 90% of the curve's best throughput (beyond it,
     * more tasks in flight buy at most 10%).
     */
    public static Point saturation(Curve c) {
        Point best = c.best();
        return best == null ? null : c.points().stream().filter(p -> p.perSecond() >= 0.9 * best.perSecond()).findFirst()
                .orElse(best);
    }

    /** The findings of the I/O view: where each strategy saturates and what bounds it. */
    public List<Finding> findings(int logicalCpus) {
        List<Finding> out = new ArrayList<>();
        String title = group.title();
        for (Curve c : curves) {
            Point sat = saturation(c);
            Point best = c.best();
            if (sat == null || c.points().size() < 2) {
                continue;
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s reaches %s tasks/s at %d in flight",
                    c.strategy(), Format.num(best.perSecond()), best.threads()));
            if (sat.threads() < best.threads()) {
                sb.append(String.format(Locale.ROOT, " and saturates from %d (90%% of that)", sat.threads()));
            }
            double limit = limit(best.threads());
            String bound;
            if (!Double.isNaN(limit)) {
                double share = best.perSecond() / limit;
                sb.append(String.format(Locale.ROOT, ", %.0f%% of the limit of %s tasks/s that %d waits of %s ms allow",
                        share * 100, Format.num(limit), best.threads(), Format.num(latencyMs)));
                bound = hybrid() ? "the counting stage bounds it (see the last finding)"
                        : share > 1.1 ? "beyond the limit, so more tasks than the threads param were in flight: this "
                        + "strategy added threads of its own (a ForkJoinPool compensating for blocked workers does)"
                        : share >= 0.7 ? "the waiting bounds it: more in flight would help"
                        : cpuBound(best, logicalCpus, withServer());
            } else {
                bound = cpuBound(best, logicalCpus, withServer());
            }
            sb.append("; ").append(bound).append('.');
            out.add(new Finding(title, "io-saturation", sb.toString(), Map.of("strategy", c.strategy(),
                    "bestTasksPerSecond", best.perSecond(), "atThreads", best.threads(), "saturatesAt", sat.threads(),
                    "limitTasksPerSecond", Double.isNaN(limit) ? -1 : limit)));
        }
        highest().ifPresent(out::add);
        overall().ifPresent(out::add);
        if (hybrid()) {
            cpuStage(logicalCpus).ifPresent(out::add);
        }
        return out;
    }

    /** What bounds a curve that stays below its limit, in measured terms: the CPU time each task may cost at most. */
    private static String cpuBound(Point best, int logicalCpus, boolean server) {
        if (logicalCpus <= 0) {
            return "something other than waiting bounds it (the CPU each task costs, or the other side)";
        }
        double usPerTask = logicalCpus * 1e6 / best.perSecond();
        return String.format(Locale.ROOT, "at that rate %d CPUs allow %s µs of CPU per task, so the per-task cost (threads, "
                + "scheduling, system calls%s) bounds it, not the wait", logicalCpus, Format.num(usPerTask),
                server ? ", the server sharing the cores" : "");
    }

    /** True for parbench's hybrid pipeline (I/O then CPU per item). */
    private boolean hybrid() {
        return group.traits().pipeline();
    }

    /**
     * The hybrid pipeline's ceiling: sequentially an item costs its wait plus its CPU work, so the CPU part is the
     * sequential time per item minus the wait; the cores cannot finish more than cores / that per second.
     */
    private Optional<Finding> cpuStage(int logicalCpus) {
        if (Double.isNaN(latencyMs) || logicalCpus <= 0) {
            return Optional.empty();
        }
        double perItemMs = 1000 / sequential.perSecond();
        double cpuMs = perItemMs - latencyMs;
        Curve top = curves.stream().filter(c -> c.best() != null)
                .max(java.util.Comparator.comparingDouble(c -> c.best().perSecond())).orElse(null);
        if (cpuMs <= 0 || top == null) {
            return Optional.empty();
        }
        double ceiling = logicalCpus * 1000 / cpuMs;
        double share = top.best().perSecond() / ceiling;
        String sentence = String.format(Locale.ROOT, "The pipeline is bound by its CPU stage: sequentially an item takes "
                + "%s ms, %s ms of it the server's wait, so at most %s ms is work (counting primes, and the client's and "
                + "server's own share); %d CPUs could then finish %s items/s, and the best strategy, %s, reaches %s",
                Format.num(perItemMs), Format.num(latencyMs), Format.num(cpuMs), logicalCpus, Format.num(ceiling),
                top.strategy(), Format.num(top.best().perSecond()));
        sentence += share > 1.05
                ? String.format(Locale.ROOT, ", more than that: part of those %s ms was waiting too (the request's trip "
                        + "through both HTTP stacks), which overlapping also hides; at %s items/s each item costs about %s ms "
                        + "of CPU. Only more cores would go further.", Format.num(cpuMs), Format.num(top.best().perSecond()),
                        Format.num(logicalCpus * 1000 / top.best().perSecond()))
                : String.format(Locale.ROOT, " (%.0f%% of that). Overlapping the fetches hides the waiting; only more "
                        + "cores would go further.", share * 100);
        return Optional.of(new Finding(group.title(), "io-hybrid", sentence, Map.of("cpuMsPerItem", cpuMs,
                "ceilingItemsPerSecond", ceiling, "best", top.strategy(), "bestItemsPerSecond", top.best().perSecond())));
    }

    /** True when the tasks talk to a server on the same machine (parbench's http and hybrid benchmarks). */
    private boolean withServer() {
        return group.traits().server() || group.fixedParams().containsKey("responseBytes");
    }

    /** Over the whole sweep: each strategy's best throughput against the best of all. */
    private Optional<Finding> overall() {
        List<Curve> ranked = curves.stream().filter(c -> c.best() != null)
                .sorted(java.util.Comparator.comparingDouble((Curve c) -> c.best().perSecond()).reversed()).toList();
        if (ranked.size() < 2) {
            return Optional.empty();
        }
        Point top = ranked.get(0).best();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Best of each strategy over the whole sweep: %s "
                + "leads with %s tasks/s (at %d in flight, %sx sequential)", ranked.get(0).strategy(), Format.num(top.perSecond()),
                top.threads(), Format.num(top.perSecond() / sequential.perSecond())));
        List<String> others = new ArrayList<>();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put(ranked.get(0).strategy(), top.perSecond());
        for (Curve c : ranked.subList(1, ranked.size())) {
            Point b = c.best();
            others.add(String.format(Locale.ROOT, "%s %.0f%% of it (at %d)", c.strategy(), 100 * b.perSecond() / top.perSecond(),
                    b.threads()));
            data.put(c.strategy(), b.perSecond());
        }
        sb.append("; ").append(String.join(", ", others)).append('.');
        if (top.low() < ranked.get(1).best().perSecond()) {
            sb.append(String.format(Locale.ROOT, " The lead over %s is within the 95%% interval.", ranked.get(1).strategy()));
        }
        return Optional.of(new Finding(group.title(), "io-best", sb.toString(), data));
    }

    /** At the highest concurrency: who is fastest and how far from the limit. */
    private Optional<Finding> highest() {
        int max = maxThreads();
        Curve top = null;
        Point topPoint = null;
        for (Curve c : curves) {
            for (Point p : c.points()) {
                if (p.threads() == max && (topPoint == null || p.perSecond() > topPoint.perSecond())) {
                    top = c;
                    topPoint = p;
                }
            }
        }
        if (top == null) {
            return Optional.empty();
        }
        double limit = limit(max);
        String sentence = String.format(Locale.ROOT, "At %d in flight, %s completes the most tasks (%s tasks/s, %s the "
                + "sequential rate of %s tasks/s)%s.", max, top.strategy(), Format.num(topPoint.perSecond()),
                Format.num(topPoint.perSecond() / sequential.perSecond()) + "x", Format.num(sequential.perSecond()),
                Double.isNaN(limit) ? "" : String.format(Locale.ROOT, "; the limit there is %s tasks/s", Format.num(limit)));
        return Optional.of(new Finding(group.title(), "io-highest", sentence, Map.of("strategy", top.strategy(),
                "threads", max, "tasksPerSecond", topPoint.perSecond())));
    }
}
