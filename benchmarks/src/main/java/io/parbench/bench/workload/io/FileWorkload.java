package io.parbench.bench.workload.io;

import io.parbench.bench.Cleanup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Each task reads one file of {@code fileBytes} (and first, when {@code write} is set, writes it and forces it to
 * the device with fsync) and returns the CRC-32 of what it read. The files live in a temporary folder made with
 * the workload (one file per task) and deleted, folder and all, by {@link #close()}.
 *
 * <p>Reads of files just written come from the page cache: without {@code write} this is a memory-speed workload
 * with system-call overhead, not a disk benchmark; with {@code write} every task waits for the device.
 *
 * <p>{@link #taskAsync(int)} uses {@link AsynchronousFileChannel}. On Linux the JDK implements it with blocking
 * reads on a thread pool (there is no asynchronous file API it uses), so "async" here means "on the workload's pool
 * of as many threads as processors", and fsync has no asynchronous form at all.
 */
public final class FileWorkload implements IoWorkload {

    private final int tasks;
    private final int fileBytes;
    private final boolean write;
    private final Path dir;
    private final ExecutorService asyncPool;
    /** With {@code write}: every file's bytes, made once, so that a task writes them instead of making them. */
    private final byte[][] contents;

    /** Makes the temporary folder under {@code base} (or the system's) and writes every file. */
    public FileWorkload(Path base, int tasks, int fileBytes, boolean write) throws IOException {
        if (tasks < 0 || fileBytes < 0) {
            throw new IllegalArgumentException("file needs tasks >= 0 and fileBytes >= 0; got tasks=" + tasks
                    + ", fileBytes=" + fileBytes);
        }
        this.tasks = tasks;
        this.fileBytes = fileBytes;
        this.write = write;
        this.dir = base == null ? Files.createTempDirectory("parbench-file-") : Files.createTempDirectory(base, "parbench-file-");
        AtomicInteger n = new AtomicInteger();
        this.asyncPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "parbench-file-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.contents = write ? new byte[tasks][] : null;
        try {
            for (int i = 0; i < tasks; i++) {
                byte[] bytes = content(i);
                Files.write(file(i), bytes);
                if (write) {
                    contents[i] = bytes;
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException("could not write the test files in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public int tasks() {
        return tasks;
    }

    /** The temporary folder that holds the files (gone after {@link #close()}). */
    public Path directory() {
        return dir;
    }

    Path file(int i) {
        return dir.resolve("f" + i + ".bin");
    }

    /** The bytes of file {@code i}: pseudo-random, different per file, the same every time. */
    byte[] content(int i) {
        byte[] bytes = new byte[fileBytes];
        new SplittableRandom(0x5EED_0000L + i).nextBytes(bytes);
        return bytes;
    }

    @Override
    public long task(int i) throws IOException {
        Path path = file(i);
        if (write) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(contents[i]);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(fileBytes);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw shortRead(path, buf.position());
                }
            }
        }
        return crc(buf.array());
    }

    @Override
    public CompletableFuture<Long> taskAsync(int i) {
        Path path = file(i);
        CompletableFuture<Long> result = new CompletableFuture<>();
        AsynchronousFileChannel ch;
        try {
            Set<StandardOpenOption> options = write
                    ? EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                    : EnumSet.of(StandardOpenOption.READ);
            ch = AsynchronousFileChannel.open(path, options, asyncPool);
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        result.whenComplete((v, e) -> closeQuietly(ch));
        ByteBuffer readBuf = ByteBuffer.allocate(fileBytes);
        Runnable read = () -> readFully(ch, path, readBuf, result, () -> result.complete(crc(readBuf.array())));
        if (write) {
            writeFully(ch, ByteBuffer.wrap(contents[i]), result, () -> {
                try {
                    ch.force(true); // no asynchronous fsync exists: this blocks the pool thread
                    read.run();
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            });
        } else {
            read.run();
        }
        return result;
    }

    private void readFully(AsynchronousFileChannel ch, Path path, ByteBuffer buf, CompletableFuture<Long> result,
            Runnable done) {
        if (!buf.hasRemaining()) {
            done.run();
            return;
        }
        ch.read(buf, buf.position(), null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (n < 0) {
                    result.completeExceptionally(shortRead(path, buf.position()));
                } else {
                    readFully(ch, path, buf, result, done);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                result.completeExceptionally(e);
            }
        });
    }

    private static void writeFully(AsynchronousFileChannel ch, ByteBuffer buf, CompletableFuture<Long> result, Runnable done) {
        if (!buf.hasRemaining()) {
            done.run();
            return;
        }
        ch.write(buf, buf.position(), null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                writeFully(ch, buf, result, done);
            }

            @Override
            public void failed(Throwable e, Void a) {
                result.completeExceptionally(e);
            }
        });
    }

    private IoFailure shortRead(Path path, int got) {
        return new IoFailure("short read: " + path + " ended after " + got + " of " + fileBytes + " bytes");
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Override
    public long expected() {
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
            sum += crc(content(i));
        }
        return sum;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing after the answer is known
        }
    }

    @Override
    public void close() {
        Cleanup.stop(asyncPool, 10);
        Cleanup.deleteTree(dir);
    }
}
