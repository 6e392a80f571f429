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
        bestSpeedup(g, logicalCpus).ifPresent(out::add);
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
        List<ScalingGroup.Ranking.Entry> ties = r.ties();
        List<ScalingGroup.Ranking.Entry> untested = r.entries().stream()
                .filter(e -> e.verdict() == ScalingGroup.Ranking.Verdict.UNKNOWN).toList();
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
        if (!r.unsettled().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "; %s reached no steady state here and %s not ranked%s",
                    String.join(", ", r.unsettled()), r.unsettled().size() == 1 ? "is" : "are",
                    r.contested() ? " (and might have won: this ranking settles nothing)" : ""));
        }
        String sentence = sb.append('.').toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("threads", r.threads());
        data.put("unsettled", r.unsettled());
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
        return bestSpeedup(g, 0);
    }

    /**
     * The best speedup, named superlinear when it exceeds the threads that produced it on CPU-bound work, with the
     * evidence for the likely causes: a slow baseline fork (the sequential forks disagree) or caches (each thread's
     * share of the data fits where the whole did not), and whether the interval even excludes linear.
     */
    static java.util.Optional<Finding> bestSpeedup(ScalingGroup g, int logicalCpus) {
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
        int parallelism = logicalCpus > 0 ? Math.min(best.threads(), logicalCpus) : best.threads();
        if (!Throughput.applies(g) && !g.weak() && best.speedup().estimate() > parallelism) {
            sentence += " " + superlinear(g, best, parallelism);
            data.put("superlinear", true);
        }
        return java.util.Optional.of(new Finding(g.title(), "best-speedup", sentence, data));
    }

    /** A baseline whose forks differ by more than this fraction is a likely cause of a superlinear speedup. */
    static final double SLOW_BASELINE_SPREAD = 0.05;

    private static String superlinear(ScalingGroup g, ScalingGroup.Point best, int parallelism) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "That is superlinear: more than %d, the "
                + "processors it ran on.", parallelism));
        double[] base = g.baseline().forkMeans();
        double lo = java.util.Arrays.stream(base).min().orElse(Double.NaN);
        double hi = java.util.Arrays.stream(base).max().orElse(Double.NaN);
        if (base.length >= 2 && hi / lo - 1 > SLOW_BASELINE_SPREAD) {
            sb.append(String.format(Locale.ROOT, " The sequential baseline's %d forks differ by %.0f%% (%s to %s): a "
                    + "slow baseline fork inflates every speedup, the likelier cause.", base.length, (hi / lo - 1) * 100,
                    Format.num(lo), Format.num(hi)));
        }
        if (!Double.isNaN(best.speedup().low()) && best.speedup().low() <= parallelism) {
            sb.append(String.format(Locale.ROOT, " Its interval reaches down to %.2fx, so linear speedup is not ruled "
                    + "out: treat it as noise.", best.speedup().low()));
        } else {
            sb.append(" Its interval excludes linear: caches are the usual cause (each thread's share of the data fits "
                    + "in a cache that the whole did not).");
        }
        return sb.toString();
    }

    /**
     * Where adding threads stops helping: the first thread count after which no later point's speedup interval
     * lies wholly above this point's estimate.
     */
    static java.util.Optional<Finding> saturation(ScalingGroup g, ScalingGroup.Curve c) {
        List<ScalingGroup.Point> pts = c.points().stream().filter(p -> !p.stats().unsettled()).toList();
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
                String sentence = String.format(Locale.ROOT, "%s: beyond %d thread%s no added thread helped by more than the "
                                + "noise (speedup %s at %d, %s at %d).", c.strategy(), p.threads(), p.threads() == 1 ? "" : "s",
                        Format.speedup(p.speedup()), p.threads(), Format.speedup(last.speedup()), last.threads());
                return java.util.Optional.of(new Finding(g.title(), "saturation", sentence,
                        Map.of("strategy", c.strategy(), "saturatesAt", p.threads())));
            }
        }
        return java.util.Optional.empty();
    }

    private static int maxThreads(ScalingGroup.Curve c) {
        return c.points().stream().mapToInt(ScalingGroup.Point::threads).max().orElse(0);
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
                            + "%.1f%%, so no thread count can exceed a speedup of %s%s.", c.strategy(), c.amdahl().upTo(),
                    f * 100, f <= 0 ? "the thread count (no serial part measured)" : String.format(Locale.ROOT, "%.1fx", 1 / f),
                    f > 0 ? String.format(Locale.ROOT, " (a ceiling extrapolated far past the %d threads measured)",
                            c.amdahl().upTo()) : ""));
            data.put("amdahlSerialFraction", f);
            data.put("amdahlUpToThreads", c.amdahl().upTo());
        } else {
            sb.append("Amdahl's law cannot be fitted to ").append(c.strategy()).append(": ").append(c.amdahl().note())
                    .append('.');
        }
        UniversalScalability usl = c.usl();
        if (usl != null) {
            double peak = usl.peakConcurrency();
            UniversalScalability.Interval peakCi = usl.peakInterval();
            int measured = maxThreads(c);
            String peakText = Double.isInfinite(peak) ? ", with no peak (throughput keeps rising)"
                    : ", so throughput peaks near " + Format.withInterval(peak, peakCi) + " threads";
            sb.append(" The USL fit gives contention sigma = ").append(Format.withInterval(usl.sigma(), usl.sigmaInterval()))
                    .append(" and coherency kappa = ").append(Format.withInterval(usl.kappa(), usl.kappaInterval()))
                    .append(peakText).append(String.format(Locale.ROOT, " (95%% intervals from the fit's residuals, "
                            + "%d degree%s of freedom left).", usl.df(), usl.df() == 1 ? "" : "s"));
            if (usl.peakBeyond(measured)) {
                sb.append(String.format(Locale.ROOT, " That peak is extrapolated: the measured points stop at %d threads.",
                        measured));
            }
            data.put("uslSigma", usl.sigma());
            data.put("uslKappa", usl.kappa());
            data.put("uslPeak", Double.isInfinite(peak) ? null : peak);
            data.put("uslPeakLow95", peakCi.known() ? peakCi.low() : null);
            data.put("uslPeakHigh95", peakCi.known() && Double.isFinite(peakCi.high()) ? peakCi.high() : null);
        } else {
            sb.append(" No USL fit: ").append(c.uslNote()).append('.');
        }
        return java.util.Optional.of(new Finding(g.title(), "fit", sb.toString(), data));
    }
}
