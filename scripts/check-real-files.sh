#!/usr/bin/env bash
# The analyzer against a folder of real JMH result files kept outside the project (other projects' jmh-result.json,
# say): each *.json is reported on its own, and one line per file says whether it was read, how many benchmarks,
# and what the report warned of; a file the analyzer rejects prints its one-sentence reason. The check a new shape
# of JMH output should pass before it is added to the fixtures (analyzer/src/test/resources/.../fixtures/real).
#   scripts/check-real-files.sh DIR
# Exit 0 when every file was reported, 1 when any was rejected, 2 on bad usage.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-}"
if [ -z "$dir" ] || [ "$dir" = "--help" ] || [ "$dir" = "-h" ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  [ -z "$dir" ] && exit 2 || exit 0
fi
[ -d "$dir" ] || { echo "check-real-files: $dir is not a folder" >&2; exit 2; }
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
[ -f "$ROOT/analyzer/target/analyzer.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
files=("$dir"/*.json)
[ ${#files[@]} -gt 0 ] || { echo "check-real-files: $dir holds no .json file" >&2; exit 2; }
rejected=0
for f in "${files[@]}"; do
  name="$(basename "$f")"
  out="$work/${name%.json}"
  if err="$("$JAVA" "${ANALYZER_FLAGS[@]}" -jar "$ROOT/analyzer/target/analyzer.jar" report "$f" --out "$out" --quiet 2>&1 >/dev/null)"; then
    n="$(sed -n '3p' "$out/report.md" | grep -o '^[0-9]* benchmark' | grep -o '^[0-9]*' || echo '?')"
    warnings="$(grep -c '^> \*\*Warning:\*\*' "$out/report.md" || true)"
    printf '%-48s read: %s benchmarks, %s warning(s)\n' "$name" "$n" "$warnings"
  else
    rejected=$((rejected + 1))
    printf '%-48s REJECTED: %s\n' "$name" "$(echo "$err" | tail -1)"
  fi
done
[ "$rejected" = 0 ]
