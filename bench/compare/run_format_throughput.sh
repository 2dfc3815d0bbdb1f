#!/usr/bin/env bash
# Ingest throughput of one importer against Telegram's, side by side in one run on generated
# exports of the same number of messages (`casegraph synth`, --format FORMAT vs the default
# Telegram export). Each ingest is a whole process:
#   casegraph -w W case add B; /usr/bin/time casegraph -w W ingest --case B [options] PATH
# Both sides run once to warm up, then RUNS times (default 3), alternating; the median is
# reported as messages/s over the wall time (PERFORMANCE.md §0). Usage:
#   bench/compare/run_format_throughput.sh FORMAT [MESSAGES (default 1000000)] [WORKDIR] [BUILD_DIR]
# FORMAT: element | rocketchat | whatsapp. BUILD_DIR (default build/bench) is a Release build,
# configured and built when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
format=${1:?usage: run_format_throughput.sh element|rocketchat|whatsapp [MESSAGES] [WORKDIR] [BUILD_DIR]}
messages=${2:-1000000}
work=${3:-/tmp/casegraph-throughput}
build=${4:-build/bench}
runs=${RUNS:-3}
case "$format" in
  element) options=() ;;
  rocketchat) options=(--instance bench) ;;
  whatsapp) options=(--tz Europe/Istanbul) ;;
  *) echo "unknown format $format" >&2; exit 2 ;;
esac
mkdir -p "$work"
if [ ! -x "$build/casegraph" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_TESTS=OFF -DCASEGRAPH_BUILD_BENCH=ON >/dev/null
  cmake --build "$build" --target casegraph >/dev/null
fi
cg=$build/casegraph
tg="$work/telegram-$messages"
other="$work/$format-$messages"
[ -d "$tg" ] || $cg synth --out "$tg" --messages "$messages" >/dev/null
[ -d "$other" ] || $cg synth --format "$format" --out "$other" --messages "$messages" >/dev/null
find "$tg" "$other" -type f -exec cat {} + > /dev/null   # page cache warm for both

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rm -f "$work"/*.times "$work"/*.count
for i in $(seq 0 "$runs"); do
  for side in telegram "$format"; do
    path=$tg; side_options=()
    if [ "$side" = "$format" ]; then path=$other; side_options=("${options[@]}"); fi
    rm -f "$work/$side.db"*
    $cg -w "$work/$side.db" case add B >/dev/null
    /usr/bin/time -f "%e %M" -o "$work/.t" $cg -w "$work/$side.db" ingest --case B --json "${side_options[@]}" "$path" > "$work/.out"
    grep -o '"messages":[0-9]*' "$work/.out" | head -1 | cut -d: -f2 > "$work/$side.count"
    if [ "$i" != 0 ]; then cat "$work/.t" >> "$work/$side.times"; fi   # run 0 warms up
  done
done

printf "%-11s %10s %12s %10s %12s %10s\n" format messages input_MB median_s messages/s maxrss_MB
for side in telegram "$format"; do
  path=$tg; [ "$side" = "$format" ] && path=$other
  n=$(cat "$work/$side.count")
  s=$(cut -d' ' -f1 "$work/$side.times" | median)
  rss=$(cut -d' ' -f2 "$work/$side.times" | median)
  mb=$(du -sm "$path" | cut -f1)
  printf "%-11s %10s %12s %10s %12.0f %10.0f\n" "$side" "$n" "$mb" "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
done
echo "runs: $runs after one warm-up, alternating; per-run times: $work/*.times (seconds maxrss_kB)"
