#!/usr/bin/env bash
# usage: run-fuzzer.sh CLANGXX SOURCE_DIR BUILD_DIR
set -euo pipefail
clangxx=$1 src=$2 build=$3
seconds=${SHIPYARD_FUZZ_SECONDS:-20}
cmake -S "$src/tests/fuzz/project" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$clangxx" \
    -DSHIPYARD_SOURCE_DIR="$src" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j "$(nproc)"
corpus=$build/corpus
mkdir -p "$corpus"
cp -n "$src"/tests/fuzz/corpus/* "$src"/resources/demo/ecosystem.yaml "$corpus"/ 2>/dev/null || true
# -max_len keeps inputs near real file sizes; -timeout flags a slow input as a hang.
"$build/fuzz_ecosystemloader" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 25
