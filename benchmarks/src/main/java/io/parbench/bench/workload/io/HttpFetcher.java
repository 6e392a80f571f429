package io.parbench.bench.workload.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link HttpClient} that checks what it gets: status 200 and exactly the expected number of bytes, or an
 * {@link IoFailure} that says which request failed and how (refused, timed out, short, bad status). Every request
 * has a timeout ({@code -Dparbench.io.timeoutSeconds}, default 30), so that a dead server fails a benchmark
 * instead of hanging it.
 */
public final class HttpFetcher implements AutoCloseable {

    /** Seconds a request may take before it fails. */
    public static final long TIMEOUT_SECONDS = Long.getLong("parbench.io.timeoutSeconds", 30);

    private final HttpClient client;
    private final Duration timeout;

    public HttpFetcher() {
        this(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    public HttpFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** GETs {@code uri}, blocking; {@code expectedBytes} < 0 takes any length. */
    public byte[] get(URI uri, int expectedBytes) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw explain(uri, e);
        }
        return check(uri, response, expectedBytes);
    }

    /** GETs {@code uri} without blocking; the future fails with an {@link IoFailure} as {@link #get} would. */
    public CompletableFuture<byte[]> getAsync(URI uri, int expectedBytes) {
        return client.sendAsync(request(uri), HttpResponse.BodyHandlers.ofByteArray()).handle((response, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new CompletionException(cause instanceof IOException io ? explain(uri, io) : cause);
            }
            try {
                return check(uri, response, expectedBytes);
            } catch (IoFailure failure) {
                throw new CompletionException(failure);
            }
        });
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    }

    private static byte[] check(URI uri, HttpResponse<byte[]> response, int expectedBytes) throws IoFailure {
        if (response.statusCode() != 200) {
            throw new IoFailure("GET " + uri + " answered status " + response.statusCode() + ", not 200");
        }
        byte[] body = response.body();
        if (expectedBytes >= 0 && body.length != expectedBytes) {
            throw new IoFailure("short read: GET " + uri + " returned " + body.length + " of " + expectedBytes + " bytes");
        }
        return body;
    }

    private IoFailure explain(URI uri, IOException e) {
        if (e instanceof IoFailure failure) {
            return failure;
        }
        if (e instanceof HttpTimeoutException) {
            String after = timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
            return new IoFailure("GET " + uri + " timed out after " + after
                    + " (set -Dparbench.io.timeoutSeconds to wait longer)", e);
        }
        if (e instanceof ConnectException) {
            return new IoFailure("GET " + uri + ": connection refused (is the server up?)", e);
        }
        return new IoFailure("GET " + uri + " failed: " + e, e);
    }

    /** Closes the client and waits for its threads to end. */
    @Override
    public void close() {
        client.shutdownNow();
        client.close();
    }
}
