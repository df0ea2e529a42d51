#!/usr/bin/env bash
# Renders the workbench's four views from a fresh demo project into docs/screenshots/ (offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${WARRANT_BIN:-build/release/app}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/warrant-cli" demo "$work/west-midlands.warrant" --corpus sample_corpus > /dev/null
mkdir -p docs/screenshots
for view in coding search retrieval evidence; do
  # Each view starts from the same project state, so the pictures do not depend on their order.
  cp "$work/west-midlands.warrant" "$work/$view.warrant"
  QT_QPA_PLATFORM=offscreen "$bin/warrant" --screenshot "docs/screenshots/$view.png" --view "$view" "$work/$view.warrant"
  echo "docs/screenshots/$view.png"
done
