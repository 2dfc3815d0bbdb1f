#!/usr/bin/env bash
# Link analysis at scale, in one run: the synthetic scenario at 10 million messages over 100
# cases (casegraph demo: synth, every exhibit ingested, one graph refresh, the answers checked
# against the ground truth), its wall time, peak RSS and workspace size; then the latency of
# links, path and timeline once the workspace is open (median of repeated runs); then
# casegraph's analytics (igraph) against Debian's python3-networkx (PageRank + Louvain) on the
# same communication graph exported as an edge list.
#
# Usage: bench/compare/graph/run_link_scale.sh [MESSAGES] [CASES] [WORKDIR]
#   (defaults 10000000, 100, /tmp/cg-link-scale). Needs a Release build with benchmarks:
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_BENCH=ON
#   ninja -C build-bench casegraph link_query_latency graph_analytics_bench
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
build=${BUILD:-$repo/build-bench}
messages=${1:-10000000}
cases=${2:-100}
work=${3:-/tmp/cg-link-scale}
python=/usr/bin/python3   # Debian's interpreter, so Debian's python3-networkx is the peer

rm -rf "$work" && mkdir -p "$work"
echo "== demo at scale: $messages messages, $cases cases (synth + ingest + refresh + answers + truth check)"
/usr/bin/time -v "$build/casegraph" demo --out "$work" --messages "$messages" --cases "$cases" \
  > "$work/demo.txt" 2> "$work/demo.time" || { tail -30 "$work/demo.txt"; tail -30 "$work/demo.time"; exit 1; }
grep -E "exhibits, .* messages ingested|cases, .* exhibits|precision|decoys merged|demo finished" "$work/demo.txt"
grep -E "Elapsed \(wall|Maximum resident" "$work/demo.time"
echo "workspace: $(du -h "$work/demo.db" | cut -f1) ($(stat -c %s "$work/demo.db") bytes); exports: $(du -sh "$work/scenario" | cut -f1)"

echo "== query latency once the workspace is open (median of 21 runs, after one warm-up)"
"$build/bench/link_query_latency" "$work/demo.db" 21

echo "== analytics on the same graph: casegraph (igraph) vs networkx $($python -c 'import networkx; print(networkx.__version__)')"
"$build/bench/graph_analytics_bench" --export "$work/demo.db" "$work/edges.tsv"
ours=$("$build/bench/graph_analytics_bench" "$work/edges.tsv" 5)
echo "$ours"
peer=$($python "$here/networkx_analytics.py" "$work/edges.tsv" 5)
echo "$peer"
$python - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
two = ours["load_s"] + ours["pagerank_leiden_s"]
allm = ours["load_s"] + ours["pagerank_betweenness_leiden_s"]
p = peer["load_s"] + peer["pagerank_s"] + peer["louvain_s"]
print(f"load + PageRank + communities: casegraph {two * 1000:.2f} ms (Leiden) vs networkx {p * 1000:.2f} ms (Louvain): "
      f"{p / two:.1f}x")
print(f"with betweenness too (all that refresh computes): casegraph {allm * 1000:.2f} ms: {p / allm:.1f}x")
PY
