#!/usr/bin/env bash
# Renders the workbench's main views to docs/screenshots/ from the demo project, at a small
# laptop size and at full HD, plus the README's images at the default size.
# Run scripts/demo.sh (or build and create build/demo/west-midlands.warrant) first.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/app/warrant
project=build/demo/west-midlands.warrant
out=docs/screenshots
[ -f "$project" ] || { echo "screenshots: $project is missing; run scripts/demo.sh first" >&2; exit 2; }
mkdir -p "$out"
for view in coding search retrieval evidence agreement matrix charts query; do
  "$bin" --screenshot "$out/$view.png" --view "$view" "$project"
  for size in 1024x700 1920x1080; do
    "$bin" --screenshot "$out/$view-$size.png" --view "$view" --size "$size" "$project"
  done
done
echo "Screenshots in $out/"
