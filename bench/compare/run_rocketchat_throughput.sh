#!/usr/bin/env bash
# Rocket.Chat vs Telegram ingest throughput, side by side on generated inputs of the same size:
#   casegraph synth (Telegram, the default)       -> result.json folder
#   casegraph synth --format rocketchat           -> mongoexport JSON Lines folder
# Each ingest: `casegraph -w W case add B; casegraph -w W ingest --case B PATH` (Rocket.Chat
# with --instance), one warm-up then RUNS (default 3) timed runs; the median is reported.
# Usage: bench/compare/run_rocketchat_throughput.sh [MESSAGES (default 1000000)] [WORKDIR] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-1000000}
work=${2:-/tmp/casegraph-rc-bench}
build=${3:-build-release}
runs=${RUNS:-3}
mkdir -p "$work"
if [ ! -x "$build/casegraph" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target casegraph >/dev/null
fi
cg=$build/casegraph
tg="$work/tg-$messages"
rc="$work/rc-$messages"
[ -f "$tg/result.json" ] || $cg synth --out "$tg" --messages "$messages" >/dev/null
[ -f "$rc/rocketchat.rocketchat_message.json" ] || $cg synth --format rocketchat --out "$rc" --messages "$messages" >/dev/null
cat "$tg"/result.json "$rc"/*.json > /dev/null   # page cache warm for both

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # timed LABEL CMD... -> appends "seconds maxrss_kb" to $work/LABEL.times
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/.t" "$@" >/dev/null
  cat "$work/.t" >> "$work/$label.times"
}

rm -f "$work"/*.times
for i in $(seq 0 "$runs"); do
  rm -f "$work/tg.db"*; $cg -w "$work/tg.db" case add B >/dev/null
  timed telegram $cg -w "$work/tg.db" ingest --case B "$tg"
  rm -f "$work/rc.db"*; $cg -w "$work/rc.db" case add B >/dev/null
  timed rocketchat $cg -w "$work/rc.db" ingest --case B --instance bench.example.org "$rc"
  if [ "$i" = 0 ]; then rm -f "$work"/*.times; fi   # warm-up run
done

for label in telegram rocketchat; do
  secs=$(awk '{print $1}' "$work/$label.times" | median)
  rss=$(awk '{print $2}' "$work/$label.times" | median)
  all=$(awk '{printf "%s ", $1}' "$work/$label.times")
  awk -v l="$label" -v s="$secs" -v r="$rss" -v n="$messages" -v all="$all" \
    'BEGIN { printf "%-10s %d messages  median %.2f s (runs: %s)  %.0f messages/s  max RSS %.0f MB\n", l, n, s, all, n / s, r / 1024 }'
done
