package io.parbench.analyzer.model;

import java.util.Arrays;

/**
 * Raw measurements, each with a weight (how many times it was seen: 1 for JMH's {@code rawData}, the count for
 * {@code rawDataHistogram}), and the fork each came from. Immutable; callers may rely on values and weights
 * being finite and positive.
 */
public final class Samples {

    private final double[] values;
    private final long[] weights;
    private final int[] forks;

    public Samples(double[] values, long[] weights, int[] forks) {
        if (values.length != weights.length || values.length != forks.length) {
            throw new IllegalArgumentException("values, weights and forks differ in length");
        }
        this.values = values.clone();
        this.weights = weights.clone();
        this.forks = forks.clone();
    }

    public static Samples of(double... values) {
        long[] w = new long[values.length];
        Arrays.fill(w, 1);
        return new Samples(values, w, new int[values.length]);
    }

    /** Distinct values held (not counting weights). */
    public int size() {
        return values.length;
    }

    /** Total weight: how many measurements these values stand for. */
    public long count() {
        long n = 0;
        for (long w : weights) {
            n += w;
        }
        return n;
    }

    public double value(int i) {
        return values[i];
    }

    public long weight(int i) {
        return weights[i];
    }

    public int fork(int i) {
        return forks[i];
    }

    public double[] values() {
        return values.clone();
    }

    /**
     * Every measurement, each value repeated as many times as its weight. Above {@code cap} measurements every
     * weight is scaled down in proportion (at least one of each value), so that a large sample-mode histogram
     * keeps its shape instead of being cut off after its first values.
     */
    public double[] expanded(int cap) {
        long total = count();
        double scale = total <= cap ? 1.0 : (double) cap / total;
        java.util.List<Double> out = new java.util.ArrayList<>((int) Math.min(total, cap + values.length));
        for (int i = 0; i < values.length; i++) {
            long n = scale == 1.0 ? weights[i] : Math.max(1, Math.round(weights[i] * scale));
            for (long w = 0; w < n; w++) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The samples of each fork, in fork order, each keeping its values' weights (every fork is fork 0 of its own
     * Samples). One element when the samples carry no fork index.
     */
    public java.util.List<Samples> byFork() {
        java.util.TreeMap<Integer, java.util.List<Integer>> index = new java.util.TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            index.computeIfAbsent(forks[i], k -> new java.util.ArrayList<>()).add(i);
        }
        java.util.List<Samples> out = new java.util.ArrayList<>(index.size());
        for (java.util.List<Integer> idx : index.values()) {
            double[] v = new double[idx.size()];
            long[] w = new long[idx.size()];
            int[] f = new int[idx.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = values[idx.get(j)];
                w[j] = weights[idx.get(j)];
                f[j] = forks[idx.get(j)];
            }
            out.add(new Samples(v, w, f));
        }
        return out;
    }

    /** True when every value was seen once (JMH's rawData, not a sample-mode histogram). */
    public boolean unweighted() {
        for (long w : weights) {
            if (w != 1) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The same samples with every value multiplied by {@code factor} (a unit conversion). */
    public Samples scaled(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new Samples(v, weights, forks);
    }

    /** The same samples as reciprocals (time per operation from throughput, or back). */
    public Samples reciprocal() {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = 1.0 / v[i];
        }
        return new Samples(v, weights, forks);
    }
}
