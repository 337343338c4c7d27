#!/usr/bin/env bash
# Benchmarks of the npm package (crates/wasm), printed, in Node and in
# headless Chromium: load (instantiate + verify the bundled filter), check on
# a realistic mix, checkMany on lower-case EVM against a plain JavaScript Set,
# and the gzip size of the .wasm. Numbers only: no pass/fail (the tests are
# scripts/test-wasm-module.sh). Builds the package and installs tests/npm's
# node dependencies when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

if [ ! -f crates/wasm/pkg/web/addrcheck_bg.wasm ] || [ "${ADDRCHECK_REBUILD:-1}" = 1 ]; then
  bash scripts/build-npm.sh
fi
lock_sum="$(sha256sum tests/npm/package-lock.json | cut -d' ' -f1)"
stamp="tests/npm/node_modules/.addrcheck-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd tests/npm && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

wasm=crates/wasm/pkg/web/addrcheck_bg.wasm
echo "size: addrcheck_bg.wasm (after wasm-opt -Oz) $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) bytes gzip -9  [target <= 60 KB]"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node tests/npm/bench/node.mjs
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node tests/npm/bench/chromium.mjs
