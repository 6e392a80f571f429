package io.parbench.analyzer.analysis;

import io.parbench.analyzer.stats.UniversalScalability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns scaling groups into plain sentences, each carrying its numbers. */
public final class Findings {

    private Findings() {
    }

    public static List<Finding> of(ScalingGroup g) {
        return of(g, 0);
    }

    /**
     * The findings of a group. I/O groups (see {@link Throughput#applies}) get the throughput view's findings
     * instead of the speedup saturation and the Amdahl and USL fits, which assume that threads are processors.
     */
    public static List<Finding> of(ScalingGroup g, int logicalCpus) {
        List<Finding> out = new ArrayList<>();
        for (ScalingGroup.Ranking r : g.rankings()) {
            out.add(winner(g, r));
        }
        bestSpeedup(g).ifPresent(out::add);
        var io = Throughput.of(g);
        if (io.isPresent()) {
            out.addAll(io.get().findings(logicalCpus));
            return out;
        }
        for (ScalingGroup.Curve c : g.curves()) {
            saturation(g, c).ifPresent(out::add);
        }
        fits(g).ifPresent(out::add);
        return out;
    }

    static Finding winner(ScalingGroup g, ScalingGroup.Ranking r) {
        ScalingGroup.Ranking.Entry best = r.best();
        List<ScalingGroup.Ranking.Entry> ties = r.entries().stream().filter(e -> e.verdict().equals("tie")).toList();
        List<ScalingGroup.Ranking.Entry> untested = r.entries().stream().filter(e -> e.verdict().equals("unknown")).toList();
        String at = Throughput.applies(g) ? String.format(Locale.ROOT, "At %d in flight, ", r.threads())
                : String.format(Locale.ROOT, "At %d thread%s, ", r.threads(), r.threads() == 1 ? "" : "s");
        String time = Format.score(best.stats());
        StringBuilder sb = new StringBuilder(at);
        if (!ties.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%s is fastest (%s), but %s %s within noise of it: no single winner",
                    best.strategy(), time, list(ties), ties.size() == 1 ? "is" : "are"));
        } else if (untested.isEmpty()) {
            ScalingGroup.Ranking.Entry second = r.entries().size() > 1 ? r.entries().get(1) : null;
            sb.append(String.format(Locale.ROOT, "%s wins (%s)", best.strategy(), time));
            if (second != null) {
                sb.append(String.format(Locale.ROOT, "; the next, %s, takes %.2fx as long, a difference beyond noise",
                        second.strategy(), second.ratio()));
            }
        } else {
            sb.append(String.format(Locale.ROOT, "%s is fastest (%s)", best.strategy(), time));
        }
        if (!untested.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "; %s %s slower, but with fewer than two samples each the difference "
                    + "cannot be tested", list(untested), untested.size() == 1 ? "is" : "are"));
        }
        String sentence = sb.append('.').toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("threads", r.threads());
        data.put("winner", best.strategy());
        data.put("score", best.stats().mean());
        data.put("unit", best.stats().unit());
        data.put("withinNoise", ties.stream().map(ScalingGroup.Ranking.Entry::strategy).toList());
        data.put("untested", untested.stream().map(ScalingGroup.Ranking.Entry::strategy).toList());
        return new Finding(g.title(), "winner", sentence, data);
    }

    private static String list(List<ScalingGroup.Ranking.Entry> entries) {
        return entries.stream().map(e -> String.format(Locale.ROOT, "%s (%.2fx)", e.strategy(), e.ratio()))
                .collect(Collectors.joining(", "));
    }

    static java.util.Optional<Finding> bestSpeedup(ScalingGroup g) {
        ScalingGroup.Curve bestCurve = null;
        ScalingGroup.Point best = null;
        for (ScalingGroup.Curve c : g.curves()) {
            ScalingGroup.Point p = c.best();
            if (p != null && (best == null || p.speedup().estimate() > best.speedup().estimate())) {
                best = p;
                bestCurve = c;
            }
        }
        if (best == null) {
            return java.util.Optional.empty();
        }
        String sentence = Throughput.applies(g) // efficiency means nothing when the threads mostly wait
                ? String.format(Locale.ROOT, "The best speedup over sequential is %s with %s at %d in flight.",
                        Format.speedup(best.speedup()), bestCurve.strategy(), best.threads())
                : String.format(Locale.ROOT, "The best %sspeedup over sequential is %s with %s at %d threads "
                        + "(efficiency %.0f%%).", g.weak() ? "scaled " : "", Format.speedup(best.speedup()), bestCurve.strategy(),
                best.threads(), best.efficiency() * 100);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("strategy", bestCurve.strategy());
        data.put("threads", best.threads());
        data.put("speedup", best.speedup().estimate());
        data.put("speedupLow95", best.speedup().low());
        data.put("speedupHigh95", best.speedup().high());
        data.put("efficiency", best.efficiency());
        return java.util.Optional.of(new Finding(g.title(), "best-speedup", sentence, data));
    }

    /**
     * Where adding threads stops helping: the first thread count after which no later point's speedup interval
     * lies wholly above this point's estimate.
     */
    static java.util.Optional<Finding> saturation(ScalingGroup g, ScalingGroup.Curve c) {
        List<ScalingGroup.Point> pts = c.points();
        if (pts.size() < 2) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < pts.size() - 1; i++) {
            ScalingGroup.Point p = pts.get(i);
            boolean laterHelps = false;
            for (int j = i + 1; j < pts.size(); j++) {
                double low = pts.get(j).speedup().low();
                double compare = Double.isNaN(low) ? pts.get(j).speedup().estimate() / 1.05 : low;
                if (compare > p.speedup().estimate()) {
                    laterHelps = true;
                    break;
                }
            }
            if (!laterHelps) {
                ScalingGroup.Point last = pts.get(pts.size() - 1);
                String sentence = String.format(Locale.ROOT, "%s: adding threads beyond %d stops helping (speedup %.2fx at %d, "
                                + "%.2fx at %d).", c.strategy(), p.threads(), p.speedup().estimate(), p.threads(),
                        last.speedup().estimate(), last.threads());
                return java.util.Optional.of(new Finding(g.title(), "saturation", sentence,
                        Map.of("strategy", c.strategy(), "saturatesAt", p.threads())));
            }
        }
        return java.util.Optional.empty();
    }

    /** One sentence on the fits of the strategy with the best speedup. */
    static java.util.Optional<Finding> fits(ScalingGroup g) {
        ScalingGroup.Curve c = g.curves().stream()
                .max(java.util.Comparator.comparingDouble(x -> x.best() == null ? 0 : x.best().speedup().estimate()))
                .orElse(null);
        if (c == null) {
            return java.util.Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("strategy", c.strategy());
        if (g.weak()) {
            if (c.gustafson().ok()) {
                sb.append(String.format(Locale.ROOT, "Gustafson's law fitted to %s gives a serial fraction of %.1f%%: "
                        + "the scaled speedup grows by about %.2f per added thread.", c.strategy(),
                        c.gustafson().serialFraction() * 100, 1 - c.gustafson().serialFraction()));
                data.put("gustafsonSerialFraction", c.gustafson().serialFraction());
            } else {
                sb.append("Gustafson's law cannot be fitted: ").append(c.gustafson().note()).append('.');
            }
        } else if (c.amdahl().ok() && c.amdahl().serialFraction() >= 0.999) {
            sb.append(String.format(Locale.ROOT, "Amdahl's law fitted to %s gives a serial fraction of 100%%: at this size "
                    + "no parallel run beat sequential, so the cost of going parallel outweighs the work.", c.strategy()));
            data.put("amdahlSerialFraction", c.amdahl().serialFraction());
        } else if (c.amdahl().ok()) {
            double f = c.amdahl().serialFraction();
            sb.append(String.format(Locale.ROOT, "Amdahl's law fitted to %s up to %d threads gives a serial fraction of "
                            + "%.1f%%, so no thread count can exceed a speedup of %s.", c.strategy(), c.amdahl().upTo(),
                    f * 100, f <= 0 ? "the thread count (no serial part measured)" : String.format(Locale.ROOT, "%.1fx", 1 / f)));
            data.put("amdahlSerialFraction", f);
            data.put("amdahlUpToThreads", c.amdahl().upTo());
        } else {
            sb.append("Amdahl's law cannot be fitted to ").append(c.strategy()).append(": ").append(c.amdahl().note())
                    .append('.');
        }
        UniversalScalability usl = c.usl();
        if (usl != null) {
            sb.append(String.format(Locale.ROOT, " The USL fit gives contention sigma = %.3f and coherency kappa = %.4f%s.",
                    usl.sigma(), usl.kappa(), Double.isInfinite(usl.peakConcurrency()) ? ", with no peak (throughput keeps rising)"
                            : String.format(Locale.ROOT, ", so throughput peaks near %.0f threads", usl.peakConcurrency())));
            data.put("uslSigma", usl.sigma());
            data.put("uslKappa", usl.kappa());
            data.put("uslPeak", Double.isInfinite(usl.peakConcurrency()) ? null : usl.peakConcurrency());
        } else {
            sb.append(" No USL fit: ").append(c.uslNote()).append('.');
        }
        return java.util.Optional.of(new Finding(g.title(), "fit", sb.toString(), data));
    }
}
