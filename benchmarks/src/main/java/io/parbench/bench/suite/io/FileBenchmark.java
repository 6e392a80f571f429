package io.parbench.bench.suite.io;

import io.parbench.bench.workload.io.FileWorkload;
import io.parbench.bench.workload.io.IoWorkload;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code size} tasks that each read one file of {@code fileKb} KiB (with {@code write=true}: write it and fsync it
 * first) from a temporary folder made at trial set-up (under java.io.tmpdir) and deleted at tear-down.
 *
 * <p>Without writes the files come from the page cache: it measures system calls and copying, which the cores
 * bound. With {@code -p write=true} each task waits for the device, which is where more concurrency can help.
 */
public class FileBenchmark extends IoSuite {

    @Param({"16"})
    public int fileKb;

    @Param({"false"})
    public boolean write;

    @Override
    protected IoWorkload createWorkload(int tasks) throws Exception {
        return new FileWorkload(null, tasks, fileKb * 1024, write);
    }
}
