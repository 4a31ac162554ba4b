#!/usr/bin/env bash
# Installs what Glossa needs to build, serve and test, skipping whatever is already there.
# Idempotent: a second run takes a second or two. Everything comes from the package
# registries this machine reaches (crates.io, npm, Debian); nothing downloads its own binaries.
#
#   scripts/setup.sh          everything (build + all test layers)
#   scripts/setup.sh build    only what `make serve` needs (no Chromium, no Playwright)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
BINARYEN_VERSION=132
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
what=${1:-all}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 15 minutes on 2 cores)"
  cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION"
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes)"
  # --locked fails for this version (its lockfile pins a crate no longer in the registry).
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages (binaryen's wasm-opt, Playwright without a browser)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
if ! node_modules/.bin/wasm-opt --version | grep -q "version $BINARYEN_VERSION"; then
  echo "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION" >&2
  exit 1
fi

step "fetching crates"
cargo fetch --locked >/dev/null

if [ "$what" = all ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  step "installing Chromium and ChromeDriver from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
step "setup complete"
