package io.parbench.bench.process;

import java.io.IOException;
import java.util.List;

/**
 * One child worker JVM for code outside this package (the creation-cost benchmark): started with extra JVM flags,
 * answering PING, closed (and destroyed if it lingers) by {@link #close()}.
 */
public final class WorkerHandle implements AutoCloseable {

    private final ChildWorker worker;

    private WorkerHandle(ChildWorker worker) {
        this.worker = worker;
    }

    /** Starts a worker with {@code jvmFlags} and waits until it has answered READY. */
    public static WorkerHandle start(List<String> jvmFlags) throws IOException {
        ChildWorker w = new ChildWorker(ChildJvms.start(ChildJvms.command(jvmFlags, WorkerMain.class.getName())));
        try {
            w.awaitReady();
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return new WorkerHandle(w);
    }

    /** One round trip: PING, PONG. */
    public void ping() throws IOException {
        String answer = worker.request(WorkerProtocol.PING, "answering PING");
        if (!answer.equals(WorkerProtocol.PONG)) {
            throw new IOException("child JVM pid " + worker.pid() + " answered '" + answer + "' to PING");
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
