package io.parbench.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Builds JMH JSON text for tests: entries with chosen params and raw samples, noise from a fixed seed. */
public final class SyntheticJmh {

    private final List<String> entries = new ArrayList<>();
    private final SplittableRandom random;

    public SyntheticJmh() {
        this(42);
    }

    /** Another seed: another run of the same benchmarks, with other noise. */
    public SyntheticJmh(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Adds an avgt entry whose raw samples are {@code mean} with relative noise {@code noise} (4 samples x 2 forks). */
    public SyntheticJmh avgt(String benchmark, Map<String, String> params, double mean, double noise) {
        double[][] raw = new double[2][4];
        for (double[] fork : raw) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] = mean * (1 + noise * (random.nextDouble() * 2 - 1));
            }
        }
        return entry(benchmark, "avgt", "ms/op", params, raw);
    }

    public SyntheticJmh entry(String benchmark, String mode, String unit, Map<String, String> params, double[][] raw) {
        return entry(benchmark, mode, unit, params, raw, 1);
    }

    /** An entry run with {@code jmhThreads} JMH threads (contenders). */
    public SyntheticJmh entry(String benchmark, String mode, String unit, Map<String, String> params, double[][] raw,
            int jmhThreads) {
        double sum = 0;
        int n = 0;
        StringBuilder rawJson = new StringBuilder("[");
        for (int f = 0; f < raw.length; f++) {
            rawJson.append(f == 0 ? "[" : ",[");
            for (int i = 0; i < raw[f].length; i++) {
                rawJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", raw[f][i]));
                sum += raw[f][i];
                n++;
            }
            rawJson.append(']');
        }
        rawJson.append(']');
        StringBuilder p = new StringBuilder("{");
        new TreeMap<>(params).forEach((k, v) -> p.append(p.length() > 1 ? "," : "").append(q(k)).append(':').append(q(v)));
        p.append('}');
        entries.add("{\"jmhVersion\":\"1.37\",\"benchmark\":" + q(benchmark) + ",\"mode\":\"" + mode + "\",\"threads\":" + jmhThreads + ","
                + "\"forks\":" + raw.length + ",\"jvm\":\"/usr/bin/java\",\"jdkVersion\":\"21\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
                + "\"warmupIterations\":2,\"measurementIterations\":" + raw[0].length + ",\"params\":" + p
                + ",\"primaryMetric\":{\"score\":" + String.format(Locale.ROOT, "%.6f", sum / n)
                + ",\"scoreError\":0.1,\"scoreUnit\":\"" + unit + "\",\"rawData\":" + rawJson + "},\"secondaryMetrics\":{}}");
        return this;
    }

    /**
     * Gives the last entry added a secondary metric of one value per raw sample of its primary ({@code value}); several
     * calls add several metrics.
     */
    public SyntheticJmh secondary(String name, String unit, double value) {
        String last = entries.remove(entries.size() - 1);
        String v = String.format(Locale.ROOT, "%.6f", value);
        String metric = q(name) + ":{\"score\":" + v + ",\"scoreError\":\"NaN\",\"scoreUnit\":" + q(unit)
                + ",\"rawData\":[[" + v + "," + v + "]]}";
        int at = last.indexOf("\"secondaryMetrics\":{") + "\"secondaryMetrics\":{".length();
        entries.add(last.substring(0, at) + metric + (last.charAt(at) == '}' ? "" : ",") + last.substring(at));
        return this;
    }

    /** Makes the last entry added one run with {@code -f 0} (JMH writes "forks" : 0; its rawData keeps one row). */
    public SyntheticJmh unforked() {
        String last = entries.remove(entries.size() - 1);
        entries.add(last.replaceFirst("\"forks\":\\d+", "\"forks\":0"));
        return this;
    }

    public String json() {
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
