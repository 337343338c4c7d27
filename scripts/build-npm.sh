#!/usr/bin/env bash
# Builds the npm package of the embeddable module (crates/wasm) into one
# folder, ready for `npm publish` or `npm install <folder>`:
#
#   crates/wasm/pkg/            (or $ADDRCHECK_NPM_OUT)
#     package.json README.md    hand-written (crates/wasm/npm/, crates/wasm/README.md)
#     web/                      wasm-bindgen --target web: ESM for browsers, bundlers,
#                               extensions and workers (call `init()` once)
#     node/                     wasm-bindgen --target experimental-nodejs-module:
#                               ESM for Node, ready on import
#     ofac.filter               the bundled OFAC filter (www/ofac.filter), a separate
#                               asset that embedders may replace with their own
#
# Both .wasm files are optimised with wasm-opt -Oz; the script prints their
# size and gzip -9 size. Needs the tools of scripts/setup.sh.
#
# Build profile "npm" (artifacts under target/wasm32-unknown-unknown/npm/, so
# it never invalidates the web app's release build): the release profile
# (LTO, panic=abort), optimised for size ("z") except the crates on the hot
# path of a check, which get opt-level 3: at "z" their iterator adapters stay
# uninlined and a check takes about twice as long, and SHA-256 (Base58Check
# checksums) and Keccak-256 (EIP-55) run 1.5 to 2.5 times slower.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

out="${ADDRCHECK_NPM_OUT:-crates/wasm/pkg}"
target_dir="${CARGO_TARGET_DIR:-target}"
hot_crates=(addrcheck-core addrcheck-wasm siphasher sha2 tiny-keccak)

config=(
  --config 'profile.npm.inherits="release"'
  --config 'profile.npm.opt-level="z"'
  # Wasm SIMD (every current browser, Node 16.4+): sha2 hashes Base58Check
  # checksums with its simd128 backend. Shorter, machine-independent paths in
  # panic locations.
  --config "target.wasm32-unknown-unknown.rustflags=[\"-Ctarget-feature=+simd128\", \"--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=crates\", \"--remap-path-prefix=$PWD=addrcheck\"]"
)
for crate in "${hot_crates[@]}"; do
  config+=(--config "profile.npm.package.$crate.opt-level=3")
done

echo "build-npm: cargo build -p addrcheck-wasm (wasm32, profile npm)"
cargo build --quiet -p addrcheck-wasm --target wasm32-unknown-unknown --profile npm "${config[@]}"
wasm="$target_dir/wasm32-unknown-unknown/npm/addrcheck_wasm.wasm"

rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out/web" --out-name addrcheck "$wasm"
wasm-bindgen --target experimental-nodejs-module --out-dir "$out/node" --out-name addrcheck "$wasm"

for dir in web node; do
  # The raw exports' declarations (only for bundlers that import .wasm
  # directly, which neither build does) are not part of the package.
  rm -f "$out/$dir/addrcheck_bg.wasm.d.ts"
  # wasm-bindgen declares the raw exports in `InitOutput` (web) with `any` for
  # JavaScript values; nobody calls those, and `unknown` says the same without
  # opting out of type checking.
  sed -i -E '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' "$out/$dir/addrcheck.d.ts"
  if grep -nwE 'any' "$out/$dir/addrcheck.d.ts" | grep -vE '^\s*[0-9]+:\s*(\*|/\*\*)'; then
    echo "build-npm: $out/$dir/addrcheck.d.ts declares 'any' (see above)" >&2
    exit 1
  fi
  wasm-opt -Oz --converge --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/$dir/addrcheck_bg.wasm" -o "$out/$dir/addrcheck_bg.wasm"
done
# experimental-nodejs-module writes {"type": "module"} for its folder; the
# package's own package.json says the same for every file.
rm -f "$out/node/package.json"

cp crates/wasm/npm/package.json "$out/package.json"
cp crates/wasm/README.md "$out/README.md"
cp www/ofac.filter "$out/ofac.filter"

# The package.json version must be the crate's.
crate_version="$(awk -F'"' '/^version = / { print $2; exit }' crates/wasm/Cargo.toml)"
if ! grep -q "\"version\": \"$crate_version\"" "$out/package.json"; then
  echo "build-npm: crates/wasm/npm/package.json version differs from the crate's $crate_version" >&2
  exit 1
fi

wasm_file="$out/web/addrcheck_bg.wasm"
echo "build-npm: $out ready"
echo "build-npm: addrcheck_bg.wasm $(stat -c %s "$wasm_file") bytes, $(gzip -9c "$wasm_file" | wc -c) bytes gzip -9"
echo "build-npm: web/addrcheck.js $(stat -c %s "$out/web/addrcheck.js") bytes, $(gzip -9c "$out/web/addrcheck.js" | wc -c) bytes gzip -9"
