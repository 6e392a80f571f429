package io.parbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnswerCheckTest {

    @Test
    void aWrongLastAnswerFailsWithWhatComputedIt() {
        AnswerCheck check = new AnswerCheck();
        assertDoesNotThrow(() -> check.verify(42, () -> "nothing yet"), "no operation ran: nothing to check");
        assertEquals(41, check.record(41));
        assertEquals("pool with 2 threads computed 41 but the answer is 42",
                assertThrows(IllegalStateException.class, () -> check.verify(42, () -> "pool with 2 threads")).getMessage());
        check.record(42);
        assertDoesNotThrow(() -> check.verify(42, () -> "pool"));
    }
}
