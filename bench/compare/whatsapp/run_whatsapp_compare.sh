#!/usr/bin/env bash
# WhatsApp parse benchmark, side by side in one run on the same generated export:
#   casegraph's whatsapp-txt importer (bench/whatsapp_parse_bench: map + parse into a counting
#   sink, Release build)  vs  the npm package whatsapp-chat-parser (parse.mjs, pinned in
#   package.json; parseString with parseAttachments). Both are timed on the parse only.
# Then the message counts of both on every shared WhatsApp fixture. Usage:
#   bench/compare/whatsapp/run_whatsapp_compare.sh [TARGET_MB (default 100)] [WORKDIR (default /tmp/casegraph-wa-bench)]
# Each side runs once to warm up, then RUNS times (default 3); the median is reported.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.."
target_mb=${1:-100}
work=${2:-/tmp/casegraph-wa-bench}
runs=${RUNS:-3}
style=${STYLE:-android-en-GB}
mkdir -p "$work"
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_TESTS=OFF -DCASEGRAPH_BUILD_BENCH=ON >/dev/null
cmake --build build/bench --target casegraph whatsapp_parse_bench >/dev/null
[ -d "$here/node_modules/whatsapp-chat-parser" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
cg=build/bench/casegraph
bench=build/bench/bench/whatsapp_parse_bench

# ~95 bytes per synthetic message: size the export to about TARGET_MB.
messages=$((target_mb * 1024 * 1024 / 95))
export_dir="$work/wa-$style-$messages"
[ -d "$export_dir" ] || $cg synth --format whatsapp --style "$style" --messages "$messages" --out "$export_dir" >/dev/null
chat=$(ls "$export_dir"/*.txt)
bytes=$(stat -c %s "$chat")
cat "$chat" > /dev/null  # page cache warm for both sides

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
rm -f "$work"/*.ms "$work"/*.cpu
for i in $(seq 0 "$runs"); do
  cg_out=$($bench "$export_dir" Europe/Istanbul)
  node_out=$(node --max-old-space-size=16384 "$here/parse.mjs" "$export_dir")
  if [ "$i" != 0 ]; then  # run 0 is the warm-up
    echo "$cg_out" | field parse_ms >> "$work/casegraph.ms"
    echo "$node_out" | field parse_ms >> "$work/node.ms"
    echo "$cg_out" | field cpu_ms >> "$work/casegraph.cpu"
    echo "$node_out" | field cpu_ms >> "$work/node.cpu"
  fi
done
cg_ms=$(median < "$work/casegraph.ms")
node_ms=$(median < "$work/node.ms")
cg_cpu=$(median < "$work/casegraph.cpu")
node_cpu=$(median < "$work/node.cpu")
cg_n=$(echo "$cg_out" | field messages)
node_n=$(echo "$node_out" | field messages)
echo "export: $chat ($bytes bytes, $style, $messages messages written)"
printf "%-28s %10s %14s %14s %10s\n" side messages "median wall ms" "median cpu ms" "MB/s wall"
printf "%-28s %10s %14s %14s %10.1f\n" "casegraph whatsapp-txt" "$cg_n" "$cg_ms" "$cg_cpu" "$(echo "$bytes / 1048576 / ($cg_ms / 1000)" | bc -l)"
printf "%-28s %10s %14s %14s %10.1f\n" "npm whatsapp-chat-parser" "$node_n" "$node_ms" "$node_cpu" "$(echo "$bytes / 1048576 / ($node_ms / 1000)" | bc -l)"
printf "speed-up: %.1fx wall, %.1fx cpu (runs: %s, median of each; load average: %s)\n" "$(echo "$node_ms / $cg_ms" | bc -l)" \
  "$(echo "$node_cpu / $cg_cpu" | bc -l)" "$runs" "$(cut -d' ' -f1 /proc/loadavg)"

echo
echo "message counts on the shared fixtures (casegraph / whatsapp-chat-parser):"
fixtures=../shared/fixtures/whatsapp
if [ -d "$fixtures" ]; then
  find "$fixtures" -type f -name '*.txt' | sort | while read -r f; do
    c=$($bench "$f" UTC 2>/dev/null | field messages || true)
    n=$(node "$here/parse.mjs" "$f" | field messages)
    mark=""; [ "$c" != "$n" ] && mark="  <- differs"
    printf "  %5s %5s  %s%s\n" "${c:-err}" "$n" "${f#$fixtures/}" "$mark"
  done
fi
