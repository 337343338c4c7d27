# shellcheck shell=bash
# Sourced by the scripts (setup.sh, run.sh, test.sh, test-browser.sh): puts the
# project's tools on PATH: cargo-installed binaries (trunk, wasm-bindgen,
# wasm-bindgen-test-runner, cargo-fuzz) and the project-local wasm-opt from the
# npm package binaryen under .tools/ (installed by scripts/setup.sh).
_addrcheck_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_addrcheck_root/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
unset _addrcheck_root
