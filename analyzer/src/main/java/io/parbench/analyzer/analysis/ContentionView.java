package io.parbench.analyzer.analysis;

import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ScalingLaws;
import io.parbench.analyzer.stats.UniversalScalability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One benchmark method swept over a concurrency axis, for benchmarks without parbench's {@code strategy} param (the
 * sync suite's contention benchmarks, and users' own suites): JMH's threads ({@code -t}, the contenders), a numeric
 * param with a concurrency name ({@link #CONCURRENCY}: threads, parallelism, workers, clients, ...), or the param
 * named by {@code --scaling-param}; failing those, any whole-number param of {@link #MIN_PARAM_VALUES} values or more
 * (lines, no scaling figures). A line per value of one other param that varies; the params that are the same
 * everywhere go in the title, and when more than one other param varies, each combination of the rest gets a view of
 * its own (small multiples), so a chart never holds more lines than one param has values.
 *
 * <p>Each line is measured against its own lowest axis value: the gain (the speedup of one operation when the axis
 * is a param, the system's throughput when it is JMH's threads, whose time-per-operation scores are per thread),
 * with a 95% bootstrap interval (forks resampled first), the efficiency (gain over the axis's growth), the Karp-Flatt
 * serial fraction and, with four axis values or more, the Universal Scalability Law with intervals on its parameters
 * and peak.
 *
 * @param title   the benchmark's short name and mode, then the params that are fixed in this view
 * @param axis    the axis's label: "Contenders (JMH threads)" or the param's name
 * @param concurrency true when the axis sets how many things run at once (gains, efficiency and the USL are
 *                    computed); false for any other numeric param of {@link #MIN_PARAM_VALUES} values or more (a size,
 *                    a depth), drawn as lines with no scaling figures
 * @param series  label (the param that varies, "primitive=atomic"; "score" when none) to points sorted by the axis
 * @param scaling the same labels to their gains and fit
 */
public record ContentionView(String title, String unit, String axis, boolean jmhThreads, boolean concurrency,
        Map<String, List<Point>> series, Map<String, Scaling> scaling) {

    /** Values a numeric param that is not a concurrency axis needs to become a line chart (two are a bar chart). */
    public static final int MIN_PARAM_VALUES = 3;

    /** The label of JMH's own threads as an axis. */
    public static final String JMH_THREADS = "Contenders (JMH threads)";

    /**
     * Param names taken as a concurrency axis without being asked (whole name, any case): the names JMH suites give
     * the knob that sets how many things run at once.
     */
    public static final Pattern CONCURRENCY = Pattern.compile("(?i)threads?|n_?threads|thread_?count|parallelism|"
            + "concurrency|workers?|clients?|producers|consumers|connections|contenders|cpus|cores|fibers|in_?flight|"
            + "pool_?size");

    /** One axis value of a line. */
    public record Point(int contenders, BenchmarkStats stats) {
    }

    /** One line's scaling: a gain per axis value (the first is 1 by definition), and the USL or why there is none. */
    public record Scaling(List<Gain> gains, UniversalScalability usl, String uslNote) {
    }

    /**
     * The gain at axis value {@code n} over the line's lowest, with its 95% interval, the efficiency, and the
     * Karp-Flatt serial fraction with the axis's growth as the processor count (NaN at the lowest value).
     */
    public record Gain(int n, Bootstrap.Interval gain, double efficiency, double karpFlatt) {
    }

    /**
     * One view per benchmark method (per combination of the params that neither draw a line nor are the axis) that ran
     * at two or more values of its axis.
     *
     * @param scalingParam the param to use as the axis wherever a method has it with two numeric values or more
     *                     (null: JMH's threads, then a param named like {@link #CONCURRENCY})
     * @throws InputException when {@code scalingParam} is given and no benchmark of the run can be swept over it
     */
    public static List<ContentionView> of(Run run, Map<BenchmarkResult, BenchmarkStats> stats, String scalingParam,
            ScalingAnalysis ratios) {
        Map<String, List<BenchmarkResult>> byMethod = new LinkedHashMap<>();
        for (BenchmarkResult r : run.results()) {
            if (r.key().param("strategy") == null) {
                byMethod.computeIfAbsent(r.key().benchmark() + "|" + r.key().mode() + "|" + r.primary().unitText(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<ContentionView> views = new ArrayList<>();
        boolean scalingParamUsed = false;
        for (List<BenchmarkResult> rs : byMethod.values()) {
            String param = axisParam(rs, scalingParam);
            scalingParamUsed |= scalingParam != null && scalingParam.equals(param);
            boolean concurrency = true;
            if (param == null && rs.stream().map(r -> r.key().jmhThreads()).distinct().count() < 2) {
                param = numericParam(rs);
                if (param == null) {
                    continue;
                }
                concurrency = false;
            }
            views.addAll(views(rs, param, concurrency, stats, ratios));
        }
        if (scalingParam != null && !scalingParamUsed) {
            TreeSet<String> seen = new TreeSet<>();
            run.results().forEach(r -> seen.addAll(r.key().params().keySet()));
            throw new InputException("--scaling-param " + scalingParam + ": no benchmark here has a param '" + scalingParam
                    + "' with two numeric values or more (params seen: " + (seen.isEmpty() ? "none" : String.join(", ", seen))
                    + ")");
        }
        views.sort(Comparator.comparing(ContentionView::title)); // the rounds' order is random: report in a fixed one
        return views;
    }

    /**
     * The param that is this method's axis: {@code scalingParam} when it has two numeric values or more; else null
     * when JMH's threads vary; else the first param named like {@link #CONCURRENCY} with two numeric values or more.
     */
    static String axisParam(List<BenchmarkResult> rs, String scalingParam) {
        if (scalingParam != null && numericValues(rs, scalingParam) >= 2) {
            return scalingParam;
        }
        if (rs.stream().map(r -> r.key().jmhThreads()).distinct().count() >= 2) {
            return null;
        }
        TreeSet<String> names = new TreeSet<>();
        rs.forEach(r -> names.addAll(r.key().params().keySet()));
        return names.stream().filter(n -> CONCURRENCY.matcher(n).matches() && numericValues(rs, n) >= 2).findFirst()
                .orElse(null);
    }

    /**
     * The numeric param with the most values (at least {@link #MIN_PARAM_VALUES}; ties by name) of a method with no
     * concurrency axis, or null: a size, a depth, drawn as lines.
     */
    static String numericParam(List<BenchmarkResult> rs) {
        TreeSet<String> names = new TreeSet<>();
        rs.forEach(r -> names.addAll(r.key().params().keySet()));
        String best = null;
        long most = MIN_PARAM_VALUES - 1;
        for (String n : names) {
            long count = numericValues(rs, n);
            if (count > most) {
                best = n;
                most = count;
            }
        }
        return best;
    }

    /** How many distinct whole-number values {@code param} takes, or 0 when any result lacks one. */
    private static long numericValues(List<BenchmarkResult> rs, String param) {
        TreeSet<Integer> values = new TreeSet<>();
        for (BenchmarkResult r : rs) {
            Integer v = intOf(r.key().param(param));
            if (v == null) {
                return 0;
            }
            values.add(v);
        }
        return values.size();
    }

    private static Integer intOf(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<ContentionView> views(List<BenchmarkResult> rs, String param, boolean concurrency,
            Map<BenchmarkResult, BenchmarkStats> stats, ScalingAnalysis ratios) {
        boolean jmh = param == null;
        // The other params: fixed ones go in the title; of the varying ones, the one with fewest values draws lines.
        Map<String, TreeSet<String>> values = new TreeMap<>();
        rs.forEach(r -> r.key().params().forEach((k, v) -> {
            if (!k.equals(param)) {
                values.computeIfAbsent(k, x -> new TreeSet<>()).add(v);
            }
        }));
        List<String> varying = values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt((String k) -> values.get(k).size()).thenComparing(Comparator.naturalOrder()))
                .toList();
        String line = varying.isEmpty() ? null : varying.get(0);
        Map<String, List<BenchmarkResult>> panels = new LinkedHashMap<>();
        for (BenchmarkResult r : rs) {
            SortedMap<String, String> panel = new TreeMap<>();
            r.key().params().forEach((k, v) -> {
                if (!k.equals(param) && !k.equals(line)) {
                    panel.put(k, v);
                }
            });
            panels.computeIfAbsent(join(panel), k -> new ArrayList<>()).add(r);
        }
        BenchmarkResult first = rs.get(0);
        boolean higherIsBetter = first.primary().unit().kind() == Unit.Kind.OPS_PER_TIME;
        List<ContentionView> out = new ArrayList<>();
        for (var panel : panels.entrySet()) {
            Map<String, List<Point>> series = new TreeMap<>();
            for (BenchmarkResult r : panel.getValue()) {
                String label = line == null ? "score" : line + "=" + r.key().param(line);
                int n = jmh ? r.key().jmhThreads() : intOf(r.key().param(param));
                series.computeIfAbsent(label, k -> new ArrayList<>()).add(new Point(n, stats.get(r)));
            }
            series.values().forEach(l -> l.sort(Comparator.comparingInt(Point::contenders)));
            Map<String, Scaling> scaling = new TreeMap<>();
            if (concurrency) {
                series.forEach((label, points) -> scaling.put(label, scaling(points, jmh, higherIsBetter, ratios)));
            }
            out.add(new ContentionView(first.key().shortName() + " (" + first.key().mode() + ")"
                    + (panel.getKey().isEmpty() ? "" : " " + panel.getKey()), first.primary().unitText(),
                    jmh ? JMH_THREADS : param, jmh, concurrency, series, scaling));
        }
        return out;
    }

    private static String join(SortedMap<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /**
     * The gains of one line over its lowest axis value n0. The work per operation is the same at every axis value, so
     * the gain at n is the speedup of an operation (time ratio, or throughput ratio in throughput mode); with JMH's
     * threads as the axis a time-per-operation score is each thread's, so the system's throughput gain is that
     * ratio times n / n0. Efficiency is the gain over n / n0.
     */
    static Scaling scaling(List<Point> points, boolean jmh, boolean higherIsBetter, ScalingAnalysis ratios) {
        List<Gain> gains = new ArrayList<>();
        Point base = points.get(0);
        if (points.size() < 2 || base.contenders() <= 0) {
            return new Scaling(List.of(), null, points.size() < 2 ? "one axis value"
                    : "the lowest axis value is " + base.contenders() + ", so there is nothing to scale from");
        }
        List<UniversalScalability.Point> throughput = new ArrayList<>();
        for (Point p : points) {
            double growth = (double) p.contenders() / base.contenders();
            double perThread = jmh && !higherIsBetter ? growth : 1; // per-thread times: n threads do n operations
            Bootstrap.Interval r = ratios.speedup(base.stats(), p.stats(), higherIsBetter);
            Bootstrap.Interval g = new Bootstrap.Interval(r.estimate() * perThread, r.low() * perThread,
                    r.high() * perThread);
            gains.add(new Gain(p.contenders(), g, g.estimate() / growth, ScalingLaws.karpFlatt(g.estimate(), growth)));
            double mean = p.stats().mean();
            throughput.add(new UniversalScalability.Point(p.contenders(), higherIsBetter ? mean : (jmh ? p.contenders() : 1) / mean));
        }
        UniversalScalability usl = null;
        String note = "";
        try {
            usl = UniversalScalability.fit(throughput);
        } catch (IllegalArgumentException e) {
            note = e.getMessage().replace("thread counts", "axis values");
        }
        return new Scaling(gains, usl, note);
    }

    /** Every result this view shows. */
    public List<BenchmarkResult> results() {
        return series.values().stream().flatMap(List::stream).map(p -> p.stats().result()).toList();
    }
}
