#!/usr/bin/env bash
# Ingest benchmark, side by side in one run on the same generated export:
#   casegraph ingest  vs  (a) the Python standard-library peer (python_peer.py)
#                     vs  (b) the store's floor: the same rows bulk-loaded by the sqlite3 shell
#                             plus an FTS5 rebuild (sqlite_floor.sh)
# then search latency on casegraph's workspace. Usage:
#   bench/compare/run_ingest_compare.sh [MESSAGES (default 1000000)] [WORKDIR (default /tmp/casegraph-bench)]
# Each side runs once to warm up, then RUNS times (default 3); the median is reported (PERFORMANCE.md §0).
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-1000000}
work=${2:-/tmp/casegraph-bench}
runs=${RUNS:-3}
mkdir -p "$work"
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_TESTS=OFF -DCASEGRAPH_BUILD_BENCH=ON >/dev/null
cmake --build build/bench --target casegraph search_latency >/dev/null
cg=build/bench/casegraph
export_dir="$work/tg-$messages"
[ -f "$export_dir/result.json" ] || $cg synth --out "$export_dir" --messages "$messages" >/dev/null
input_bytes=$(stat -c %s "$export_dir/result.json")
cat "$export_dir/result.json" > /dev/null   # page cache warm for every side

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # timed LABEL CMD... -> appends "seconds maxrss_kb" to $work/LABEL.times
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/.t" "$@" >/dev/null 2>&1
  cat "$work/.t" >> "$work/$label.times"
}

rm -f "$work"/*.times
for i in $(seq 0 "$runs"); do
  rm -f "$work/cg.db"*; $cg -w "$work/cg.db" case add BENCH >/dev/null
  timed casegraph $cg -w "$work/cg.db" ingest --case BENCH "$export_dir"
  rm -f "$work/py.db"*
  timed python /usr/bin/python3 bench/compare/python_peer.py "$export_dir" "$work/py.db"
  bash bench/compare/sqlite_floor.sh "$work/cg.db" "$work/floor" | awk '{print $2, 0}' >> "$work/floor.times"
  if [ "$i" = 0 ]; then rm -f "$work"/*.times; fi   # warm-up run
done

report() {
  local label=$1
  local secs rss
  secs=$(awk '{print $1}' "$work/$label.times" | median)
  rss=$(awk '{print $2}' "$work/$label.times" | median)
  echo "$label $secs $rss"
}
{
  report casegraph; report python; report floor
} | awk -v n="$messages" -v in_mb="$(( input_bytes / 1048576 ))" '
  { secs[$1]=$2; rss[$1]=$3 }
  END {
    printf "input: %d messages, %d MiB result.json\n", n, in_mb
    printf "%-10s %9s %12s %12s\n", "side", "seconds", "messages/s", "peak RSS MiB"
    split("casegraph python floor", order, " ")
    for (i = 1; i <= 3; i++) { k = order[i]; printf "%-10s %9.2f %12.0f %12s\n", k, secs[k], n / secs[k], (rss[k] > 0 ? sprintf("%.0f", rss[k] / 1024) : "-") }
    printf "casegraph vs python: %.2fx faster; casegraph / floor: %.2fx the floor time\n", secs["python"] / secs["casegraph"], secs["casegraph"] / secs["floor"]
    printf "peak RSS budget (input + 512 MiB): %d MiB\n", in_mb + 512
  }'
build/bench/bench/search_latency "$work/cg.db" 1000
