#!/usr/bin/env bash
# ab-check.sh: does the A/B gate neither cry wolf nor miss a real slowdown? On this machine, with the run options
# given (default: --include 'Primes|SumSquares' --threads 1,2, 30 benchmarks a side):
#   1. A/A: 'parbench ab . .' three times; each must exit 0 with no regression;
#   2. A/B: 'parbench ab . . --candidate-jvm-args -Dparbench.workFactor=primes=1.05' (primes does 5% more work);
#      it must exit 1 with at least 12 of the 15 primes benchmarks flagged and no sum-of-squares benchmark (two of
#      the 15, process-cold, start a JVM per operation, which hides 5% more arithmetic: README, "Caught from");
#   3. today's way, for comparison: two separate 'parbench run's (the second with the same 5% slowdown) and
#      'parbench compare'.
# It prints each run's exit code, wall time, verdicts, the median minimum detectable effect (aim: <= 3%) and the
# median slowdown a regression is caught from (80% power: the threshold plus the MDE), and
# the target: each ab run <= 12 minutes on a 2-vCPU machine. Nothing else should run on the machine meanwhile.
#
# Usage:
#   scripts/ab-check.sh [--out DIR] [--skip-compare] [run options]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARBENCH="$ROOT/scripts/parbench"

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "ab-check: python3 is needed to read the verdicts" >&2; exit 2; }

OUT="$ROOT/reports/ab-check-$(date -u +%Y%m%d-%H%M%S)"
SKIP_COMPARE=0
OPTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --skip-compare) SKIP_COMPARE=1; shift ;;
    *) OPTS+=("$1"); shift ;;
  esac
done
[ ${#OPTS[@]} -eq 0 ] && OPTS=(--include 'Primes|SumSquares' --threads 1,2)
SLOW=-Dparbench.workFactor=primes=1.05
mkdir -p "$OUT"

# summarize DIR: exit code and seconds are passed in; prints one line from compare/compare.json.
summarize() {
  python3 - "$@" <<'PY'
import json, statistics, sys
label, folder, rc, secs = sys.argv[1:5]
c = json.load(open(folder + "/compare.json"))
flagged = [b for b in c["benchmarks"] if b["verdict"] == "regression"]
primes = sum(1 for b in flagged if "Primes" in b["benchmark"])
sumsq = sum(1 for b in flagged if "SumSquares" in b["benchmark"])
total_primes = sum(1 for b in c["benchmarks"] if "Primes" in b["benchmark"])
mde = (c.get("design") or {}).get("medianMinimumDetectableEffect")
caught = (c.get("design") or {}).get("medianCaughtFrom")
counts = c["counts"]
print(f"{label:<14} exit {rc}  {int(float(secs)) // 60:>2}m{int(float(secs)) % 60:02d}s  "
      f"regression {counts['regression']} (primes {primes}/{total_primes}, sumsq {sumsq}), "
      f"unchanged {counts['unchanged']}, inconclusive {counts['inconclusive']}, improvement {counts['improvement']}"
      + (f", median MDE {mde * 100:.1f}%" if mde is not None else "")
      + (f", caught from {caught * 100:.1f}%" if caught is not None else ""))
PY
}

LINES=()
ab_run() {
  local label="$1"; shift
  local start end rc=0
  start=$(date +%s)
  "$PARBENCH" ab . . "${OPTS[@]}" --out "$OUT/$label" --quiet "$@" >"$OUT/$label.stdout" 2>"$OUT/$label.stderr" || rc=$?
  end=$(date +%s)
  if [ -f "$OUT/$label/compare/compare.json" ]; then
    LINES+=("$(summarize "$label" "$OUT/$label/compare" "$rc" "$((end - start))")")
  else
    LINES+=("$label: exit $rc, no verdicts (see $OUT/$label.stderr)")
  fi
  echo "${LINES[-1]}" >&2
}

ab_run aa-1
ab_run aa-2
ab_run aa-3
ab_run ab-primes-5pct --candidate-jvm-args "$SLOW"

if [ "$SKIP_COMPARE" = 0 ]; then
  start=$(date +%s)
  "$PARBENCH" run "${OPTS[@]}" --out "$OUT/run-base" --quiet >/dev/null 2>"$OUT/run-base.stderr"
  "$PARBENCH" run "${OPTS[@]}" --out "$OUT/run-slow" --quiet -- -jvmArgsAppend "$SLOW" >/dev/null 2>"$OUT/run-slow.stderr"
  rc=0
  "$PARBENCH" compare "$OUT/run-base" "$OUT/run-slow" --threshold 2 --out "$OUT/compare" --quiet >/dev/null 2>"$OUT/compare.stderr" || rc=$?
  end=$(date +%s)
  LINES+=("$(summarize "two-runs" "$OUT/compare" "$rc" "$((end - start))")")
  echo "${LINES[-1]}" >&2
fi

echo
echo "ab-check on $(nproc) CPUs, options: ${OPTS[*]} (folders in $OUT)"
printf '%s\n' "${LINES[@]}"
