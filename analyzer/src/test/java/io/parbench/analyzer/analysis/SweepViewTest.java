package io.parbench.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analyzer.SyntheticJmh;
import io.parbench.analyzer.io.InputException;
import io.parbench.analyzer.io.RunReader;
import io.parbench.analyzer.model.Run;
import io.parbench.analyzer.report.ReportWriter;
import io.parbench.analyzer.stats.UniversalScalability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps over a concurrency axis in benchmarks without parbench's strategy param: JMH's threads, a param with a
 * concurrency name, or the one --scaling-param names; gains over the lowest value, efficiency, the USL, small
 * multiples, and the report's words for them.
 */
class SweepViewTest {

    private static final String POOL = "com.acme.PoolBench.submit";

    @TempDir
    Path tmp;

    private Run read(SyntheticJmh s, String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), s.json());
        return new RunReader().read(dir);
    }

    /** Two forks of four samples each, all within 0.5% of {@code mean}. */
    private static double[][] raw(double mean) {
        return new double[][] {{mean * 0.995, mean, mean * 1.005, mean}, {mean * 1.004, mean * 0.997, mean, mean * 1.001}};
    }

    @Test
    void jmhThreadsInThroughputModeGainByTheSummedScore() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        for (int t : new int[] {1, 2, 4}) {
            s.entry("com.acme.Counter.add", "thrpt", "ops/us", Map.of("kind", "adder"), raw(100.0 * t), t);
            s.entry("com.acme.Counter.add", "thrpt", "ops/us", Map.of("kind", "atomic"), raw(100.0 / t), t);
        }
        Analysis a = Analysis.of(read(s, "thrpt"));
        assertEquals(1, a.contention().size());
        ContentionView v = a.contention().get(0);
        assertTrue(v.jmhThreads());
        assertEquals(ContentionView.JMH_THREADS, v.axis());
        ContentionView.Gain adder4 = v.scaling().get("kind=adder").gains().get(2);
        assertEquals(4, adder4.n());
        assertEquals(4.0, adder4.gain().estimate(), 0.04);
        assertTrue(adder4.gain().contains(4.0), adder4.toString());
        assertEquals(1.0, adder4.efficiency(), 0.01);
        assertEquals(0.25, v.scaling().get("kind=atomic").gains().get(2).gain().estimate(), 0.003);
        assertEquals("the USL needs at least 4 distinct axis values; this has 3", v.scaling().get("kind=adder").uslNote());
    }

    /** With JMH's threads, a time per operation is each thread's: constant time means throughput grows with them. */
    @Test
    void jmhThreadsInTimeModeGainByThroughputNotByTime() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        for (int t : new int[] {1, 2, 4}) {
            s.entry("com.acme.Queue.offer", "avgt", "us/op", Map.of(), raw(10), t);
        }
        ContentionView v = Analysis.of(read(s, "avgt")).contention().get(0);
        assertEquals(List.of("score"), List.copyOf(v.series().keySet()));
        ContentionView.Gain at4 = v.scaling().get("score").gains().get(2);
        assertEquals(4.0, at4.gain().estimate(), 0.05, "4 threads each taking 10 us do 4 operations per 10 us");
        assertEquals(1.0, at4.efficiency(), 0.02);
    }

    /** forkjoin-like times from a USL (sigma 0.05, kappa 0.02: peak 6.9) over parallelism, for two params more. */
    private SyntheticJmh poolSweep(String axisName) {
        SyntheticJmh s = new SyntheticJmh();
        UniversalScalability truth = new UniversalScalability(0.05, 0.02, 1, 0, 0, 0, 0, 1);
        for (String order : List.of("fifo", "lifo")) {
            for (String size : List.of("10", "100")) {
                for (int p : new int[] {1, 2, 4, 8, 16}) {
                    double time = Integer.parseInt(size) / truth.throughput(p) * (order.equals("lifo") ? 1.1 : 1);
                    s.entry(POOL, "avgt", "us/op", Map.of(axisName, "" + p, "order", order, "size", size, "seed", "7"),
                            raw(time), 1);
                }
            }
        }
        return s;
    }

    @Test
    void aConcurrencyNamedParamIsTheAxisWithSmallMultiplesForTheRest() throws IOException {
        Analysis a = Analysis.of(read(poolSweep("parallelism"), "param"));
        assertEquals(2, a.contention().size(), "a view per size; order draws the lines");
        ContentionView v = a.contention().get(0);
        assertEquals("PoolBench.submit (avgt) seed=7, size=10", v.title());
        assertEquals("parallelism", v.axis());
        assertEquals(List.of("order=fifo", "order=lifo"), List.copyOf(v.series().keySet()));
        assertEquals(List.of(1, 2, 4, 8, 16), v.series().get("order=fifo").stream().map(ContentionView.Point::contenders).toList());
        ContentionView.Scaling fifo = v.scaling().get("order=fifo");
        UniversalScalability truth = new UniversalScalability(0.05, 0.02, 1, 0, 0, 0, 0, 1);
        assertEquals(truth.throughput(4) / truth.throughput(1), fifo.gains().get(2).gain().estimate(), 0.02,
                "the speedup of one operation");
        assertEquals(fifo.gains().get(2).gain().estimate() / 4, fifo.gains().get(2).efficiency(), 1e-12);
        double s4 = fifo.gains().get(2).gain().estimate();
        assertEquals((1 / s4 - 0.25) / 0.75, fifo.gains().get(2).karpFlatt(), 1e-12, "Karp-Flatt with p = 4 / 1");
        assertTrue(Double.isNaN(fifo.gains().get(0).karpFlatt()), "none at the lowest value");
        assertNotNull(fifo.usl(), fifo.uslNote());
        assertTrue(fifo.usl().peakInterval().low() <= Math.sqrt(0.95 / 0.02)
                && Math.sqrt(0.95 / 0.02) <= fifo.usl().peakInterval().high(), fifo.usl().peakInterval().toString());
        assertTrue(a.plain().isEmpty(), "every benchmark is in a sweep");

        Path out = tmp.resolve("report");
        new ReportWriter().write(a, out, "pool");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Concurrency sweeps"), md);
        assertTrue(md.contains("| Variant | parallelism | Score (99.9% CI) | 95% CI | Gain \\[95% CI\\] | Efficiency | Karp-Flatt |"), md);
        assertTrue(md.contains("| Variant | USL sigma \\[95% CI\\] | USL kappa \\[95% CI\\] | Peak parallelism \\[95% CI\\] | Notes |"),
                md);
        assertTrue(Files.exists(out.resolve("charts/c01-poolbench-submit-avgt-seed-7-size-10.png")), "one chart per view");
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"axis\" : \"parallelism\"") && summary.contains("\"gainLow95\""), summary);
    }

    @Test
    void scalingParamNamesAnAxisNoNameWouldSuggest() throws IOException {
        Run run = read(poolSweep("shards"), "shards");
        List<ContentionView> lines = Analysis.of(run).contention();
        assertEquals(2, lines.size(), "a numeric param of 5 values is drawn as lines...");
        assertTrue(lines.stream().noneMatch(ContentionView::concurrency) && lines.get(0).scaling().isEmpty(),
                "...but 'shards' is not a concurrency name, so no gain or USL is claimed over it");
        List<ContentionView> views = Analysis.of(run, "shards").contention();
        assertEquals(2, views.size());
        assertEquals("shards", views.get(0).axis());
        assertTrue(views.get(0).concurrency());
        assertEquals(5, views.get(0).scaling().get("order=fifo").gains().size());
        InputException e = assertThrows(InputException.class, () -> Analysis.of(run, "replicas"));
        assertEquals("--scaling-param replicas: no benchmark here has a param 'replicas' with two numeric values or more "
                + "(params seen: order, seed, shards, size)", e.getMessage());
    }

    /** Any whole-number param of three values or more becomes lines (no scaling); two values stay bars. */
    @Test
    void aNumericParamIsDrawnAsLinesWithoutScalingFigures() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        for (String lock : List.of("synchronized", "reentrant")) {
            for (int depth : new int[] {1, 2, 4, 8}) {
                s.entry("com.acme.Locks.enter", "avgt", "ns/op", Map.of("lock", lock, "depth", "" + depth), raw(10 * depth), 1);
            }
        }
        for (int bytes : new int[] {64, 4096}) {
            s.entry("com.acme.Io.copy", "avgt", "us/op", Map.of("bytes", "" + bytes), raw(bytes / 64.0), 1);
        }
        Analysis a = Analysis.of(read(s, "numeric"));
        assertEquals(1, a.contention().size());
        ContentionView v = a.contention().get(0);
        assertEquals("depth", v.axis());
        assertTrue(!v.concurrency() && v.scaling().isEmpty());
        assertEquals(List.of("lock=reentrant", "lock=synchronized"), List.copyOf(v.series().keySet()));
        assertEquals(1, a.plain().size(), "two values of bytes stay a bar chart");

        Path out = tmp.resolve("numeric-report");
        new ReportWriter().write(a, out, "numeric");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Sweeps") && md.contains("| Variant | depth | Score (99.9% CI) | 95% CI | Secondary metrics | Notes |"),
                md);
        assertTrue(!md.contains("Gain is measured"), "no gains are claimed over a depth");
    }

    @Test
    void aThreadsParamThatIsNotANumberIsNoAxis() throws IOException {
        SyntheticJmh s = new SyntheticJmh();
        s.entry(POOL, "avgt", "us/op", Map.of("threads", "platform"), raw(10), 1);
        s.entry(POOL, "avgt", "us/op", Map.of("threads", "virtual"), raw(5), 1);
        Analysis a = Analysis.of(read(s, "kinds"));
        assertTrue(a.contention().isEmpty());
        assertEquals(1, a.plain().size());
        assertNull(ContentionView.axisParam(a.plain().get(0).stats().stream().map(BenchmarkStats::result).toList(), null));
    }
}
