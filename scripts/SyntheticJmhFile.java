import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic JMH JSON file for the analyzer's speed check (run with 'java SyntheticJmhFile.java OUT N'):
 * N benchmarks with 2 forks x 5 raw samples each. Half are parbench-style scaling groups (a sequential baseline and
 * 7 strategies x 3 thread counts per workload), half plain JMH benchmarks, 100 to a class. Fixed seed.
 */
public class SyntheticJmhFile {
    static final String[] STRATEGIES = {"platform", "pool", "virtual", "forkjoin", "stream", "process", "process-cold"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(7);
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("[\n");
            int workload = 0;
            while (written < n / 2) { // scaling groups of 22 benchmarks
                String bench = "io.parbench.bench.suite.cpu.Workload" + workload + "Benchmark.run";
                written += entry(w, written, bench, "sequential", 1, 100, random);
                for (String s : STRATEGIES) {
                    for (int t : new int[] {1, 2, 4}) {
                        if (written < n / 2) {
                            written += entry(w, written, bench, s, t, 100.0 / Math.min(t, 2) * (s.equals("process-cold") ? 4 : 1), random);
                        }
                    }
                }
                workload++;
            }
            for (int i = 0; written < n; i++) {
                String bench = "org.example.Class" + (i / 100) + ".method" + (i % 100);
                written += entry(w, written, bench, null, 0, 10 + (i % 17), random);
            }
            w.write("\n]\n");
        }
        System.out.println(out + ": " + written + " benchmarks");
    }

    static int entry(BufferedWriter w, int index, String bench, String strategy, int threads, double mean,
            SplittableRandom random) throws IOException {
        StringBuilder raw = new StringBuilder("[");
        double sum = 0;
        for (int f = 0; f < 2; f++) {
            raw.append(f == 0 ? "[" : ",[");
            for (int i = 0; i < 5; i++) {
                double v = mean * (1 + 0.05 * (random.nextDouble() * 2 - 1));
                sum += v;
                raw.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", v));
            }
            raw.append(']');
        }
        raw.append(']');
        String params = strategy == null ? "" : String.format(Locale.ROOT,
                "\"params\":{\"size\":\"1000\",\"strategy\":\"%s\",\"threads\":\"%d\"},", strategy, threads);
        w.write((index == 0 ? "" : ",\n") + String.format(Locale.ROOT,
                "{\"jmhVersion\":\"1.37\",\"benchmark\":\"%s\",\"mode\":\"avgt\",\"threads\":1,\"forks\":2,"
                        + "\"jvm\":\"java\",\"jdkVersion\":\"21\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"warmupIterations\":2,"
                        + "\"measurementIterations\":5,%s\"primaryMetric\":{\"score\":%.4f,\"scoreError\":1.0,"
                        + "\"scoreUnit\":\"ms/op\",\"rawData\":%s},\"secondaryMetrics\":{}}", bench, params, sum / 10, raw));
        return 1;
    }
}
