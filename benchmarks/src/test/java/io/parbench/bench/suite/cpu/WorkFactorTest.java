package io.parbench.bench.suite.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkFactorTest {

    @Test
    void scalesOnlyTheNamedWorkloads() {
        assertEquals(360_000, WorkFactor.scaledSize("primes=1.2", "primes", 300_000));
        assertEquals(50_000_000, WorkFactor.scaledSize("primes=1.2", "sumsq", 50_000_000));
        assertEquals(55_000_000, WorkFactor.scaledSize("primes=1.2, sumsq=1.1", "sumsq", 50_000_000));
        assertEquals(300_000, WorkFactor.scaledSize(null, "primes", 300_000));
        assertEquals(300_000, WorkFactor.scaledSize("", "primes", 300_000));
    }

    @Test
    void nonsenseIsRefusedWithAnExample() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkFactor.scaledSize("primes", "primes", 1))
                .getMessage().contains("example: primes=1.2"));
        assertThrows(IllegalArgumentException.class, () -> WorkFactor.scaledSize("primes=fast", "primes", 1));
        assertThrows(IllegalArgumentException.class, () -> WorkFactor.scaledSize("primes=0", "primes", 1));
    }
}
