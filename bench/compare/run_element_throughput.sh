#!/usr/bin/env bash
# Element (Matrix) ingest throughput against Telegram's, side by side on generated exports of
# about the same number of messages (casegraph synth, --format element vs the default telegram):
#   casegraph -w W case add B; /usr/bin/time casegraph -w W ingest --case B PATH
# Each side runs once to warm up, then RUNS times (default 3); the median is reported, as
# messages/s over the wall time of the whole ingest process (PERFORMANCE.md §0). Usage:
#   bench/compare/run_element_throughput.sh [MESSAGES (default 1000000)] [WORKDIR (default /tmp/casegraph-element-bench)]
# BUILD (default build-release) is a Release build dir; it is configured and built if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-1000000}
work=${2:-/tmp/casegraph-element-bench}
runs=${RUNS:-3}
build=${BUILD:-build-release}
mkdir -p "$work"
if [ ! -x "$build/casegraph" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target casegraph >/dev/null
fi
cg=$build/casegraph
tg="$work/tg-$messages"
el="$work/el-$messages"
[ -f "$tg/result.json" ] || $cg synth --out "$tg" --messages "$messages" >/dev/null
[ -f "$el/export.json" ] || $cg synth --format element --out "$el" --messages "$messages" >/dev/null
cat "$tg/result.json" "$el/export.json" > /dev/null   # page cache warm for both

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rm -f "$work"/*.times "$work"/*.count
for i in $(seq 0 "$runs"); do
  for side in telegram element; do
    path=$tg; [ "$side" = element ] && path=$el
    rm -f "$work/$side.db"*
    $cg -w "$work/$side.db" case add B >/dev/null
    /usr/bin/time -f "%e %M" -o "$work/.t" $cg -w "$work/$side.db" ingest --case B --json "$path" > "$work/.out"
    grep -o '"messages":[0-9]*' "$work/.out" | head -1 | cut -d: -f2 > "$work/$side.count"
    if [ "$i" != 0 ]; then cat "$work/.t" >> "$work/$side.times"; fi   # run 0 warms up
  done
done

printf "%-10s %10s %10s %12s %12s %10s\n" format messages bytes median_s messages/s maxrss_MB
for side in telegram element; do
  path=$tg/result.json; [ "$side" = element ] && path=$el/export.json
  n=$(cat "$work/$side.count")
  s=$(cut -d' ' -f1 "$work/$side.times" | median)
  rss=$(cut -d' ' -f2 "$work/$side.times" | median)
  printf "%-10s %10s %10s %12s %12.0f %10.0f\n" "$side" "$n" "$(stat -c %s "$path")" "$s" "$(echo "$n / $s" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)"
done
echo "runs: $runs after one warm-up; times: $work/*.times (seconds maxrss_kB per run)"
