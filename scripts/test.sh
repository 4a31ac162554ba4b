#!/usr/bin/env bash
# Runs every test layer and ends with one line totalling them: "N passed, N failed".
#
#   scripts/test.sh                 native, browser, e2e (after setup)
#   scripts/test.sh native|eval|browser|e2e   one layer
#
# A layer that cannot run at all (a compile error, a browser that will not start) counts as
# one failure, so the total can never read as green when something did not run.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

layers=${1:-native eval browser e2e}
logs=target/test-logs
mkdir -p "$logs"
total_passed=0
total_failed=0
summary=()

# Sums cargo's "test result: ... N passed; M failed" lines of a log.
cargo_counts() {
  awk '/test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1) } }
       END { printf "%d %d\n", p, f }' "$1"
}

record() { # layer passed failed exit-code
  local layer=$1 passed=$2 failed=$3 code=$4
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    echo "!! the $layer layer exited with code $code without a failing test: counted as 1 failure" >&2
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '%-8s %4d passed, %d failed' "$layer" "$passed" "$failed")")
}

run_native() {
  echo "==> native tests (cargo test)"
  cargo test --locked 2>&1 | tee "$logs/native.log"
  local code=${PIPESTATUS[0]}
  read -r p f < <(cargo_counts "$logs/native.log")
  record native "$p" "$f" "$code"
}

run_eval() {
  echo "==> quality floors (glossa analyze on the labelled sample, tests/eval/)"
  cargo build --locked --release --bin glossa 2>&1 | tail -1
  python3 tests/eval/check.py target/release/glossa 2>&1 | tee "$logs/eval.log"
  local code=${PIPESTATUS[0]}
  read -r p f < <(cargo_counts "$logs/eval.log")
  record eval "$p" "$f" "$code"
}

run_browser() {
  echo "==> browser tests (wasm-bindgen-test in headless Chromium)"
  cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee "$logs/browser.log"
  local code=${PIPESTATUS[0]}
  read -r p f < <(cargo_counts "$logs/browser.log")
  record browser "$p" "$f" "$code"
}

run_e2e() {
  echo "==> end-to-end tests (Playwright on the release build)"
  local code=0
  scripts/build.sh 2>&1 | tee "$logs/build.log"
  code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    record e2e 0 1 "$code"
    return
  fi
  rm -f "$logs/e2e.json"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$logs/e2e.json" \
    playwright test --config tests/e2e/playwright.config.mjs --reporter=list,json
  code=$?
  local counts="0 0"
  if [ -f "$logs/e2e.json" ]; then
    counts=$(node -e '
      const s = require(process.argv[1]).stats;
      console.log(`${s.expected + s.flaky} ${s.unexpected}`);' "$PWD/$logs/e2e.json")
  fi
  read -r p f <<<"$counts"
  record e2e "$p" "$f" "$code"
}

for layer in $layers; do
  case $layer in
    native) run_native ;;
    eval) run_eval ;;
    browser) run_browser ;;
    e2e) run_e2e ;;
    *) echo "unknown layer: $layer (native, eval, browser, e2e)" >&2; exit 2 ;;
  esac
done

echo
echo "==> summary"
printf '  %s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
