package io.parbench.analyzer.analysis;

import io.parbench.analyzer.io.AbReader;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.model.AbDesign;
import io.parbench.analyzer.model.BenchmarkKey;
import io.parbench.analyzer.model.BenchmarkResult;
import io.parbench.analyzer.model.Samples;
import io.parbench.analyzer.model.Unit;
import io.parbench.analyzer.stats.Bootstrap;
import io.parbench.analyzer.stats.ModeratedVariance;
import io.parbench.analyzer.stats.PairedBootstrap;
import io.parbench.analyzer.stats.Significance;
import io.parbench.analyzer.stats.SteadyState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An A/B run judged in pairs ({@code parbench ab}): for each benchmark, each round's base fork and candidate fork
 * form a pair (each fork summarised by its fastest iteration, or as {@link PairedBootstrap.ForkSummary} says), and
 * the change is the geometric mean of the within-pair ratios (oriented like {@link Comparison}: above 1 means
 * slower), with its {@link PairedBootstrap} interval. With three benchmarks or more, each one's spread of log ratios
 * is moderated towards all of theirs ({@link PairedBootstrap#moderated}: limma's moderated paired t, Smyth
 * 2004), which adds the family's degrees of freedom to its six or so pairs'. A pair with an unsettled fork (no steady
 * state, or a slowdown: {@link SteadyState}) is left out; a benchmark left with fewer than {@link #MIN_PAIRS} pairs is
 * inconclusive.
 *
 * <p>Verdicts, with t the benchmark's threshold and [lo, hi] the 95% interval of the change:
 * <ul>
 *   <li>{@code regression}: the paired t-test finds the change beyond 1 + t (one-sided), significant after the
 *       Benjamini-Hochberg correction over every benchmark compared (q &lt; 0.05), and lo &gt; 1 + t;</li>
 *   <li>{@code improvement}: the same below 1 - t;</li>
 *   <li>{@code unchanged}: the interval lies within [1 - t, 1 + t];</li>
 *   <li>{@code inconclusive}: anything else.</li>
 * </ul>
 * Pairs need no run-to-run correction: both sides ran in every round, so the overdispersion factor is 1.
 */
public final class PairedComparison {

    /** Fewer usable pairs than this and a benchmark is inconclusive. */
    public static final int MIN_PAIRS = 3;
    /** The default threshold of an A/B run: the pairs resolve changes this small on a 2-vCPU machine (README). */
    public static final double DEFAULT_THRESHOLD = 0.02;

    private PairedComparison() {
    }

    /** Judges an A/B folder, each fork summarised by its fastest iteration. */
    public static Comparison of(AbReader.Ab ab, double threshold, List<Comparison.Threshold> overrides, int resamples) {
        return of(ab, threshold, overrides, resamples, PairedBootstrap.ForkSummary.MIN);
    }

    /** Judges an A/B folder, each fork summarised by {@code summary}. */
    public static Comparison of(AbReader.Ab ab, double threshold, List<Comparison.Threshold> overrides, int resamples,
            PairedBootstrap.ForkSummary summary) {
        if (resamples < Comparison.MIN_RESAMPLES) {
            throw new IllegalArgumentException("at least " + Comparison.MIN_RESAMPLES + " resamples; got " + resamples);
        }
        Map<BenchmarkKey, BenchmarkResult> base = Comparison.index(ab.base());
        Map<BenchmarkKey, BenchmarkResult> cand = Comparison.index(ab.candidate());
        List<BenchmarkKey> common = base.keySet().stream().filter(cand::containsKey).toList();
        if (common.isEmpty()) {
            throw new InputException(ab.folder(), "holds no benchmark that both sides measured");
        }
        record Judged(BenchmarkKey key, BenchmarkStats b, BenchmarkStats c, double threshold, PairedBootstrap paired,
                int unsettled) {
        }
        List<Judged> judged = common.parallelStream().map(k -> {
            BenchmarkStats b = BenchmarkStats.of(base.get(k), ab.base().iterations().warmupOf(k));
            BenchmarkStats c = BenchmarkStats.of(cand.get(k), ab.candidate().iterations().warmupOf(k));
            List<AbDesign.Pair> design = ab.design().pairsOf(k);
            Map<Integer, Samples> bf = forks(b, ab.base().resultsFile(), k);
            Map<Integer, Samples> cf = forks(c, ab.candidate().resultsFile(), k);
            boolean throughput = b.result().primary().unit().kind() == Unit.Kind.OPS_PER_TIME;
            List<Samples[]> pairs = new ArrayList<>();
            int unsettled = 0;
            for (AbDesign.Pair p : design) {
                Samples x = bf.get(p.base());
                Samples y = cf.get(p.candidate());
                if (x == null || y == null) {
                    throw new InputException(ab.folder().resolve(AbReader.FILE), "pairs fork " + p.base() + " of the "
                            + "base with fork " + p.candidate() + " of the candidate for " + k.label() + ", but "
                            + (x == null ? "the base" : "the candidate") + " has no such fork in its results.json");
                }
                if (unsettled(b, p.base()) || unsettled(c, p.candidate())) {
                    unsettled++;
                    continue;
                }
                // Lower is better inside the pair: throughput becomes time per operation.
                pairs.add(throughput ? new Samples[] {x.reciprocal(), y.reciprocal()} : new Samples[] {x, y});
            }
            PairedBootstrap pb = pairs.isEmpty() ? null
                    : PairedBootstrap.of(pairs, summary, 0.95, resamples, Bootstrap.SEED ^ k.label().hashCode());
            return new Judged(k, b, c, Comparison.thresholdFor(k, threshold, overrides), pb, unsettled);
        }).toList();
        // every benchmark's spread of log ratios moderated towards all of theirs (Smyth 2004): 6 pairs borrow strength
        List<PairedBootstrap> spreads = judged.stream().map(Judged::paired).filter(pb -> pb != null && pb.n() >= 2).toList();
        ModeratedVariance prior = ModeratedVariance.fit(spreads.stream().mapToDouble(pb -> pb.sdLog() * pb.sdLog()).toArray(),
                spreads.stream().mapToDouble(pb -> pb.n() - 1).toArray());
        if (prior != null) {
            judged = judged.stream().map(j -> j.paired() == null ? j : new Judged(j.key(), j.b(), j.c(), j.threshold(),
                    j.paired().moderated(prior, 0.95), j.unsettled())).toList();
        }
        double[] pUp = judged.stream().mapToDouble(j -> usable(j.paired()) ? j.paired().pBeyond(1 + j.threshold(), true)
                : Double.NaN).toArray();
        double[] pDown = judged.stream().mapToDouble(j -> usable(j.paired()) ? j.paired().pBeyond(1 - j.threshold(), false)
                : Double.NaN).toArray();
        double[] qUp = Significance.benjaminiHochberg(pUp);
        double[] qDown = Significance.benjaminiHochberg(pDown);
        List<Comparison.Pair> out = new ArrayList<>();
        Map<BenchmarkKey, Comparison.Detail> details = new LinkedHashMap<>();
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            PairedBootstrap pb = j.paired();
            Bootstrap.Interval ratio = pb == null ? new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN) : pb.ratio();
            Comparison.Verdict verdict;
            double t = j.threshold();
            if (!usable(pb)) {
                verdict = Comparison.Verdict.INCONCLUSIVE;
            } else if (qUp[i] < 0.05 && ratio.low() > 1 + t) {
                verdict = Comparison.Verdict.REGRESSION;
            } else if (qDown[i] < 0.05 && ratio.high() < 1 - t) {
                verdict = Comparison.Verdict.IMPROVEMENT;
            } else if (ratio.low() >= 1 - t && ratio.high() <= 1 + t) {
                verdict = Comparison.Verdict.UNCHANGED;
            } else {
                verdict = Comparison.Verdict.INCONCLUSIVE;
            }
            out.add(new Comparison.Pair(j.key(), j.b(), j.c(), t, ratio, ratio, pb == null ? Double.NaN : pb.pChange(),
                    verdict));
            details.put(j.key(), new Comparison.Detail(pb == null ? 0 : pb.n(), j.unsettled(),
                    pb == null ? Double.NaN : pb.sdLog(), pb == null ? Double.NaN : pb.minimumDetectableEffect(),
                    pb == null ? Double.NaN : pb.smallestCaught(t),
                    pb == null ? -1 : pb.moreRoundsToHalve(), qUp[i]));
        }
        List<BenchmarkKey> added = cand.keySet().stream().filter(k -> !base.containsKey(k)).toList();
        List<BenchmarkKey> removed = base.keySet().stream().filter(k -> !cand.containsKey(k)).toList();
        return new Comparison(ab.base(), ab.candidate(), out, added, removed,
                Comparison.environmentDifferences(ab.base(), ab.candidate()), 1.0,
                new Comparison.Paired(ab.design(), details, prior, summary));
    }

    private static boolean usable(PairedBootstrap pb) {
        return pb != null && pb.n() >= MIN_PAIRS;
    }

    /** A fork's steady samples by its index among the benchmark's rawData rows. */
    private static Map<Integer, Samples> forks(BenchmarkStats s, java.nio.file.Path file, BenchmarkKey k) {
        Map<Integer, Samples> out = new HashMap<>();
        if (!s.fromRawSamples()) {
            throw new InputException(file, "keeps no raw samples for " + k.label() + ": pairs cannot be formed without them");
        }
        for (Samples f : s.steady().byFork()) {
            out.put(f.fork(0), f);
        }
        return out;
    }

    /** True when fork {@code index} of {@code s} reached no steady state. */
    private static boolean unsettled(BenchmarkStats s, int index) {
        if (index >= s.forkStates().size()) {
            return false;
        }
        SteadyState.Kind kind = s.forkStates().get(index).kind();
        return kind == SteadyState.Kind.SLOWDOWN || kind == SteadyState.Kind.NO_STEADY_STATE;
    }
}
