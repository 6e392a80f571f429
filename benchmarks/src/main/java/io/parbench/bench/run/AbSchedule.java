package io.parbench.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order of an A/B run ({@code parbench ab}): in each round every benchmark runs one fork on each side, back to
 * back, the benchmarks in a fresh random order and the two sides of each pair in a coin-flip order, so that neither a
 * burst of noise nor a trend in the machine's state (a warming CPU, a neighbour starting up) can favour one side
 * (randomized multiple interleaved trials: Abedi and Brecht, ICPE 2017; pairs run side by side: Bulej et al., "Duet
 * Benchmarking", ICPE 2020). Round r draws from {@code java.util.Random(seed + r)}: first the shuffle, then one coin
 * per benchmark in the shuffled order, so a recorded seed replays the schedule exactly.
 */
public record AbSchedule(long seed, List<Round> rounds) {

    /** One benchmark of the matrix: what a single JMH invocation runs (one fork of it). */
    public record Unit(String label, String includePattern, Map<String, String> params, int jmhThreads) {

        static Unit of(PlannedBenchmark b) {
            return new Unit(b.label(), b.entry().includePattern(), b.params(), b.jmhThreads());
        }
    }

    /** One pair: {@code unit} runs a fork on each side, the base first when {@code baseFirst}. */
    public record Step(int round, Unit unit, boolean baseFirst) {
    }

    /** One round's pairs, in the order they run. */
    public record Round(int number, List<Step> steps) {
    }

    public static AbSchedule of(List<Unit> units, int rounds, long seed) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round; got " + rounds);
        }
        List<Round> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            out.add(round(units, r, seed));
        }
        return new AbSchedule(seed, List.copyOf(out));
    }

    /** Round {@code r} of the schedule with {@code seed}: the same every time. */
    static Round round(List<Unit> units, int r, long seed) {
        Random random = new Random(seed + r);
        List<Unit> order = new ArrayList<>(units);
        Collections.shuffle(order, random);
        List<Step> steps = new ArrayList<>();
        for (Unit u : order) {
            steps.add(new Step(r, u, random.nextBoolean()));
        }
        return new Round(r, List.copyOf(steps));
    }
}
