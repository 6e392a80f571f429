#!/usr/bin/env python3
"""Where an A/B run's spread comes from, from the iterations its folders keep (no new run).

    scripts/ab-spread.py [--fork-summary min|median|mean] AB_DIR [AB_DIR ...]

For each `parbench ab` folder (ab.json, base/ and candidate/ with their iterations.json) it prints:
  - the median spread a pair (sd of the within-pair log ratios, each fork summarised by its first k measured
    iterations: their minimum, as the gate judges by default, or their median or mean) for k = 1 .. all, and the
    fit a + b/k over the runs: a is the forks' share, which more iterations cannot shrink (a model of the mean: with
    the minimum, fitted over 5 iterations it promised a gain from 10 that an ABBA did not find; README "More measured
    iterations a fork, tried");
  - the correlation of a round's base and candidate fork levels (median per suite and thread count): what pairing
    removes;
  - the median spread with the order effect taken out (the crossover estimator: each order's mean apart, n - 2
    degrees of freedom) beside the plain one.
Python standard library only. README: "Where the spread comes from".
"""
import argparse
import json
import math
import statistics as st
import sys
from collections import defaultdict


def load(folder):
    ab = json.load(open(f"{folder}/ab.json"))
    sides = {}
    for side in ("base", "candidate"):
        sides[side] = {}
        for b in json.load(open(f"{folder}/{side}/iterations.json"))["benchmarks"]:
            key = b["benchmark"] + str(sorted(b["params"].items()))
            sides[side][key] = ({f["round"]: f["measurement"] for f in b["forks"]}, b)
    first = {}
    for b in ab["benchmarks"]:
        bench, _, _, params = b["key"].split("|", 3)
        p = dict(x.split("=", 1) for x in params.strip("{}").split(", ")) if params.strip("{}") else {}
        first[bench + str(sorted(p.items()))] = {q["round"]: q["first"] for q in b["pairs"]}
    return sides, first


def label(b):
    p = b["params"]
    return b["benchmark"].split(".")[-2] + " t" + p.get("threads", str(b.get("threads", "?")))


SUMMARIES = {"min": min, "median": st.median, "mean": st.mean}


def main(argv):
    parser = argparse.ArgumentParser(prog="ab-spread", description="Where an A/B run's spread comes from.")
    parser.add_argument("--fork-summary", choices=SUMMARIES, default="min",
                        help="how a fork's iterations become one number (default: min, as the gate judges)")
    parser.add_argument("folders", nargs="+", metavar="AB_DIR")
    args = parser.parse_args(argv)
    summary, folders = args.fork_summary, args.folders
    loc = SUMMARIES[summary]
    print(f"each fork summarised by the {summary} of its measured iterations")
    ks = None
    by_k = defaultdict(list)
    corr = defaultdict(list)
    plain, cross = [], []
    for folder in folders:
        try:
            sides, first = load(folder)
        except (OSError, ValueError, KeyError, TypeError) as e:
            print(f"ab-spread: {folder} is not a parbench ab folder with its iterations kept "
                  f"(ab.json, base/ and candidate/iterations.json): {e}", file=sys.stderr)
            return 2
        keys = [k for k in sides["base"] if k in sides["candidate"]]
        m = min(len(f) for k in keys for f in list(sides["base"][k][0].values()) + list(sides["candidate"][k][0].values()))
        ks = range(1, m + 1) if ks is None else range(1, min(m, len(ks)) + 1)
        for k in range(1, m + 1):
            sds = []
            for key in keys:
                b, c = sides["base"][key][0], sides["candidate"][key][0]
                logs = [math.log(loc(c[r][:k]) / loc(b[r][:k])) for r in b if r in c]
                if len(logs) >= 2:
                    sds.append(st.stdev(logs))
            by_k[k].append(100 * st.median(sds))
        sp, sc = [], []
        for key in keys:
            (b, meta), c = sides["base"][key], sides["candidate"][key][0]
            rounds = [r for r in b if r in c]
            xb = [math.log(loc(b[r])) for r in rounds]
            xc = [math.log(loc(c[r])) for r in rounds]
            if len(rounds) >= 3 and st.pstdev(xb) > 0 and st.pstdev(xc) > 0:
                corr[label(meta)].append(st.correlation(xb, xc))
            logs = [y - x for x, y in zip(xb, xc)]
            order = first.get(key, {})
            cf = [lg for r, lg in zip(rounds, logs) if order.get(r) == "candidate"]
            bf = [lg for r, lg in zip(rounds, logs) if order.get(r) == "base"]
            if len(cf) >= 2 and len(bf) >= 2:
                sp.append(st.variance(logs))
                sc.append((sum((v - st.mean(cf)) ** 2 for v in cf) + sum((v - st.mean(bf)) ** 2 for v in bf))
                          / (len(logs) - 2))
        if sp:
            plain.append(100 * math.sqrt(st.median(sp)))
            cross.append(100 * math.sqrt(st.median(sc)))
        print(f"{folder}: median spread a pair {by_k[m][-1]:.2f}%"
              + (f"; with the order effect taken out {cross[-1]:.2f}% (plain {plain[-1]:.2f}%)" if sp else
                 "; order not balanced: no crossover figure"))
    print("spread a pair by measured iterations a fork (mean over the runs of the median over benchmarks):")
    for k in ks:
        print(f"  k={k}: {st.mean(by_k[k]):.2f}%")
    # least squares of var = a + b/k over the runs' means
    xs = [1 / k for k in ks]
    ys = [st.mean(by_k[k]) ** 2 for k in ks]
    if len(xs) >= 2:
        slope, intercept = st.linear_regression(xs, ys)
        print(f"  fit var = a + b/k: forks' part sqrt(a) = {math.sqrt(max(intercept, 0)):.2f}%, "
              f"iterations' part at k={ks[-1]} sqrt(b/k) = {math.sqrt(max(slope, 0) / ks[-1]):.2f}%")
    print("correlation of a round's base and candidate fork levels (median over benchmarks and runs):")
    for g in sorted(corr):
        print(f"  {g}: {st.median(corr[g]):+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
