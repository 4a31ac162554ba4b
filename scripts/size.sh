#!/usr/bin/env bash
# Prints the size of the built app (dist/): wasm and JS, raw and gzip -9, for what a visitor
# downloads on opening the app, and for the loading worker, fetched only when an article is
# first loaded from a file, a paste or a URL. (analysis-worker.js, a few hundred bytes that start
# the app's own module in a worker for long articles, is counted with the app.)
set -euo pipefail
cd "$(dirname "$0")/.."
app=0
worker=0
for f in dist/*.wasm dist/*.js; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  case "$f" in
    dist/glossa-worker*) worker=$((worker + gz)) ;;
    *) app=$((app + gz)) ;;
  esac
  awk -v n="${f#dist/}" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "%-42s raw %8d B (%6.1f KB)   gzip %7d B (%6.1f KB)\n", n, r, r / 1024, g, g / 1024 }'
done
awk -v a="$app" -v w="$worker" 'BEGIN {
  printf "app (on opening) wasm+js gzip: %d B (%.1f KB)\n", a, a / 1024
  printf "loading worker (on first load) wasm+js gzip: %d B (%.1f KB)\n", w, w / 1024
}'
