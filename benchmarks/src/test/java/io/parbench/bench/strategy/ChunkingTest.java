package io.parbench.bench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkingTest {

    @Test
    void chunksCoverTheRangeOnceInNearEqualPieces() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (long units : new long[] {0, 1, 2, 7, 31, 32, 33, 1000, 4099}) {
                Chunking c = new Chunking(threads, 4);
                List<Chunking.Range> ranges = c.split(units);
                assertEquals(Math.min(units, threads * 4L), ranges.size());
                long next = 0;
                long min = Long.MAX_VALUE;
                long max = 0;
                for (Chunking.Range r : ranges) {
                    assertEquals(next, r.from(), "contiguous");
                    assertTrue(r.length() > 0, "no empty chunk");
                    next = r.to();
                    min = Math.min(min, r.length());
                    max = Math.max(max, r.length());
                }
                assertEquals(units, next, "covers [0, units)");
                if (!ranges.isEmpty()) {
                    assertTrue(max - min <= 1, "near-equal");
                    assertEquals(max, c.grain(units));
                }
            }
        }
    }

    @Test
    void theDefaultIsFourChunksPerThread() {
        assertEquals(4, Chunking.of(3).chunksPerThread());
        assertEquals(12, Chunking.of(3).chunkCount(1_000));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Chunking(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new Chunking(2, 0));
    }
}
