#!/usr/bin/env bash
# Every test of the embeddable module (crates/wasm) and its example wallet
# extension, nothing from the network:
#  1. native unit tests of the crate's pure modules;
#  2. crates/wasm/tests/browser.rs: the JavaScript API in wasm32, in headless
#     Chromium (wasm-bindgen-test-runner + chromedriver);
#  3. scripts/build-npm.sh: the npm package (crates/wasm/pkg);
#  4. tests/npm (node --test): the package in Node (package.test.mjs), its
#     TypeScript declarations (types.test.mjs), and the example extension in
#     headless Chromium with Playwright (extension.test.mjs).
# Reads the raw lists from ../shared; builds two extra filters from them with
# the addrcheck command for the several-lists tests. Needs the tools of
# scripts/setup.sh (run first when missing); installs tests/npm's node
# dependencies with `npm ci` when they are missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

SHARED="../shared/data"
for need in www/ofac.filter "$SHARED/ofac/2025-11-27" "$SHARED/ofac/2024-09-27" "$SHARED/scamsniffer"; do
  if [ ! -e "$need" ]; then
    echo "test-wasm-module: $need is missing" >&2
    exit 1
  fi
done
target_dir="${CARGO_TARGET_DIR:-target}"

echo "== crates/wasm: native unit tests"
cargo test --quiet -p addrcheck-wasm --lib

echo "== crates/wasm: the JavaScript API in headless Chromium (tests/browser.rs)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p addrcheck-wasm --target wasm32-unknown-unknown --test browser

echo "== the npm package"
bash scripts/build-npm.sh

echo "== extra filters for the several-lists tests (built, not committed)"
mkdir -p "$target_dir/addrcheck-test-lists"
extra="$(cd "$target_dir/addrcheck-test-lists" && pwd)"
cargo build --quiet -p addrcheck-cli
addrcheck="$target_dir/debug/addrcheck"
"$addrcheck" build -o "$extra/scamsniffer.filter" --list-name ScamSniffer \
  --source ScamSniffer --as-of 2025-11-20 "$SHARED/scamsniffer" 2>"$extra/scamsniffer.log"
"$addrcheck" build -o "$extra/ofac-2024-09-27-bare.filter" --no-details \
  --list-name "OFAC 2024-09-27 (no details)" --source "OFAC SDN" --as-of 2024-09-27 \
  "$SHARED/ofac/2024-09-27" 2>"$extra/ofac-2024-09-27-bare.log"

echo "== the example extension: the package copied in (examples/wallet-extension/addrcheck/)"
bash examples/wallet-extension/build.sh

echo "== node dependencies of tests/npm (npm ci when missing or out of date)"
lock_sum="$(sha256sum tests/npm/package-lock.json | cut -d' ' -f1)"
stamp="tests/npm/node_modules/.addrcheck-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd tests/npm && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

echo "== tests/npm: the package in Node, its TypeScript types, the extension in Chromium"
mkdir -p tests/npm/artifacts
(
  cd tests/npm
  ADDRCHECK_EXTRA_LISTS="$extra" \
    CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
    node --test
)
echo "test-wasm-module: ok"
