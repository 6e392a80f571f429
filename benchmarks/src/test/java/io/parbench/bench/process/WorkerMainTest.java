package io.parbench.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.bench.workload.cpu.RangeWorkload;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerMainTest {

    private final Map<String, RangeWorkload> cache = new HashMap<>();

    @Test
    void answersRangeRequestsWithThePartialAnswer() {
        assertEquals("OK 24268", WorkerMain.answer("RANGE primes/300000 0 300000", cache));
        assertEquals("OK 285", WorkerMain.answer("RANGE sumsq/10 0 10", cache));
        assertEquals("OK 0", WorkerMain.answer("RANGE sumsq/10 4 4", cache));
        assertEquals(2, cache.size(), "one workload object per spec");
        assertEquals("OK 168", WorkerMain.answer("RANGE primes/1000/lo=0 0 1000", cache));
    }

    @Test
    void answersPing() {
        assertEquals("PONG", WorkerMain.answer("PING", cache));
    }

    @Test
    void badRequestsGetAnErrorLineNotACrash() {
        assertTrue(WorkerMain.answer("RANGE primes/10", cache).startsWith("ERR RANGE needs"));
        assertTrue(WorkerMain.answer("RANGE nope/10 0 5", cache).contains("unknown CPU workload 'nope'"));
        assertTrue(WorkerMain.answer("RANGE sumsq/10 0 11", cache).contains("outside [0, 10)"));
        assertTrue(WorkerMain.answer("RANGE sumsq/ten 0 1", cache).startsWith("ERR NumberFormatException"));
        assertTrue(WorkerMain.answer("RANGE sumsq/10/lo=3 0 1", cache).contains("has a setting sumsq does not know"));
        assertTrue(WorkerMain.answer("HELLO", cache).startsWith("ERR unknown request"));
    }
}
