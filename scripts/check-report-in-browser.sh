#!/usr/bin/env bash
# Opens a report's index.html in headless Chromium and checks that nothing is broken: every chart the page
# references exists and is a PNG, the browser logs no failed load, and a screenshot is taken to look at.
#   scripts/check-report-in-browser.sh reports/<run-id>/report [screenshot.png] [height]
# Skips (exit 0, with a message) where no Chromium is installed (Debian: apt-get install chromium).
set -euo pipefail

report="${1:?usage: scripts/check-report-in-browser.sh REPORT_DIR [SCREENSHOT.png] [HEIGHT]}"
[ -d "$report" ] || { echo "check-report: $report is not a folder" >&2; exit 2; }
report="$(cd "$report" && pwd)"
shot="${2:-$report/screenshot.png}"
height="${3:-6000}"
[ -f "$report/index.html" ] || { echo "check-report: $report has no index.html" >&2; exit 2; }

browser=""
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "check-report: skipped, no Chromium found (Debian/Ubuntu: apt-get install chromium)"
  exit 0
fi

fail=0
# Every chart the page shows must exist and be a PNG (the page links each to its SVG too).
while IFS= read -r src; do
  f="$report/$src"
  if [ ! -s "$f" ]; then
    echo "check-report: missing chart $src" >&2; fail=1
  elif [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" != "211PNG" ]; then
    echo "check-report: $src is not a PNG" >&2; fail=1
  fi
  [ -s "${f%.png}.svg" ] || { echo "check-report: missing ${src%.png}.svg" >&2; fail=1; }
done < <(grep -o '<img src="[^"]*"' "$report/index.html" | sed 's/<img src="//; s/"$//')
charts=$(grep -c '<img src=' "$report/index.html" || true)

profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars
       --enable-logging=stderr --v=0 --virtual-time-budget=5000)
timeout 120 "$browser" "${flags[@]}" --window-size=1280,"$height" --screenshot="$shot" \
  "file://$report/index.html" 2>"$log" >/dev/null || { echo "check-report: $browser failed" >&2; cat "$log" >&2; exit 1; }
if grep -E "ERR_FILE_NOT_FOUND|Failed to load resource|Uncaught" "$log" >&2; then
  echo "check-report: the browser reported a failed load (above)" >&2; fail=1
fi
[ -s "$shot" ] || { echo "check-report: no screenshot was written" >&2; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "check-report: $charts chart(s) present, no failed load in $browser; screenshot: $shot"
