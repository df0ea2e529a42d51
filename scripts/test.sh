#!/usr/bin/env bash
# Quick start 2: install what is missing, build Release and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
ctest --test-dir build/release --output-on-failure -j"$(nproc)"
