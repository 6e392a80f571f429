package io.parbench.bench.workload.io;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Each task GETs {@code /item/<i>} from a {@link LoopbackServer} that waits {@code latencyMs} and answers
 * {@code responseBytes} bytes, through one shared {@link java.net.http.HttpClient} (HTTP/1.1, keep-alive), and
 * returns the CRC-32 of the body. Server and client are made with the workload and closed by {@link #close()}.
 */
public final class HttpWorkload implements IoWorkload {

    private final int tasks;
    private final int responseBytes;
    private final LoopbackServer server;
    private final HttpFetcher fetcher;
    /** Every body, made once: the server answers from memory, so it spends no time making bytes per request. */
    private final byte[][] bodies;

    public HttpWorkload(int tasks, long latencyMs, int responseBytes) throws IoFailure {
        this(tasks, latencyMs, responseBytes, LoopbackServer.Fault.NONE, new HttpFetcher());
    }

    /** For tests: a server that misbehaves as told, a fetcher with its own timeout. */
    public HttpWorkload(int tasks, long latencyMs, int responseBytes, LoopbackServer.Fault fault, HttpFetcher fetcher)
            throws IoFailure {
        if (tasks < 0 || latencyMs < 0 || responseBytes < 0) {
            fetcher.close();
            throw new IllegalArgumentException("http needs tasks, latencyMs and responseBytes >= 0; got tasks=" + tasks
                    + ", latencyMs=" + latencyMs + ", responseBytes=" + responseBytes);
        }
        this.tasks = tasks;
        this.responseBytes = responseBytes;
        this.fetcher = fetcher;
        this.bodies = new byte[tasks][];
        for (int i = 0; i < tasks; i++) {
            bodies[i] = makeBody(i);
        }
        try {
            this.server = LoopbackServer.start(0, latencyMs, this::body, fault);
        } catch (IoFailure e) {
            fetcher.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return "http";
    }

    @Override
    public int tasks() {
        return tasks;
    }

    public LoopbackServer server() {
        return server;
    }

    byte[] body(int i) {
        return i >= 0 && i < bodies.length ? bodies[i] : makeBody(i);
    }

    private byte[] makeBody(int i) {
        byte[] bytes = new byte[responseBytes];
        new SplittableRandom(0xB0D7_0000L + i).nextBytes(bytes);
        return bytes;
    }

    @Override
    public long task(int i) throws Exception {
        return FileWorkload.crc(fetcher.get(server.item(i), responseBytes));
    }

    @Override
    public CompletableFuture<Long> taskAsync(int i) {
        return fetcher.getAsync(server.item(i), responseBytes).thenApply(FileWorkload::crc);
    }

    @Override
    public long expected() {
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
            sum += FileWorkload.crc(body(i));
        }
        return sum;
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
