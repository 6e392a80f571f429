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

    /** Every measurement, a value repeated as many times as its weight (capped: use for small data only). */
    public double[] expanded(int cap) {
        long n = Math.min(count(), cap);
        double[] out = new double[(int) n];
        int k = 0;
        for (int i = 0; i < values.length && k < n; i++) {
            for (long w = 0; w < weights[i] && k < n; w++) {
                out[k++] = values[i];
            }
        }
        return out;
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
