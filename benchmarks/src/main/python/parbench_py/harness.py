"""Times one benchmark in one interpreter process (one fork): setup, warm-up iterations, measured iterations, each
running operations until the iteration time is up (at least one), every answer checked; then prints one JSON
object: the fork as a JMH JSON result (mode avgt, ms/op, one rawData row), the warm-up scores JMH's JSON has no
place for, and the wall time of the measured iterations (measuredSeconds: with the launcher's time of the whole
process, what a fork and an iteration cost). The launcher joins the forks of a benchmark as JMH joins its own."""

import json
import os
import signal
import sys
import threading
import time

from . import VERSION, benchmarks

UNIT = "ms/op"


class Interrupted(BaseException):
    """SIGTERM (the launcher stopping the run, or Ctrl-C): unwind, closing every pool on the way."""


def on_term(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: a second signal must not cut the cleanup short
    raise Interrupted()


def watch_parent(parent):
    """Ends this fork when the launcher that started it is gone (killed outright, say): no interpreter outlives its
    run."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def iteration(bench, seconds):
    """Operations until `seconds` have passed (at least one): milliseconds per operation."""
    ops = 0
    start = time.perf_counter()
    while True:
        answer = bench.op()
        ops += 1
        if bench.expected is not None and answer != bench.expected:
            raise benchmarks.Failure("wrong answer: %r, expected %r" % (answer, bench.expected))
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed * 1000.0 / ops


def jmh_entry(name, strategy, threads, size, params, warmup, iterations, seconds, scores, secondary, info):
    all_params = {"strategy": strategy, "threads": str(threads), "size": str(size)}
    all_params.update({k: str(v) for k, v in params.items()})
    entry = {
        "jmhVersion": "parbench-python " + VERSION,
        "benchmark": name,
        "mode": "avgt",
        "threads": 1,
        "forks": 1,
        "jvm": sys.executable,
        "jvmArgs": [],
        "jdkVersion": info["version"],
        "vmName": "%s (%s build)" % (info["implementation"], info["build"]),
        "vmVersion": sys.version.split()[0],
        "warmupIterations": warmup,
        "warmupTime": "%d ms" % round(seconds * 1000),
        "warmupBatchSize": 1,
        "measurementIterations": iterations,
        "measurementTime": "%d ms" % round(seconds * 1000),
        "measurementBatchSize": 1,
        "params": all_params,
        "primaryMetric": metric(scores, UNIT),
        "secondaryMetrics": secondary,
    }
    return entry


def metric(values, unit):
    """A JMH metric of one fork; the launcher recomputes score, error and percentiles when it joins the forks (JMH's
    99.9% Student t needs a t quantile the standard library lacks), so error and confidence are left "NaN" here, as
    JMH leaves them for one iteration."""
    mean = sum(values) / len(values)
    ordered = sorted(values)
    return {
        "score": mean,
        "scoreError": "NaN",
        "scoreConfidence": ["NaN", "NaN"],
        "scorePercentiles": {"0.0": ordered[0], "50.0": ordered[len(ordered) // 2], "100.0": ordered[-1]},
        "scoreUnit": unit,
        "rawData": [list(values)],
    }


def run_fork(workload, strategy, threads, size, params, warmup, iterations, seconds, url=None, prefix="python"):
    """One fork: the dictionary the fork command prints."""
    bench = benchmarks.create(workload, strategy, threads, size, params, url)
    try:
        warm = [iteration(bench, seconds) for _ in range(warmup)]
        if workload == "counter":
            bench.lost.clear()
        measured_from = time.perf_counter()
        scores = [iteration(bench, seconds) for _ in range(iterations)]
        measured_seconds = time.perf_counter() - measured_from
        secondary = {}
        if workload == "counter":
            # every operation of the measured iterations, as updates lost per operation
            secondary["lostUpdates"] = metric([float(x) for x in bench.lost], "updates/op")
    finally:
        bench.close()
    full = dict(benchmarks.PARAMS.get(workload, {}))
    full.update(params)
    name = prefix + "." + workload
    info = benchmarks.interpreter()
    return {"result": [jmh_entry(name, strategy, threads, size, full, warmup, iterations, seconds, scores, secondary,
                                 info)],
            "warmup": warm,
            "measuredSeconds": measured_seconds,
            "interpreter": info}


def end_group():
    """After an interrupted fork has closed its pools: SIGTERM to every process left in this fork's process group (a
    pool worker that was still starting when the pools closed, the forkserver waiting on it). multiprocessing's
    resource tracker ignores SIGTERM by design; it ends when the others have, unlinking what they left."""
    if hasattr(os, "killpg") and os.getpgrp() == os.getpid():
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            os.killpg(os.getpgrp(), signal.SIGTERM)
        except OSError:
            pass


def main_fork(args):
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # this fork and every process it starts form one group, which end_group can end
    signal.signal(signal.SIGTERM, on_term)
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()
    params = {}
    for p in args.param or []:
        k, sep, v = p.partition("=")
        if not sep:
            raise benchmarks.Failure("--param '%s' is not name=value" % p)
        params[k] = v
    out = run_fork(args.workload, args.strategy, args.threads, args.size, params, args.warmup, args.iterations,
                   args.iteration_ms / 1000.0, args.url, args.prefix)
    text = json.dumps(out)
    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, args.out)
    else:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    return 0
