package io.parbench.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The parent's handle on one child worker JVM: sends a request line, waits for the answer line. Not thread-safe:
 * one driver thread talks to one child. A watchdog may {@link #killAsHung} it from another thread.
 */
final class ChildWorker implements AutoCloseable {

    private final Process process;
    private final Writer toChild;
    private final BufferedReader fromChild;
    /** System.nanoTime() when the request in flight was sent, or 0 when the child owes no answer. */
    private volatile long pendingSince;
    private volatile boolean killedAsHung;

    ChildWorker(Process process) {
        this.process = process;
        this.toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.fromChild = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.pendingSince = System.nanoTime(); // it owes us READY
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pendingSince() {
        return pendingSince;
    }

    /** Reads the READY line. */
    void awaitReady() throws IOException {
        String line = readAnswer("starting");
        if (!line.startsWith(WorkerProtocol.READY)) {
            throw failure("sent '" + line + "' instead of READY when starting");
        }
    }

    /** Sends one request and returns the answer line. */
    String request(String line, String what) throws IOException {
        pendingSince = System.nanoTime();
        try {
            toChild.write(line);
            toChild.write('\n');
            toChild.flush();
        } catch (IOException e) {
            throw failure("could not be sent " + what + " (" + e.getMessage() + ")");
        }
        return readAnswer(what);
    }

    private String readAnswer(String what) throws IOException {
        String answer;
        try {
            answer = fromChild.readLine();
        } catch (IOException e) {
            answer = null;
        }
        pendingSince = 0;
        if (answer == null) {
            throw failure(deathNotice(what));
        }
        if (answer.startsWith(WorkerProtocol.ERR)) {
            throw failure("reported an error while " + what + ": " + answer.substring(WorkerProtocol.ERR.length()).trim());
        }
        return answer;
    }

    private String deathNotice(String what) {
        if (killedAsHung) {
            return "did not answer within the timeout while " + what + " and was killed (hung?)";
        }
        try {
            if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                return "exited with code " + process.exitValue() + " while " + what + " (crashed or killed?)";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its output while " + what;
    }

    private IOException failure(String message) {
        return new IOException("child JVM pid " + process.pid() + " " + message);
    }

    /** Called by a watchdog: the child owes an answer for too long. */
    void killAsHung() {
        killedAsHung = true;
        process.destroyForcibly();
    }

    /** Closes stdin (the child exits by itself), then destroys the child if it has not gone within a moment. */
    @Override
    public void close() {
        try {
            toChild.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                ChildJvms.destroy(process);
            }
        } catch (InterruptedException e) {
            ChildJvms.destroy(process);
            Thread.currentThread().interrupt();
        }
    }
}
