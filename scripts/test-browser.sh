#!/usr/bin/env bash
# Browser tests, all in headless Chromium, nothing from the network:
#  1. crates/core/tests/wasm_filter.rs: the bundled filter in wasm32 (every OFAC
#     entry found, keys equal to native ones), via wasm-bindgen-test-runner +
#     chromedriver;
#  2. tests/e2e (node --test + playwright-core): the release build of the web
#     app, served from 127.0.0.1, with intact, corrupted, truncated and missing
#     copies of the filter, plus extra lists built here with `addrcheck build`
#     from ../shared/data/scamsniffer (into a temporary directory, never into
#     the project). Screenshots go to tests/e2e/artifacts/.
#  3. tests/e2e/bench.mjs: the web app's numbers (Wasm size, time to first
#     check, 100,000-line paste), printed as a table. ADDRCHECK_BENCH=0 skips it.
# Reads the raw lists from ../shared. Installs missing tools first.
# Needs: www/ofac.filter (built from ../shared/data/ofac/2025-11-27).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

LISTS="../shared/data/ofac/2025-11-27"
SCAMSNIFFER="../shared/data/scamsniffer/address.json"
for need in www/ofac.filter "$LISTS" "$SCAMSNIFFER"; do
  if [ ! -e "$need" ]; then
    echo "test-browser: $need is missing" >&2
    exit 1
  fi
done

echo "== wasm32 in headless Chromium: crates/core/tests/wasm_filter.rs"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p addrcheck-core --target wasm32-unknown-unknown --test wasm_filter

echo "== web app: trunk build --release"
trunk build --release
wasm="$(ls dist/*_bg.wasm)"
echo "web app: $(basename "$wasm") $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"

site="$(mktemp -d)"
extra="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$site" "$extra"
}
trap cleanup EXIT

echo "== extra lists for the upload tests: addrcheck build (ScamSniffer, with and without details)"
cargo build --quiet -p addrcheck-cli
addrcheck="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/addrcheck"
"$addrcheck" build -o "$extra/scamsniffer.filter" --source ScamSniffer --as-of 2025-11-01 "$SCAMSNIFFER" >/dev/null
"$addrcheck" build -o "$extra/scamsniffer-nodetails.filter" --no-details --source ScamSniffer --as-of 2025-11-01 "$SCAMSNIFFER" >/dev/null

# One static site, five copies of the app: intact; with the filter corrupted
# (one bit flipped mid-file), truncated (first half) or missing; and without
# its Wasm (the app cannot start).
for variant in ok corrupt truncated missing nowasm; do
  cp -r dist "$site/$variant"
done
python3 - "$site" <<'PY'
import os, sys
site = sys.argv[1]
path = os.path.join(site, "corrupt", "ofac.filter")
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x01
open(path, "wb").write(data)
path = os.path.join(site, "truncated", "ofac.filter")
data = open(path, "rb").read()
open(path, "wb").write(data[: len(data) // 2])
os.remove(os.path.join(site, "missing", "ofac.filter"))
for name in os.listdir(os.path.join(site, "nowasm")):
    if name.endswith(".wasm"):
        os.remove(os.path.join(site, "nowasm", name))
PY

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
mkdir -p tests/e2e/artifacts
python3 -m http.server --bind 127.0.0.1 --directory "$site" "$port" >tests/e2e/artifacts/http-server.log 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/ok/')" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

echo "== end-to-end: tests/e2e against http://127.0.0.1:$port/"
(
  cd tests/e2e
  ADDRCHECK_BASE_URL="http://127.0.0.1:$port" \
    ADDRCHECK_SITE="$site" \
    ADDRCHECK_FILTER="$(cd ../.. && pwd)/www/ofac.filter" \
    ADDRCHECK_LISTS="$(cd "../../$LISTS" && pwd)" \
    ADDRCHECK_SCAMSNIFFER="$(cd "../../$(dirname "$SCAMSNIFFER")" && pwd)/$(basename "$SCAMSNIFFER")" \
    ADDRCHECK_EXTRA_FILTER="$extra/scamsniffer.filter" \
    ADDRCHECK_EXTRA_NODETAILS="$extra/scamsniffer-nodetails.filter" \
    CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
    node --test --test-concurrency=1 --test-timeout=300000
)

if [ "${ADDRCHECK_BENCH:-1}" != "0" ]; then
  echo "== web app numbers: tests/e2e/bench.mjs (ADDRCHECK_BENCH=0 skips)"
  (cd tests/e2e && CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node bench.mjs ../../dist)
fi
echo "test-browser: ok (screenshots in tests/e2e/artifacts/)"
