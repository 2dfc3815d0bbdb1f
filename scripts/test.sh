#!/usr/bin/env bash
# Builds casegraph with AddressSanitizer + UBSan and -Werror, runs every test (unit, golden,
# end-to-end CLI, fuzz-corpus replays), then a short libFuzzer run of each fuzz target.
# Set CASEGRAPH_FUZZ_SECONDS=0 to skip the fuzz runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
jobs=$(nproc)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCASEGRAPH_SANITIZE=ON -DCASEGRAPH_WERROR=ON >/dev/null
cmake --build build/asan -j "$jobs"
(cd build/asan && ctest -j "$jobs" --output-on-failure)

fuzz_seconds=${CASEGRAPH_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" != "0" ]; then
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCASEGRAPH_SANITIZE=ON -DCASEGRAPH_BUILD_FUZZ=ON -DCASEGRAPH_BUILD_TESTS=ON >/dev/null
  targets=$(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
  cmake --build build/fuzz -j "$jobs" --target $targets
  for t in $targets; do
    corpus=$(mktemp -d)
    cp fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    echo "fuzz: $t for ${fuzz_seconds}s"
    build/fuzz/fuzz/"$t" -max_total_time="$fuzz_seconds" -rss_limit_mb=4096 -max_len=65536 "$corpus" 2>&1 | tail -n 3
    rm -rf "$corpus"
  done
  echo "fuzz: all targets ran without a crash"
fi
