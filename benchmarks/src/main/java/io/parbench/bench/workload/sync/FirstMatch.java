package io.parbench.bench.workload.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Finding the one element equal to a target in an array of {@code size} random ints, placed at {@code position}
 * (a fraction of the array): with a scan of everything, with a sequential early exit, and in parallel with three
 * ways to stop the other workers once one has found it: a shared flag, {@code invokeAny} (which cancels the rest),
 * and a short-circuiting parallel stream. Every way returns the same index; {@link #examined()} counts the
 * elements looked at, so the work saved can be reported next to the time.
 */
public final class FirstMatch {

    public static final List<String> APPROACHES = List.of("scan-all", "sequential-exit", "shared-flag", "invoke-any",
            "stream-any");

    private final int[] data;
    private final int target;
    private final int index;
    private final LongAdder examined = new LongAdder();

    /** {@code position} in [0, 1): where the only match sits. */
    public FirstMatch(int size, double position) {
        if (size < 1 || position < 0 || position >= 1) {
            throw new IllegalArgumentException("first-match needs size >= 1 and 0 <= position < 1; got size=" + size
                    + ", position=" + position);
        }
        SplittableRandom random = new SplittableRandom(7);
        data = new int[size];
        target = -1; // random values are >= 0, so the target occurs only where we put it
        for (int i = 0; i < size; i++) {
            data[i] = random.nextInt(Integer.MAX_VALUE);
        }
        index = (int) (position * size);
        data[index] = target;
    }

    public int size() {
        return data.length;
    }

    /** Where the match is: what every approach must return. */
    public int expected() {
        return index;
    }

    /** Elements examined since the last {@link #resetExamined()}. */
    public long examined() {
        return examined.sum();
    }

    public void resetExamined() {
        examined.reset();
    }

    /** Finds the match with {@code approach}; parallel ones use {@code chunks} tasks on {@code executor}. */
    public int find(String approach, ExecutorService executor, int chunks) throws InterruptedException {
        return switch (approach) {
            case "scan-all" -> scanAll();
            case "sequential-exit" -> sequentialExit();
            case "shared-flag" -> sharedFlag(executor, chunks);
            case "invoke-any" -> invokeAny(executor, chunks);
            case "stream-any" -> streamAny();
            default -> throw new IllegalArgumentException("unknown approach '" + approach + "'; valid: "
                    + String.join(", ", APPROACHES));
        };
    }

    private int scanAll() {
        int found = -1;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == target && found < 0) {
                found = i;
            }
        }
        examined.add(data.length);
        return found;
    }

    private int sequentialExit() {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == target) {
                examined.add(i + 1);
                return i;
            }
        }
        examined.add(data.length);
        return -1;
    }

    /** Blocks of 4,096 elements, taken in order from a shared counter, so that every worker works near the front. */
    private List<int[]> blocks() {
        int block = 4096;
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < data.length; from += block) {
            ranges.add(new int[] {from, Math.min(data.length, from + block)});
        }
        return ranges;
    }

    private int sharedFlag(ExecutorService executor, int chunks) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger result = new AtomicInteger(-1);
        List<int[]> ranges = blocks();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            futures.add(executor.submit(() -> {
                long seen = 0;
                for (int b = next.getAndIncrement(); b < ranges.size() && !stop.get(); b = next.getAndIncrement()) {
                    int[] r = ranges.get(b);
                    for (int i = r[0]; i < r[1]; i++) {
                        if (data[i] == target) {
                            result.set(i);
                            stop.set(true);
                            seen += i - r[0] + 1;
                            examined.add(seen);
                            return;
                        }
                    }
                    seen += r[1] - r[0];
                }
                examined.add(seen);
            }));
        }
        await(futures);
        return result.get();
    }

    private int invokeAny(ExecutorService executor, int chunks) throws InterruptedException {
        List<int[]> ranges = blocks();
        AtomicInteger next = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            tasks.add(() -> {
                long seen = 0;
                try {
                    for (int b = next.getAndIncrement(); b < ranges.size(); b = next.getAndIncrement()) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new InterruptedException("cancelled: another task found it");
                        }
                        int[] r = ranges.get(b);
                        for (int i = r[0]; i < r[1]; i++) {
                            if (data[i] == target) {
                                seen += i - r[0] + 1;
                                return i;
                            }
                        }
                        seen += r[1] - r[0];
                    }
                } finally {
                    examined.add(seen);
                }
                throw new IllegalStateException("no match in this task's blocks");
            });
        }
        try {
            return executor.invokeAny(tasks);
        } catch (ExecutionException e) {
            return -1; // every task failed: no match anywhere
        }
    }

    /** A parallel stream over the blocks: {@code findAny} short-circuits, so blocks not yet started are skipped. */
    private int streamAny() {
        List<int[]> ranges = blocks();
        return IntStream.range(0, ranges.size()).parallel().map(b -> {
            int[] r = ranges.get(b);
            for (int i = r[0]; i < r[1]; i++) {
                if (data[i] == target) {
                    examined.add(i - r[0] + 1);
                    return i;
                }
            }
            examined.add(r[1] - r[0]);
            return -1;
        }).filter(i -> i >= 0).findAny().orElse(-1);
    }

    private static void await(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a search task failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
