#!/usr/bin/env bash
# aa-check.sh: do two runs of the same build agree? Runs the default run (or the run options given) twice, back to
# back, reports both, and prints:
#   - the share of speedup points whose 95% interval contains the other run's estimate (both ways);
#   - the median and largest relative difference between the two runs' speedups;
#   - whether "Which strategy to use" (summary.json's recommendations) is the same;
#   - each run's wall time.
# Targets on a 2-vCPU machine (issue "numbers that survive a rerun"): coverage >= 80% both ways, median difference
# <= 2.5%, the same recommendation, a default run <= 11 minutes.
#
# Usage:
#   scripts/aa-check.sh [run options]            # e.g. scripts/aa-check.sh --include primes --threads 1,2
#   scripts/aa-check.sh --runs RUN_A RUN_B       # compare two existing run folders (re-reported with this analyzer)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARBENCH="$ROOT/scripts/parbench"

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "aa-check: python3 is needed to compare the runs" >&2; exit 2; }

declare -a RUNS=() TIMES=()
if [ "${1:-}" = "--runs" ]; then
  [ $# -eq 3 ] || { echo "aa-check: --runs takes two run folders" >&2; exit 2; }
  for r in "$2" "$3"; do
    [ -f "$r/results.json" ] || { echo "aa-check: $r has no results.json" >&2; exit 2; }
    RUNS+=("$(cd "$r" && pwd)")
    TIMES+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("durationSeconds") or "")' "$r/environment.json" 2>/dev/null || true)")
    "$PARBENCH" report "$r" --quiet >/dev/null
  done
else
  for i in 1 2; do
    start=$(date +%s)
    out="$("$PARBENCH" run "$@" | tail -n 2 | head -n 1)"
    end=$(date +%s)
    RUNS+=("$out")
    TIMES+=("$((end - start))")
    echo "aa-check: run $i: $out ($((end - start)) s, report included)" >&2
  done
fi

python3 - "${RUNS[0]}" "${RUNS[1]}" "${TIMES[0]}" "${TIMES[1]}" <<'PY'
import csv, json, statistics, sys

def points(run):
    rows = {}
    with open(run + "/report/tables/scaling.csv", newline="") as f:
        for r in csv.DictReader(f):
            try:
                rows[(r["workload"], r["strategy"], r["threads"])] = (
                    float(r["speedup"]), float(r["speedup_low95"]), float(r["speedup_high95"]))
            except ValueError:
                pass  # a point without an interval
    return rows

def recommendation(run):
    """What "Which strategy to use" says per kind of work: the strategies to use and to avoid (not the reason's figures)."""
    try:
        rows = json.load(open(run + "/report/summary.json")).get("recommendations") or []
    except (OSError, ValueError):
        return None
    return {r["suite"]: {"use": r["use"], "avoid": r["avoid"]} for r in rows}

a, b = points(sys.argv[1]), points(sys.argv[2])
common = sorted(set(a) & set(b))
if not common:
    sys.exit("aa-check: the two runs have no speedup point in common")
ab = sum(1 for k in common if a[k][1] <= b[k][0] <= a[k][2]) / len(common)
ba = sum(1 for k in common if b[k][1] <= a[k][0] <= b[k][2]) / len(common)
diffs = sorted((abs(a[k][0] - b[k][0]) / a[k][0], k) for k in common if a[k][0] > 0)
median = statistics.median(d for d, _ in diffs)
worst, wk = diffs[-1]
ra, rb = recommendation(sys.argv[1]), recommendation(sys.argv[2])
print(f"runs: {sys.argv[1]}  {sys.argv[2]}")
print(f"speedup points in common: {len(common)}")
print(f"coverage: run 1's 95% intervals hold run 2's estimate at {ab:.0%} of the points; the other way {ba:.0%}")
print(f"speedup difference: median {median:.1%}, largest {worst:.1%} ({' '.join(wk)}: {a[wk][0]:.2f}x vs {b[wk][0]:.2f}x)")
print(f"recommendation: {'the same' if ra == rb else 'DIFFERENT'}")
if ra != rb:
    print(f"  run 1: {ra}\n  run 2: {rb}")
for i, t in enumerate(sys.argv[3:5], 1):
    if t:
        print(f"run {i} wall time: {float(t) / 60:.1f} min")
PY
