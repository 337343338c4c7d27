#!/usr/bin/env bash
# Puts the addrcheck package into the extension: copies the web build of the
# npm package (crates/wasm/pkg/web, built by scripts/build-npm.sh, which this
# runs when the package is missing) and the bundled filter into addrcheck/
# here (git-ignored). Then load this folder as an unpacked extension
# (chrome://extensions, Developer mode, "Load unpacked").
#
# An extension that installs the package from npm would copy the same files
# from node_modules/addrcheck/ instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pkg="${ADDRCHECK_PKG:-$root/crates/wasm/pkg}"
if [ ! -f "$pkg/web/addrcheck.js" ]; then
  bash "$root/scripts/build-npm.sh"
fi
rm -rf "$here/addrcheck"
mkdir -p "$here/addrcheck"
cp -r "$pkg/web" "$here/addrcheck/web"
cp "$pkg/ofac.filter" "$here/addrcheck/ofac.filter"
echo "wallet-extension: addrcheck package copied into $here/addrcheck"
