#!/usr/bin/env bash
# `casegraph scan` of a phone-like folder of at least 2 GB against coreutils `sha256sum` over the
# same files, in one run, with the page cache warm for both. casegraph computes MD5, SHA-1 and
# SHA-256 of every file, its MIME type (libmagic), PDQ of every JPEG/PNG, and writes the
# workspace; sha256sum computes one digest. Each side runs 3 times, alternating; medians.
#
# usage: bench/compare/scan/run_scan_vs_sha256sum.sh BUILD_DIR [WORK_DIR] [GIB]
#   BUILD_DIR  a Release build holding ./casegraph
#   WORK_DIR   where the folder and workspaces go (default /tmp/cg-scan-bench)
#   GIB        folder size in GiB (default 2)
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [WORK_DIR] [GIB]}
work=${2:-/tmp/cg-scan-bench}
gib=${3:-2}
here=$(cd "$(dirname "$0")/../../.." && pwd)
cg="$build/casegraph"
photos="$here/../shared/fixtures/pdq/images/threatexchange"
[ -x "$cg" ] || { echo "no $cg" >&2; exit 2; }
[ -d "$photos" ] || { echo "no PDQ fixture photos at $photos" >&2; exit 2; }

folder="$work/phone"
if [ ! -f "$work/.complete-$gib" ]; then
  rm -rf "$work"; mkdir -p "$folder/DCIM" "$folder/Movies" "$folder/Documents" "$folder/Android/data"
  # 800 photos: the fixture JPEGs (1600x1004 and smaller), each made distinct by bytes after
  # its end-of-image marker (decoders ignore them; digests differ).
  i=0
  while [ $i -lt 800 ]; do
    for src in "$photos"/dih/*.jpg "$photos"/bridge-mods/*.jpg; do
      [ $i -lt 800 ] || break
      { cat "$src"; printf 'casegraph-bench-%06d' "$i"; } > "$folder/DCIM/IMG_$(printf %05d $i).jpg"
      i=$((i + 1))
    done
  done
  # 3000 small text files (app data, notes).
  for i in $(seq 1 3000); do printf 'placeholder note %d\n' "$i" > "$folder/Android/data/note-$i.txt"; done
  # Large opaque files ("videos", archives) up to the target size.
  photo_bytes=$(du -sb "$folder" | cut -f1)
  target=$((gib * 1024 * 1024 * 1024))
  n=0
  while [ "$photo_bytes" -lt "$target" ]; do
    head -c $((48 * 1024 * 1024)) /dev/urandom > "$folder/Movies/VID_$(printf %04d $n).mp4"
    photo_bytes=$((photo_bytes + 48 * 1024 * 1024)); n=$((n + 1))
  done
  touch "$work/.complete-$gib"
fi
files=$(find "$folder" -type f | wc -l)
bytes=$(du -sb "$folder" | cut -f1)
echo "folder: $folder, $files files, $bytes bytes"
# Warm the page cache for both sides.
find "$folder" -type f -print0 | xargs -0 cat > /dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sha_times=(); cg_times=()
for run in 1 2 3; do
  t0=$(date +%s.%N)
  find "$folder" -type f -print0 | xargs -0 sha256sum > /dev/null
  t1=$(date +%s.%N)
  sha_times+=("$(echo "$t1 - $t0" | bc)")
  ws="$work/ws-$run.db"; rm -f "$ws"*
  "$cg" -w "$ws" case add BENCH > /dev/null
  t0=$(date +%s.%N)
  "$cg" -w "$ws" scan --case BENCH --json "$folder" > "$work/scan-$run.json"
  t1=$(date +%s.%N)
  cg_times+=("$(echo "$t1 - $t0" | bc)")
  echo "run $run: sha256sum ${sha_times[-1]} s, casegraph scan ${cg_times[-1]} s"
done
sha=$(printf '%s\n' "${sha_times[@]}" | median)
cgm=$(printf '%s\n' "${cg_times[@]}" | median)
python3 - "$work/scan-1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["files"]
print(f"casegraph: {f['total']} entries, {f['read']} read, {f['bytes']} bytes, {f['images']} images PDQ-hashed, "
      f"{f['documents']} documents indexed")
PY
echo "median: sha256sum $sha s ($(echo "scale=1; $bytes / $sha / 1000000" | bc) MB/s), casegraph scan $cgm s ($(echo "scale=1; $bytes / $cgm / 1000000" | bc) MB/s)"
echo "ratio casegraph/sha256sum: $(echo "scale=2; $cgm / $sha" | bc) (goal: at most 1.3)"
