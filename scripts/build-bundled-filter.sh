#!/usr/bin/env bash
# Rebuild the bundled filter www/ofac.filter from the OFAC per-asset lists of
# 2025-11-27 in ../shared (entity names included; the .json twins of the .txt
# lists are recognised and counted once). The output is deterministic:
# crates/cli/tests/bundled_filter.rs runs this script and requires the same
# bytes as the committed www/ofac.filter.
#
# Environment:
#   ADDRCHECK  the addrcheck binary to use (default: cargo run -p addrcheck-cli)
#   OUTPUT     where to write (default: www/ofac.filter)
set -euo pipefail
cd "$(dirname "$0")/.."

output="${OUTPUT:-www/ofac.filter}"
if [[ -n "${ADDRCHECK:-}" ]]; then
    addrcheck=("$ADDRCHECK")
else
    addrcheck=(cargo run --quiet -p addrcheck-cli --)
fi

"${addrcheck[@]}" build \
    -o "$output" \
    --source "OFAC SDN" \
    --as-of 2025-11-27 \
    --list-name "OFAC sanctioned digital currency addresses" \
    ../shared/data/ofac/2025-11-27
