package io.parbench.bench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The parent side of a conversation with a child JVM ({@link IpcEchoMain}) that echoes every message: through a
 * pipe (the child's stdin and stdout), a loopback TCP socket, or a memory-mapped file both JVMs map
 * ({@code shared-memory}). {@link #roundTrip} sends a message, waits for the echo and checks every byte. The
 * child, the socket and the file are released by {@link #close()}.
 */
public final class IpcChannel implements AutoCloseable {

    public static final List<String> KINDS = List.of("pipe", "socket", "shared-memory");

    private final String kind;
    private final Process child;
    private final int capacity;
    private DataInputStream in;
    private DataOutputStream out;
    private Socket socket;
    private SharedMemory shm;
    private Path file;
    private long seq;
    private final byte[] reply;

    private IpcChannel(String kind, Process child, int capacity) {
        this.kind = kind;
        this.child = child;
        this.capacity = capacity;
        this.reply = new byte[capacity];
    }

    /** Starts the child and connects to it; messages may be up to {@code capacity} bytes. */
    public static IpcChannel open(String kind, int capacity) throws IOException {
        return open(kind, capacity, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #open(String, int)}, with the shared-memory file in {@code folder} (tests give each their own). */
    public static IpcChannel open(String kind, int capacity, Path folder) throws IOException {
        switch (kind) {
            case "pipe" -> {
                Process p = ChildJvms.start(ChildJvms.command(List.of(), IpcEchoMain.class.getName(), "pipe"));
                IpcChannel c = new IpcChannel(kind, p, capacity);
                c.in = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16));
                c.out = new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16));
                return c;
            }
            case "socket" -> {
                try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    server.setSoTimeout(30_000);
                    Process p = ChildJvms.start(ChildJvms.command(List.of(), IpcEchoMain.class.getName(), "socket",
                            Integer.toString(server.getLocalPort())));
                    IpcChannel c = new IpcChannel(kind, p, capacity);
                    try {
                        c.socket = server.accept();
                    } catch (SocketTimeoutException e) {
                        c.close();
                        throw new IOException("the child JVM did not connect to 127.0.0.1:" + server.getLocalPort()
                                + " within 30 s");
                    }
                    c.socket.setTcpNoDelay(true);
                    c.socket.setSoTimeout(30_000);
                    c.in = new DataInputStream(new BufferedInputStream(c.socket.getInputStream(), 1 << 16));
                    c.out = new DataOutputStream(new BufferedOutputStream(c.socket.getOutputStream(), 1 << 16));
                    return c;
                }
            }
            case "shared-memory" -> {
                Path f = Files.createTempFile(folder, "parbench-shm-", ".bin");
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    SharedMemory shm = new SharedMemory(ch.map(FileChannel.MapMode.READ_WRITE, 0,
                            SharedMemory.size(capacity)), capacity);
                    Process p = ChildJvms.start(ChildJvms.command(List.of(), IpcEchoMain.class.getName(), "shm",
                            f.toString(), Integer.toString(capacity)));
                    IpcChannel c = new IpcChannel(kind, p, capacity);
                    c.shm = shm;
                    c.file = f;
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (!shm.ready()) {
                        if (!p.isAlive() || System.nanoTime() > deadline) {
                            c.close();
                            throw new IOException("the child JVM did not map " + f + " within 30 s");
                        }
                        Thread.sleep(1);
                    }
                    return c;
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(f);
                    throw e;
                } catch (InterruptedException e) {
                    Files.deleteIfExists(f);
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the child JVM started", e);
                }
            }
            default -> throw new IllegalArgumentException("unknown channel '" + kind + "'; valid: " + String.join(", ", KINDS));
        }
    }

    public String kind() {
        return kind;
    }

    /** Sends {@code n} bytes of {@code message}, waits for the echo and checks it; returns the echo's length. */
    public int roundTrip(byte[] message, int n) throws IOException {
        if (n > capacity) {
            throw new IllegalArgumentException("message of " + n + " bytes exceeds the channel's " + capacity);
        }
        int got;
        if (shm != null) {
            shm.writeRequest(message, n, ++seq);
            got = shm.awaitResponse(seq, reply, child);
        } else {
            out.writeInt(n);
            out.write(message, 0, n);
            out.flush();
            got = in.readInt();
            in.readFully(reply, 0, got);
        }
        if (got != n || !Arrays.equals(message, 0, n, reply, 0, n)) {
            throw new IOException(kind + ": the echo differs from the message (" + got + " bytes back for " + n + ")");
        }
        return got;
    }

    @Override
    public void close() {
        try {
            if (shm != null) {
                shm.goodbye();
            }
            if (out != null) {
                out.close();
            }
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                ChildJvms.destroy(child);
            }
        } catch (InterruptedException e) {
            ChildJvms.destroy(child);
            Thread.currentThread().interrupt();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("parbench: could not delete " + file + ": " + e.getMessage());
            }
        }
    }
}
