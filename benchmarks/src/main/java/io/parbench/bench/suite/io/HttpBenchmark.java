package io.parbench.bench.suite.io;

import io.parbench.bench.workload.io.HttpWorkload;
import io.parbench.bench.workload.io.IoWorkload;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code size} GETs to a real HTTP server on 127.0.0.1 (started on a free port at trial set-up, stopped at
 * tear-down) that waits {@code latencyMs} per request and answers {@code responseBytes} bytes; the client is
 * {@code java.net.http.HttpClient}. Client and server share the machine's cores.
 */
public class HttpBenchmark extends IoSuite {

    @Param({"1"})
    public long latencyMs;

    @Param({"4096"})
    public int responseBytes;

    @Override
    protected IoWorkload createWorkload(int tasks) throws Exception {
        return new HttpWorkload(tasks, latencyMs, responseBytes);
    }
}
