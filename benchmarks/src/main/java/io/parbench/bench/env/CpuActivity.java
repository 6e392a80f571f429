package io.parbench.bench.env;

/**
 * How busy the CPUs really were over a short window: the fraction of CPU time spent on anything but idle and
 * I/O wait, and the fraction the hypervisor gave to other guests (steal). On virtual machines the load average
 * can sit above 1 with every CPU idle, so the noise warnings judge this, not the load average.
 */
public record CpuActivity(double busyFraction, double stealFraction, double windowSeconds) {
}
