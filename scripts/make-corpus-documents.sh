#!/usr/bin/env bash
# Remakes the word-processor transcripts of the sample corpus with LibreOffice from their plain-text
# form (kept under sample_corpus/sources/): .docx for R2, M2 and I3, .odt for A1 and J.M.
set -euo pipefail
cd "$(dirname "$0")/.."
src=sample_corpus/sources
out=sample_corpus/transcripts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert() { # name format filter
  python3 scripts/transcript-to-html.py "$src/$1.txt" "$tmp/$1.html"
  soffice --headless --infilter="HTML (StarWriter)" --convert-to "$2:$3" --outdir "$tmp" "$tmp/$1.html" >/dev/null
  cp "$tmp/$1.$2" "$out/$1.$2"
}
for name in R2 M2 I3; do convert "$name" docx "MS Word 2007 XML"; done
for name in A1 JM; do convert "$name" odt "writer8"; done
