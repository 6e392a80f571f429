package io.parbench.bench.env;

/** The OS's load averages over 1, 5 and 15 minutes; negative where the OS does not report them. */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {
}
