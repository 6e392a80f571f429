#!/usr/bin/env python3
"""Would running a pair's two forks at once (Duet benchmarking) narrow the A/B gate's spread on this machine?

    scripts/duet-check.py [--pairs N] [--json FILE]

For two one-thread benchmarks of the cpu suite (primes, sequential: compute-bound; sum of squares, platform at one
thread: memory-bound) it measures N A/A pairs in each of three ways, interleaved in a random order:
  - back to back: one fork, then the other (what `parbench ab` does);
  - pinned duet: both forks at once, each pinned to its own CPU with taskset (the CPUs drawn per pair);
  - unpinned duet: both forks at once, where the scheduler puts them.
It prints, per benchmark and way, the spread a pair (sd of the log ratio of the two forks' fastest iterations, as the
gate summarises a fork, and of their median iterations, as it did until 24.11.2026; an A/A pair has no true change, so
this is all noise), the first of these also from the median absolute deviation (1.4826 MAD: a pair or two hit by a
burst move the sd, not this), and the seconds a pair costs; --json FILE keeps every pair. Bulej et al., "Duet
Benchmarking: Improving Measurement Accuracy in the Cloud" (ICPE 2020), found the simultaneous pair 2 to 37 times
more accurate on cloud machines. Each fork is a JMH run of the benchmarks jar (3 warm-up and 5 measured iterations
of 100 ms, the A/B quick profile's); two JMH runs at once need -Djmh.ignoreLock=true. Needs Linux's taskset, a JDK
21+ (found as scripts/parbench finds it: scripts/lib/jdk.sh) and the built jar (`mvn -B package -DskipTests`).
Nothing else should run meanwhile. README: "A/B in one job", "Duet pairs, measured".
Python standard library only.
"""
import argparse
import json
import math
import os
import random
import shutil
import statistics as st
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
BENCHMARKS = [("PrimesBenchmark", "sequential", "300000"), ("SumSquaresBenchmark", "platform", "50000000")]
WAYS = ["back to back", "pinned duet", "unpinned duet"]


def fork_command(java, flags, bench, strategy, size, cpu, out):
    return ([] if cpu is None else ["taskset", "-c", str(cpu)]) + [java, *flags, "-Djmh.ignoreLock=true", "-jar", JAR,
           f"io.parbench.bench.suite.cpu.{bench}.run", "-f", "1", "-wi", "3", "-w", "100ms", "-i", "5", "-r", "100ms",
           "-p", f"strategy={strategy}", "-p", "threads=1", "-p", f"size={size}", "-p", "chunksPerThread=4",
           "-rf", "json", "-rff", out]


def iterations(path):
    with open(path) as f:
        return json.load(f)[0]["primaryMetric"]["rawData"][0]


def run_all(commands, running):
    """Starts the commands at once and waits for all; a failed fork is an error."""
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    running.extend(procs)
    for p, c in zip(procs, commands):
        if p.wait() != 0:
            raise RuntimeError(f"a fork failed: {' '.join(c)}")
    running.clear()


def pair(java, flags, bench, strategy, size, way, tmp, running):
    a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
    cpus = random.sample([0, 1], 2)
    start = time.monotonic()
    if way == "back to back":
        for out in random.sample([a, b], 2):
            run_all([fork_command(java, flags, bench, strategy, size, None, out)], running)
    else:
        pinned = way == "pinned duet"
        run_all([fork_command(java, flags, bench, strategy, size, cpus[0] if pinned else None, a),
                 fork_command(java, flags, bench, strategy, size, cpus[1] if pinned else None, b)], running)
    seconds = time.monotonic() - start
    ia, ib = iterations(a), iterations(b)
    return math.log(min(ib) / min(ia)), math.log(st.median(ib) / st.median(ia)), seconds


def main(argv):
    parser = argparse.ArgumentParser(prog="duet-check", description="Duet pairs against back-to-back pairs.")
    parser.add_argument("--pairs", type=int, default=13, help="A/A pairs per benchmark and way (default 13)")
    parser.add_argument("--json", metavar="FILE", help="write every pair's log ratio and seconds to FILE")
    args = parser.parse_args(argv)
    problems = []
    if args.pairs < 3:
        problems.append("--pairs must be at least 3")
    if shutil.which("taskset") is None:
        problems.append("taskset is missing (Linux util-linux)")
    if (os.cpu_count() or 1) < 2:
        problems.append("a duet needs two CPUs")
    if not os.path.isfile(JAR):
        problems.append(f"{JAR} is missing: build it with 'mvn -B package -DskipTests'")
    # the JDK and the flags its forks need, as scripts/parbench finds them
    script = '. "$0/scripts/lib/jdk.sh" && printf "%s\\n" "$JAVA" "${JVM_FLAGS[@]}"'
    found = subprocess.run(["bash", "-c", script, ROOT], capture_output=True, text=True,
                           env={**os.environ, "ROOT": ROOT})
    if found.returncode != 0:
        problems.append(found.stderr.strip() or "no JDK 21 or newer found")
    if problems:
        print("duet-check: " + "; ".join(problems), file=sys.stderr)
        return 2
    java, *flags = found.stdout.split("\n")[:-1]
    results = {}
    running = []
    try:
        with tempfile.TemporaryDirectory(prefix="parbench-duet-") as tmp:
            for i in range(args.pairs):
                for bench, strategy, size in BENCHMARKS:
                    for way in random.sample(WAYS, len(WAYS)):
                        results.setdefault((bench, way), []).append(pair(java, flags, bench, strategy, size, way, tmp,
                                                                         running))
                print(f"pair {i + 1} of {args.pairs} done", file=sys.stderr)
    except KeyboardInterrupt:
        for p in running:
            p.kill()
        print("duet-check: interrupted", file=sys.stderr)
        return 130
    except RuntimeError as e:
        for p in running:
            p.kill()
        print(f"duet-check: {e}", file=sys.stderr)
        return 1
    if args.json:
        with open(args.json, "w") as f:
            json.dump([{"benchmark": b, "way": w,
                        "pairs": [{"logRatioFastest": x[0], "logRatioMedian": x[1], "seconds": x[2]} for x in v]}
                       for (b, w), v in results.items()], f, indent=1)
    print(f"{'':<44}{'spread a pair, fastest':>24}{'median':>9}")
    print(f"{'benchmark':<22}{'way':<16}{'pairs':>6}{'sd':>9}{'from the MAD':>15}{'sd':>9}{'s a pair':>10}")
    for (bench, way), v in sorted(results.items(), key=lambda kv: (kv[0][0], WAYS.index(kv[0][1]))):
        logs = [x[0] for x in v]
        mad = 1.4826 * st.median(abs(x - st.median(logs)) for x in logs)
        print(f"{bench:<22}{way:<16}{len(v):>6}{100 * st.stdev(logs):>8.2f}%{100 * mad:>14.2f}%"
              f"{100 * st.stdev(x[1] for x in v):>8.2f}%{st.mean(x[2] for x in v):>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
