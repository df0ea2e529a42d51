#!/usr/bin/env bash
# Configures (once) and builds a CMake preset; a second run only rebuilds what changed.
set -euo pipefail
preset="${1:-release}"
cd "$(dirname "$0")/.."
if [ ! -f "build/$preset/CMakeCache.txt" ]; then
  cmake --preset "$preset" -G Ninja
fi
cmake --build "build/$preset" -j"$(nproc)"
