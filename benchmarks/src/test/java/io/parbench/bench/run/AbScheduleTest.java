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

    /** The seed replays the schedule: the order and the coin flips, as ab.json's note describes them. */
    @Test
    void theSeedReplaysOrderAndCoinFlips() {
        List<AbSchedule.Unit> units = units(12);
        AbSchedule s = AbSchedule.of(units, 4, 99);
        assertEquals(s, AbSchedule.of(units, 4, 99));
        for (AbSchedule.Round r : s.rounds()) {
            Random random = new Random(99 + r.number()); // as ab.json's "about" says: shuffle, then one coin each
            List<AbSchedule.Unit> order = new ArrayList<>(units);
            Collections.shuffle(order, random);
            for (int i = 0; i < order.size(); i++) {
                assertEquals(order.get(i), r.steps().get(i).unit());
                assertEquals(random.nextBoolean(), r.steps().get(i).baseFirst());
            }
        }
        assertNotEquals(s, AbSchedule.of(units, 4, 100));
    }

    @Test
    void bothSidesGoFirstAndOrdersDifferBetweenRounds() {
        AbSchedule s = AbSchedule.of(units(30), 6, 7);
        long baseFirst = s.rounds().stream().flatMap(r -> r.steps().stream()).filter(AbSchedule.Step::baseFirst).count();
        assertTrue(baseFirst > 50 && baseFirst < 130, "base first in " + baseFirst + " of 180 pairs");
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
