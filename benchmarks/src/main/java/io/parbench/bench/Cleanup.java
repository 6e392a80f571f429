package io.parbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The two ways parbench releases what a trial made: stopping a pool's threads and deleting a temporary folder. */
public final class Cleanup {

    private Cleanup() {
    }

    /**
     * Interrupts the pool's threads and waits up to {@code seconds} for them to end (a blocked task is interrupted,
     * not waited for). Keeps the caller's interrupt status if it is interrupted while waiting.
     */
    public static void stop(ExecutorService pool, long seconds) {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes {@code dir} and everything in it; says on stderr what it could not delete instead of throwing. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("parbench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
