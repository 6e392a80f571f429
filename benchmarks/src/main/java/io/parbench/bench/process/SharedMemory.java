package io.parbench.bench.process;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The layout of the file two JVMs map to talk through memory: a request slot and a response slot, each a sequence
 * number, a length and the bytes. A side writes the bytes and the length, then publishes the sequence number with
 * release semantics; the other side polls the number with acquire semantics (spinning briefly, then parking for
 * microseconds), so it sees the bytes written before it. No system call carries the message: that is the point.
 */
final class SharedMemory {

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int REQ_SEQ = 0;
    private static final int REQ_LEN = 8;
    private static final int RESP_SEQ = 16;
    private static final int RESP_LEN = 24;
    private static final int READY = 32;
    private static final int DATA = 64;
    /** A request sequence number that asks the child to exit. */
    static final long GOODBYE = Long.MAX_VALUE;

    private final MappedByteBuffer map;
    private final int capacity;

    SharedMemory(MappedByteBuffer map, int capacity) {
        this.map = map;
        this.capacity = capacity;
    }

    static long size(int capacity) {
        return DATA + 2L * capacity;
    }

    void markReady() {
        LONGS.setRelease(map, READY, 1L);
    }

    boolean ready() {
        return (long) LONGS.getAcquire(map, READY) == 1L;
    }

    void writeRequest(byte[] bytes, int n, long seq) {
        map.put(DATA, bytes, 0, n);
        LONGS.set(map, REQ_LEN, (long) n);
        LONGS.setRelease(map, REQ_SEQ, seq);
    }

    void goodbye() {
        LONGS.setRelease(map, REQ_SEQ, GOODBYE);
    }

    /** Waits for a request newer than {@code seen}; -1 for goodbye or when {@code alive} says the other side is gone. */
    long awaitRequest(long seen, Process other) throws IOException {
        long seq = await(REQ_SEQ, seen, other);
        return seq == GOODBYE ? -1 : seq;
    }

    int readRequest(byte[] into) {
        int n = (int) (long) LONGS.get(map, REQ_LEN);
        map.get(DATA, into, 0, n);
        return n;
    }

    void writeResponse(byte[] bytes, int n, long seq) {
        map.put(DATA + capacity, bytes, 0, n);
        LONGS.set(map, RESP_LEN, (long) n);
        LONGS.setRelease(map, RESP_SEQ, seq);
    }

    /** Waits for the response to request {@code seq} and copies it into {@code into}; returns its length. */
    int awaitResponse(long seq, byte[] into, Process child) throws IOException {
        await(RESP_SEQ, seq - 1, child);
        int n = (int) (long) LONGS.get(map, RESP_LEN);
        map.get(DATA + capacity, into, 0, n);
        return n;
    }

    private long await(int offset, long seen, Process other) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int spins = 0; ; spins++) {
            long v = (long) LONGS.getAcquire(map, offset);
            if (v != seen) {
                return v;
            }
            if (spins < 20_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000); // do not burn a core while the other side is idle
                if ((spins & 1023) == 0) {
                    if (other != null && !other.isAlive()) {
                        throw new IOException("the child JVM (pid " + other.pid() + ") exited while the shared memory "
                                + "waited for it");
                    }
                    if (other != null && System.nanoTime() > deadline) { // the child waits as long as its parent lives
                        throw new IOException("no answer through shared memory within 30 s");
                    }
                }
            }
        }
    }
}
