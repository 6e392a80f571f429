package io.parbench.bench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child side of {@link IpcChannel}: echoes every message back, through a pipe (stdin/stdout), a loopback
 * socket ({@code socket <port>}) or a memory-mapped file shared with the parent ({@code shm <file> <capacity>}).
 * Exits when the parent closes the channel or dies.
 */
public final class IpcEchoMain {

    private IpcEchoMain() {
    }

    public static void main(String[] args) throws IOException {
        WorkerMain.watchParent();
        switch (args.length == 0 ? "pipe" : args[0]) {
            case "pipe" -> echo(new DataInputStream(new BufferedInputStream(System.in, 1 << 16)),
                    new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
            case "socket" -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]))) {
                    s.setTcpNoDelay(true);
                    echo(new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16)),
                            new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16)));
                }
            }
            case "shm" -> shm(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("usage: IpcEchoMain pipe | socket <port> | shm <file> <capacity>");
        }
        System.exit(0);
    }

    private static void echo(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] buf = new byte[0];
        for (;;) {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (n > buf.length) {
                buf = new byte[n];
            }
            in.readFully(buf, 0, n);
            out.writeInt(n);
            out.write(buf, 0, n);
            out.flush();
        }
    }

    private static void shm(Path file, int capacity) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, SharedMemory.size(capacity));
            SharedMemory shm = new SharedMemory(map, capacity);
            shm.markReady();
            long seen = 0;
            byte[] buf = new byte[capacity];
            for (;;) {
                long seq = shm.awaitRequest(seen, null);
                if (seq < 0) {
                    return; // the parent said goodbye
                }
                seen = seq;
                int n = shm.readRequest(buf);
                shm.writeResponse(buf, n, seq);
            }
        }
    }
}
