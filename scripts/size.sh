#!/usr/bin/env bash
# Prints the size of the built app (dist/): wasm and JS, raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
total=0
for f in dist/*.wasm dist/*.js; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  awk -v n="${f##*.}" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "%-5s raw %8d B (%6.1f KB)   gzip %7d B (%6.1f KB)\n", n, r, r / 1024, g, g / 1024 }'
done
awk -v t="$total" 'BEGIN { printf "wasm+js gzip total: %d B (%.1f KB)\n", t, t / 1024 }'
