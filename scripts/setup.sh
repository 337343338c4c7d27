#!/usr/bin/env bash
# Installs the toolchain addrcheck needs to build the web app and run every test.
# Idempotent and safe to re-run (or to run concurrently: it takes a lock): it
# installs only what is missing or at the wrong version, so a set-up machine
# passes through in about a second. Needs rustup/cargo, node/npm, and for
# Chromium apt-get (as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

# ---- Pins -------------------------------------------------------------------
TRUNK_VERSION="0.21.14"         # Trunk 0.22 needs a newer rustc than the MSRV
BINARYEN_VERSION="132"          # npm package `binaryen`: ships wasm-opt version_132 (Trunk.toml [tools])
CARGO_FUZZ_VERSION="0.13.2"
WASM_TARGET="wasm32-unknown-unknown"
TOOLS_DIR=".tools"              # project-local, git-ignored
CHROMIUM="/usr/bin/chromium"
CHROMEDRIVER="/usr/bin/chromedriver"
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock (pinned with
# "=" in Cargo.toml, and as [tools] wasm_bindgen in Trunk.toml).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
# Playwright: the version is pinned by tests/e2e/package-lock.json (npm ci).
# -----------------------------------------------------------------------------

# shellcheck source=scripts/env.sh
source scripts/env.sh
mkdir -p "$TOOLS_DIR"

log() { printf 'setup: %s\n' "$*"; }

if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

# One setup at a time (e.g. run.sh and test.sh started together): two cargo
# installs of the same tool would race.
exec 9>"$TOOLS_DIR/setup.lock"
if command -v flock >/dev/null; then
  flock 9
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. The Wasm target.
if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "adding rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

# rustfmt and clippy for the formatting and lint checks (in rustup's default
# profile; added when a minimal install lacks them).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

# 2. Trunk.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli (also provides wasm-bindgen-test-runner). No --locked:
# its lock file names a crate version the registry no longer has.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. wasm-opt (Debian's binaryen is too old for current rustc output).
wasm_opt="$TOOLS_DIR/node_modules/.bin/wasm-opt"
if ! "$wasm_opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) under $TOOLS_DIR/"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

# 5. Chromium and chromedriver (headless browser tests).
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  log "installing chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# 6. Node dependencies of the end-to-end tests (playwright-core; it drives the
# system Chromium, no browser download).
lock_sum="$(sha256sum tests/e2e/package-lock.json | cut -d' ' -f1)"
stamp="tests/e2e/node_modules/.addrcheck-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing e2e node dependencies (npm ci)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

# 7. Nightly toolchain and cargo-fuzz (scripts/fuzz.sh).
if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (for cargo-fuzz)"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

log "ok: trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt version_$BINARYEN_VERSION, $(basename "$CHROMIUM") + chromedriver, playwright-core, cargo-fuzz"
