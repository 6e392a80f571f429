package io.parbench.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order of an A/B run ({@code parbench ab}): in each round every benchmark runs one fork on each side, back to
 * back, the benchmarks in a fresh random order, so that neither a burst of noise nor a trend in the machine's state
 * (a warming CPU, a neighbour starting up) can favour one side (randomized multiple interleaved trials: Abedi and
 * Brecht, ICPE 2017; pairs run side by side: Bulej et al., "Duet Benchmarking", ICPE 2020).
 *
 * <p>Which side of a pair runs first is balanced per benchmark, as a crossover trial balances its sequences: over the
 * rounds, each benchmark runs base-first as often as candidate-first (one more of either, drawn, when the rounds are
 * odd), in a random order of rounds. Independent coin flips split six pairs 4:2 or worse two times in three and 5:1
 * or worse one time in five, and an order effect (the second fork of a pair faster or slower: -2.8 to +2.0% in four
 * hours on the development machine, README) then biases the change by a sixth or a third of it; balanced, it cancels
 * in the mean.
 *
 * <p>Replay: {@code java.util.Random(seed)} draws each benchmark's orders in the matrix's order (for each: the odd
 * round's extra side if the rounds are odd, true meaning base first, then a shuffle of the list of rounds' orders,
 * base-first ones listed first), and round r shuffles the benchmarks with {@code java.util.Random(seed + r)}.
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
        Map<Unit, List<Boolean>> baseFirst = balancedOrders(units, rounds, seed);
        List<Round> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            out.add(round(units, r, seed, baseFirst));
        }
        return new AbSchedule(seed, List.copyOf(out));
    }

    /** For each benchmark, whether the base runs first in each round: as many true as false, in a random order. */
    static Map<Unit, List<Boolean>> balancedOrders(List<Unit> units, int rounds, long seed) {
        Random random = new Random(seed);
        Map<Unit, List<Boolean>> out = new LinkedHashMap<>();
        for (Unit u : units) {
            int baseFirst = rounds / 2 + (rounds % 2 == 1 && random.nextBoolean() ? 1 : 0);
            List<Boolean> orders = new ArrayList<>(Collections.nCopies(baseFirst, true));
            orders.addAll(Collections.nCopies(rounds - baseFirst, false));
            Collections.shuffle(orders, random);
            out.put(u, orders);
        }
        return out;
    }

    /** Round {@code r} of the schedule with {@code seed}: the same every time. */
    static Round round(List<Unit> units, int r, long seed, Map<Unit, List<Boolean>> baseFirst) {
        Random random = new Random(seed + r);
        List<Unit> order = new ArrayList<>(units);
        Collections.shuffle(order, random);
        List<Step> steps = new ArrayList<>();
        for (Unit u : order) {
            steps.add(new Step(r, u, baseFirst.get(u).get(r - 1)));
        }
        return new Round(r, List.copyOf(steps));
    }
}
