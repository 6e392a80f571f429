package io.parbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The A/B launcher's planning for a jar that is not parbench's, and its check that both sides hold the same benchmarks. */
class AbCommandTest {

    static final List<String> USER_JAR = List.of("com.example.MyBench.parse", "com.example.MyBench.write",
            "com.example.Other.run");

    @Test
    void aForeignJarsBenchmarksAreEachAUnitAndIncludeFiltersThemIgnoringCase() {
        List<AbSchedule.Unit> all = AbCommand.foreignUnits(USER_JAR, null);
        assertEquals(3, all.size());
        assertEquals(new AbSchedule.Unit("com.example.MyBench.parse", "^\\Qcom.example.MyBench.parse\\E$", Map.of(), 0),
                all.get(0));
        assertEquals(List.of("com.example.MyBench.parse", "com.example.MyBench.write"),
                AbCommand.foreignUnits(USER_JAR, "mybench").stream().map(AbSchedule.Unit::label).toList());
        UsageException none = assertThrows(UsageException.class, () -> AbCommand.foreignUnits(USER_JAR, "Nothing"));
        assertEquals("--include 'Nothing' matches none of the jar's 3 benchmarks", none.getMessage());
    }

    @Test
    void sidesMustHoldTheSameBenchmarksForEveryUnit() {
        List<AbSchedule.Unit> units = AbCommand.foreignUnits(USER_JAR, "MyBench");
        AbCommand.checkSameBenchmarks(units, USER_JAR, USER_JAR); // no exception
        List<String> fewer = List.of("com.example.MyBench.parse", "com.example.Other.run");
        UsageException e = assertThrows(UsageException.class, () -> AbCommand.checkSameBenchmarks(units, USER_JAR, fewer));
        assertEquals("base and candidate have different benchmark lists: only the base has com.example.MyBench.write "
                + "(leave them out with --include)", e.getMessage());
        List<String> more = List.of("com.example.MyBench.parse", "com.example.MyBench.write", "com.example.MyBench.added");
        UsageException added = assertThrows(UsageException.class, () -> AbCommand.checkSameBenchmarks(
                AbCommand.foreignUnits(more, "MyBench"), USER_JAR, more));
        assertEquals("base and candidate have different benchmark lists: only the candidate has "
                + "com.example.MyBench.added (leave them out with --include)", added.getMessage());
        // Benchmarks outside the plan may differ: a pull request may add one that --include leaves out.
        AbCommand.checkSameBenchmarks(AbCommand.foreignUnits(USER_JAR, "parse"), USER_JAR, fewer);
    }
}
