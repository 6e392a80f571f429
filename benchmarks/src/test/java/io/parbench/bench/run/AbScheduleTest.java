package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AbScheduleTest {

    static List<AbSchedule.Unit> units(int n) {
        List<AbSchedule.Unit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new AbSchedule.Unit("b" + i, "^b" + i + "$", Map.of("strategy", "s" + i), 0));
        }
        return out;
    }

    @Test
    void everyRoundRunsEveryBenchmarkOnceAsAPair() {
        AbSchedule s = AbSchedule.of(units(30), 5, 42);
        assertEquals(5, s.rounds().size());
        for (AbSchedule.Round r : s.rounds()) {
            assertEquals(30, r.steps().size());
            assertEquals(30, new HashSet<>(r.steps().stream().map(AbSchedule.Step::unit).toList()).size());
            r.steps().forEach(st -> assertEquals(r.number(), st.round()));
        }
    }

    /** The seed replays the schedule: the order and who runs first, exactly as ab.json's note describes them. */
    @Test
    void theSeedReplaysOrderAndWhoRunsFirst() {
        for (int rounds : new int[] {4, 5}) {
            List<AbSchedule.Unit> units = units(12);
            AbSchedule s = AbSchedule.of(units, rounds, 99);
            assertEquals(s, AbSchedule.of(units, rounds, 99));
            // as ab.json's "about" says: Random(seed) draws each benchmark's orders, in the matrix's order ...
            Random orders = new Random(99);
            java.util.Map<AbSchedule.Unit, List<Boolean>> first = new java.util.HashMap<>();
            for (AbSchedule.Unit u : units) {
                int baseFirst = rounds / 2 + (rounds % 2 == 1 && orders.nextBoolean() ? 1 : 0);
                List<Boolean> list = new ArrayList<>(Collections.nCopies(baseFirst, true));
                list.addAll(Collections.nCopies(rounds - baseFirst, false));
                Collections.shuffle(list, orders);
                first.put(u, list);
            }
            for (AbSchedule.Round r : s.rounds()) {
                Random random = new Random(99 + r.number()); // ... and Random(seed + round) shuffles the round
                List<AbSchedule.Unit> order = new ArrayList<>(units);
                Collections.shuffle(order, random);
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(order.get(i), r.steps().get(i).unit());
                    assertEquals(first.get(order.get(i)).get(r.number() - 1), r.steps().get(i).baseFirst());
                }
            }
            assertNotEquals(s, AbSchedule.of(units, rounds, 100));
        }
    }

    /** Each benchmark runs base-first in half its rounds (one more of either when odd), not as coins fall. */
    @Test
    void eachSideGoesFirstInHalfOfEveryBenchmarksRounds() {
        for (int rounds : new int[] {6, 7}) {
            AbSchedule s = AbSchedule.of(units(30), rounds, 7);
            java.util.Map<AbSchedule.Unit, Integer> baseFirst = new java.util.HashMap<>();
            s.rounds().forEach(r -> r.steps().forEach(st -> baseFirst.merge(st.unit(), st.baseFirst() ? 1 : 0, Integer::sum)));
            assertEquals(30, baseFirst.size());
            for (int n : baseFirst.values()) {
                assertTrue(n == rounds / 2 || n == (rounds + 1) / 2, n + " of " + rounds);
            }
            if (rounds % 2 == 1) { // the odd round's extra goes either way
                assertTrue(baseFirst.containsValue(rounds / 2) && baseFirst.containsValue(rounds / 2 + 1), baseFirst.toString());
            }
            // and not in the same rounds for every benchmark
            assertTrue(s.rounds().get(0).steps().stream().anyMatch(AbSchedule.Step::baseFirst)
                    && s.rounds().get(0).steps().stream().anyMatch(st -> !st.baseFirst()));
        }
        AbSchedule s = AbSchedule.of(units(30), 6, 7);
        assertNotEquals(s.rounds().get(0).steps().stream().map(AbSchedule.Step::unit).toList(),
                s.rounds().get(1).steps().stream().map(AbSchedule.Step::unit).toList());
        assertThrows(IllegalArgumentException.class, () -> AbSchedule.of(units(2), 0, 1));
    }

    /** The quick profile's A/B iterations fill in only what the user's JMH options leave open. */
    @Test
    void quickIterationsYieldToTheUsersOptions() {
        assertEquals(List.of("-wi", "3", "-w", "100ms", "-i", "5", "-r", "100ms"),
                AbCommand.withDefaults(Profile.QUICK, List.of()));
        assertEquals(List.of("-wi", "3", "-w", "100ms", "-r", "100ms", "-i", "9"),
                AbCommand.withDefaults(Profile.QUICK, List.of("-i", "9")));
        assertEquals(List.of("-i", "9"), AbCommand.withDefaults(Profile.SMOKE, List.of("-i", "9")));
        assertEquals(6, AbCommand.defaultRounds(Profile.QUICK));
    }
}
