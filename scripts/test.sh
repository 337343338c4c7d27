#!/usr/bin/env bash
# Runs every test addrcheck has. Safe on a fresh machine: installs what is
# missing first (scripts/setup.sh), then native tests, browser tests and
# bounded fuzzing. Reads the raw lists from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

echo "== formatting and lints"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings

echo "== native tests: core, cli, web-app logic, benchmark smoke runs"
cargo test --workspace --all-targets

echo "== browser tests: wasm32 in headless Chromium, end-to-end page tests"
bash scripts/test-browser.sh

echo "== embeddable module: wasm-bindgen-test, node:test on the npm package, the example extension"
bash scripts/test-wasm-module.sh

echo "== fuzzing (bounded)"
bash scripts/fuzz.sh
