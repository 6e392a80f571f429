package io.parbench.bench.workload.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * A real HTTP server on 127.0.0.1 (loopback only, never a public interface), on a free port: the JDK's built-in
 * {@code com.sun.net.httpserver} with one virtual thread per exchange, so that the server is not what limits
 * concurrency up to a thousand requests in flight. {@code GET /item/<i>} waits {@code latencyMs} (a slow backend)
 * and answers the bytes {@code body(i)} returns.
 *
 * <p>The server shares the machine with the client: on a small machine its CPU time is part of what the
 * strategies compete for, which the report says.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Ways a test makes the server misbehave. */
    public enum Fault {
        NONE,
        /** Answers half the body, chunked, so that the client sees a complete but short response. */
        SHORT_BODY,
        /** Answers 500. */
        SERVER_ERROR
    }

    static {
        // The JDK server closes idle keep-alive connections beyond 200 (ServerConfig, read once): with a thousand
        // clients in flight that would turn into a connect per request. Raise it unless the user chose a value.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Starts a server on {@code port} of 127.0.0.1 (0: a free port), or fails saying why. */
    public static LoopbackServer start(int port, long latencyMs, IntFunction<byte[]> body, Fault fault) throws IoFailure {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        } catch (IOException e) {
            throw new IoFailure("could not start the loopback HTTP server on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parbench-http-server-", 0)
                .factory());
        server.setExecutor(executor);
        server.createContext("/item/", exchange -> handle(exchange, latencyMs, body, fault));
        server.start();
        return new LoopbackServer(server, executor);
    }

    private static void handle(HttpExchange exchange, long latencyMs, IntFunction<byte[]> body, Fault fault)
            throws IOException {
        try (exchange) {
            int i;
            try {
                i = Integer.parseInt(exchange.getRequestURI().getPath().substring("/item/".length()));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
            }
            if (fault == Fault.SERVER_ERROR) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] bytes = body.apply(i);
            if (fault == Fault.SHORT_BODY) {
                exchange.sendResponseHeaders(200, 0); // chunked: the client cannot know it was cut short
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes, 0, bytes.length / 2);
                }
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** {@code http://127.0.0.1:<port>/item/<i>}. */
    public URI item(int i) {
        return base.resolve("item/" + i);
    }

    /** The address the server listens on (always a loopback address). */
    public InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    public int port() {
        return base.getPort();
    }

    /** Stops at once (exchanges in progress are cut off) and ends the server's threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        executor.close();
    }
}
