#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds casegraph (release) and runs the demo investigation.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target casegraph
exec build/release/casegraph demo "$@"
