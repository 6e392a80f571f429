#!/usr/bin/env bash
# The analyzer's speed check: a synthetic JMH file of N benchmarks (default 10,000) with raw samples, reported with
# a 1 GiB heap and the flags scripts/parbench uses, charts included; prints the wall time. The README records the figure measured.
#   scripts/report-speed.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"
die() { echo "report-speed: $*" >&2; exit 2; }
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
[ -f "$ROOT/analyzer/target/analyzer.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$JAVA" "$ROOT/scripts/SyntheticJmhFile.java" "$work/results.json" "$n"
start=$(date +%s.%N)
"$JAVA" -Xmx1g "${ANALYZER_FLAGS[@]}" -jar "$ROOT/analyzer/target/analyzer.jar" report "$work/results.json" \
  --out "$work/report" --quiet >/dev/null
end=$(date +%s.%N)
charts=$(ls "$work/report/charts" | grep -c '\.png$')
printf 'report-speed: %s benchmarks, %s charts (PNG + SVG), -Xmx1g: %.1f s\n' "$n" "$charts" "$(echo "$end - $start" | bc)"
