package io.parbench.bench.workload.io;

import java.io.IOException;

/** A task's I/O went wrong in a way that says what happened: a short read, a bad status, a refused connection. */
public final class IoFailure extends IOException {

    public IoFailure(String message) {
        super(message);
    }

    public IoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
