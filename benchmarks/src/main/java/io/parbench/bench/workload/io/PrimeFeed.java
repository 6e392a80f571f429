package io.parbench.bench.workload.io;

import io.parbench.bench.workload.cpu.PrimeCount;
import java.nio.charset.StandardCharsets;

/**
 * The hybrid workload: {@code items} ranges of numbers served by a {@link LoopbackServer} (I/O: each GET of
 * {@code /item/<i>} waits {@code latencyMs} and answers "lo hi"), and the primes counted in each range (CPU:
 * trial division over {@code width} numbers). The answer is the number of primes in all the ranges, which is
 * the number of primes in [{@link #BASE}, BASE + items x width).
 */
public final class PrimeFeed implements AutoCloseable {

    /** Where the first range starts. */
    public static final long BASE = 1_000_000;

    /** One fetched range: the numbers [lo, hi). */
    public record Range(long lo, long hi) {
    }

    private final int items;
    private final int width;
    private final LoopbackServer server;
    private final HttpFetcher fetcher;

    public PrimeFeed(int items, long latencyMs, int width) throws IoFailure {
        if (items < 0 || latencyMs < 0 || width < 1) {
            throw new IllegalArgumentException("the hybrid workload needs items >= 0, latencyMs >= 0, width >= 1; got items="
                    + items + ", latencyMs=" + latencyMs + ", width=" + width);
        }
        this.items = items;
        this.width = width;
        this.fetcher = new HttpFetcher();
        try {
            this.server = LoopbackServer.start(0, latencyMs, this::body, LoopbackServer.Fault.NONE);
        } catch (IoFailure e) {
            fetcher.close();
            throw e;
        }
    }

    public int items() {
        return items;
    }

    private byte[] body(int i) {
        long lo = BASE + (long) i * width;
        return (lo + " " + (lo + width)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Stage 1 (I/O): GETs range {@code i} from the server. */
    public Range fetch(int i) throws Exception {
        String text = new String(fetcher.get(server.item(i), -1), StandardCharsets.US_ASCII);
        String[] parts = text.trim().split(" ");
        if (parts.length != 2) {
            throw new IoFailure("GET " + server.item(i) + " answered '" + text + "', not 'lo hi'");
        }
        return new Range(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** Stage 2 (CPU): the primes in a fetched range. */
    public static long count(Range r) {
        return new PrimeCount(r.lo(), r.hi() - r.lo()).computeAll();
    }

    /** The answer, computed without the server. */
    public long expected() {
        return new PrimeCount(BASE, (long) items * width).computeAll();
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } finally {
            server.close();
        }
    }
}
