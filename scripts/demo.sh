#!/usr/bin/env bash
# Quick start 1: install what is missing, build Release, build the demo project from
# sample_corpus/ and open the workbench on it (or, without a display, do the same headless).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release

bin=build/release/app
out=build/demo
project="$out/west-midlands.warrant"
mkdir -p "$out"
# The demo is rebuilt from the corpus every time, so it always matches the checkout.
rm -rf "$project" "$project"-wal "$project"-shm "$project".lock "$project"-index "$project"-index.building
"$bin/warrant-cli" demo "$project" --corpus sample_corpus
"$bin/warrant-cli" info --project "$project"
# The audit of the sample manuscript, as a page a reviewer can read, stored so the workbench shows it.
"$bin/warrant-cli" audit --project "$project" findings-chapter --format html --output "$out/audit.html" --fail-on none --save

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/warrant" "$project"
fi

# Headless: render the workbench to a PNG instead of opening a window.
"$bin/warrant" --screenshot "$out/workbench.png" "$project"
echo
echo "No display found, so the workbench was not opened."
echo "Project:    $(realpath "$project")"
echo "Screenshot: $(realpath "$out/workbench.png")"
echo "Audit:      $(realpath "$out/audit.html")"
echo "Open it later with: $bin/warrant $project"
