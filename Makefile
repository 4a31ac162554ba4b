# Glossa: the two commands are `make serve` and `make test`. Each installs what is missing
# first (scripts/setup.sh, idempotent), so they work on a fresh machine.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: fuzz serve test setup setup-build build size test-native test-eval eval eval-extraction eval-entities bench bench-browser test-browser test-e2e lint fmt clean

## serve: install what is missing, build, and serve the app on http://127.0.0.1:8080
serve: setup-build
	trunk serve --release --offline --no-autoreload --no-error-reporting

## test: install what is missing and run every test layer; ends with "N passed, N failed"
test: setup
	scripts/test.sh

setup:
	scripts/setup.sh all

setup-build:
	scripts/setup.sh build

## build: the release app in dist/, with its sizes
build: setup-build
	scripts/build.sh

size:
	scripts/size.sh

test-native:
	scripts/test.sh native

test-eval:
	scripts/test.sh eval

## eval: the scorer's full report on the labelled sample (figures for BENCHMARKS.md)
eval:
	cargo build --locked --release --bin glossa
	target/release/glossa analyze assets/sample-article.txt > target/sample-analysis.json
	for region in article all content; do python3 tests/eval/score.py tests/eval/kim-train-article.gold.json target/sample-analysis.json --region $$region; done

## eval-extraction: independent extraction check on newspaper4k's saved pages (downloads its sdist)
eval-extraction:
	cargo build --locked --release --bin glossa
	python3 scripts/eval/extraction_independent.py target/release/glossa

## eval-entities: independent entity check on four hand-labelled newspaper4k articles (downloads its sdist)
eval-entities:
	cargo build --locked --release --bin glossa
	python3 scripts/eval/entities_independent.py target/release/glossa

## bench: criterion benchmarks of the core (analysis, extraction, anchoring, export and import)
bench:
	cargo bench --bench analysis --bench extraction --bench anchoring --bench exchange

## bench-browser: first render, in-page analysis, and a 200k-word article with 10k notes, in headless Chromium
bench-browser: setup
	scripts/build.sh
	node tests/bench/page.bench.mjs
	node tests/bench/long-article.bench.mjs

test-browser: setup
	scripts/test.sh browser

test-e2e: setup
	scripts/test.sh e2e

## lint: formatting and clippy, for the host and for wasm32
lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

fmt:
	cargo fmt

clean:
	cargo clean
	rm -rf dist target/test-logs

## fuzz: run the import parsers' fuzz target (needs the nightly toolchain; installs cargo-fuzz)
FUZZ_SECONDS ?= 120
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
	mkdir -p fuzz/corpus/import
	cd fuzz && cargo +nightly fuzz run import corpus/import seeds/import -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536
