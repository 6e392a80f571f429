#!/usr/bin/env bash
# What a CI job calls: build, run a suite with a profile, compare with a stored baseline, write the outputs, and
# exit with compare's code (0 no regression, 1 a regression, 2 bad input or no baseline).
#
#   scripts/ci-regression.sh --baseline DIR [--suite cpu] [--profile quick] [--out DIR] [--threshold PCT]
#                            [--strict-env] [--init-baseline] [-- options for 'parbench run']
#
# --baseline DIR    a run folder (or results.json) from the main branch, e.g. downloaded as a CI artifact
# --init-baseline   when DIR does not exist yet, make this run the baseline (exit 0) instead of failing
# Outputs in --out (default ci-out/): run/ (the run folder and its report), compare/ (summary.md, junit.xml,
# compare.json, compare.png|svg). With GITHUB_STEP_SUMMARY set, summary.md is appended to the job summary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "ci-regression: $*" >&2; exit 2; }

baseline="" suite="cpu" profile="quick" out="ci-out" threshold="5" strict="" init=""
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="${2:?--baseline needs a folder}"; shift 2 ;;
    --suite) suite="${2:?}"; shift 2 ;;
    --profile) profile="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    --threshold) threshold="${2:?}"; shift 2 ;;
    --strict-env) strict="--strict-env"; shift ;;
    --init-baseline) init=1; shift ;;
    --) shift; run_args=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[ -n "$baseline" ] || die "--baseline DIR is required: the run folder to compare against (see --help)"
[ -e "$out/run" ] && die "$out/run already exists: choose another --out (nothing was overwritten)"
# Check the baseline before spending a whole run.
[ -e "$baseline" ] || [ -n "$init" ] || die "no baseline at $baseline: pass --init-baseline to make this run the baseline"
mkdir -p "$out"

"$ROOT/scripts/parbench" run --suite "$suite" --profile "$profile" --out "$out/run" "${run_args[@]}"

if [ ! -e "$baseline" ]; then   # only with --init-baseline (checked above)
  mkdir -p "$(dirname "$baseline")"
  cp -r "$out/run" "$baseline"
  echo "ci-regression: no baseline at $baseline; this run is now the baseline"
  exit 0
fi

rc=0
"$ROOT/scripts/parbench" compare "$baseline" "$out/run" --out "$out/compare" --threshold "$threshold" $strict || rc=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/compare/summary.md" ]; then
  cat "$out/compare/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit "$rc"
