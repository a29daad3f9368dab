#!/usr/bin/env bash
# Every C++ source follows .clang-format.
set -euo pipefail
cd "$1"
find app core ui tests -name '*.cpp' -o -name '*.h' | sort | xargs clang-format --dry-run --Werror
