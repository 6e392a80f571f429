package io.parbench.bench.suite.sync;

import io.parbench.bench.process.IpcChannel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One message to a child JVM and its echo back, through a pipe, a loopback socket, or memory both JVMs map
 * ({@code shared-memory}), for a small message (64 bytes) and a large one (1 MiB); every byte of the echo is
 * checked.
 *
 * <p>The lesson: a pipe or a socket costs system calls and copies through the kernel, and a wake-up of the other
 * process, per message; shared memory costs neither (the other side polls for the sequence number), so it wins
 * for small messages by as much as the wake-up costs, while for large ones copying the bytes dominates everywhere.
 *
 * <p>Run: {@code java -jar benchmarks.jar IpcRoundTrip -p bytes=64}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class IpcRoundTrip {

    @Param({"pipe", "socket", "shared-memory"})
    public String channel;

    @Param({"64", "1048576"})
    public int bytes;

    private IpcChannel ipc;
    private byte[] message;
    private long round;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (bytes < 8) {
            throw new IllegalArgumentException("bytes must be >= 8; got " + bytes);
        }
        message = new byte[bytes];
        new SplittableRandom(11).nextBytes(message);
        ipc = IpcChannel.open(channel, bytes);
    }

    @Benchmark
    public int roundTrip() throws Exception {
        long r = ++round; // every message differs in its first 8 bytes: a stale echo fails the check
        for (int i = 0; i < 8; i++) {
            message[i] = (byte) (r >>> (8 * i));
        }
        return ipc.roundTrip(message, bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (ipc != null) {
            ipc.close();
        }
    }
}
