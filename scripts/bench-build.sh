#!/usr/bin/env bash
# Benchmark `addrcheck build` on synthetic lists against its targets:
#   1 million addresses in under 3 s; 10 million in under 40 s within 2 GiB
#   of memory (maximum resident set size).
#
# Builds addrcheck and the list generator (crates/cli/examples/gen_addresses.rs:
# a realistic mix of EVM, Bitcoin Base58/segwit, Tron, Litecoin, Bitcoin Cash
# and Solana addresses, encoded by the core) in release mode, writes the lists
# to a temporary folder (about 41 bytes a line: 10 million take ~420 MB, and
# their filter ~190 MB), runs `/usr/bin/time -v addrcheck build` on each, and
# prints a table. The temporary folder is removed at the end. Exit status 1
# when a target is missed.
#
# A benchmark, not a test: it is not part of the test suite.
#
# Environment:
#   SIZES             list sizes to run (default: "1000000 10000000")
#   CARGO_TARGET_DIR  where cargo builds (as usual)
#   TMPDIR            where the temporary folder goes (default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${SIZES:-1000000 10000000}"
if [[ ! -x /usr/bin/time ]]; then
    echo "bench-build.sh: /usr/bin/time is needed (GNU time: apt-get install time)" >&2
    exit 2
fi

echo "Building addrcheck and gen_addresses (release)..." >&2
cargo build --quiet --release -p addrcheck-cli --bin addrcheck --example gen_addresses
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
addrcheck="$target_dir/release/addrcheck"
gen="$target_dir/release/examples/gen_addresses"

work="$(mktemp -d "${TMPDIR:-/tmp}/addrcheck-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# "h:mm:ss.ss" or "m:ss.ss" -> seconds.
to_seconds() {
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"
}

rows=()
missed=0
for n in $sizes; do
    echo "Generating $n addresses..." >&2
    "$gen" "$n" >"$work/list.txt"
    echo "Building the filter from $n addresses..." >&2
    /usr/bin/time -v -o "$work/time.txt" \
        "$addrcheck" build -o "$work/bench.filter" --source Bench --as-of 2025-01-01 "$work/list.txt" \
        >"$work/stdout.txt" 2>"$work/stderr.txt" || {
        echo "bench-build.sh: addrcheck build failed on $n addresses:" >&2
        cat "$work/stderr.txt" "$work/time.txt" >&2
        exit 2
    }
    keys="$(sed -n 's/^Filter .*: \([0-9,]*\) keys.*/\1/p' "$work/stdout.txt")"
    wall="$(to_seconds "$(sed -n '/Elapsed (wall clock)/s/.*): //p' "$work/time.txt")")"
    rss_kib="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    rss_mib="$(awk -v k="$rss_kib" 'BEGIN { printf "%.0f", k / 1024 }')"
    file_mib="$(awk -v b="$(stat -c %s "$work/bench.filter")" 'BEGIN { printf "%.1f", b / 1048576 }')"
    case "$n" in
        1000000) target="< 3 s"; ok="$(awk -v w="$wall" 'BEGIN { print (w < 3) }')" ;;
        10000000)
            target="< 40 s, < 2048 MiB"
            ok="$(awk -v w="$wall" -v r="$rss_mib" 'BEGIN { print (w < 40 && r < 2048) }')"
            ;;
        *) target="-"; ok=1 ;;
    esac
    verdict="ok"
    if [[ "$ok" != 1 ]]; then
        verdict="MISSED"
        missed=1
    fi
    rows+=("$(printf '%12s  %10s  %12s  %9s  %-20s  %s' "$keys" "$wall" "$rss_mib" "$file_mib" "$target" "$verdict")")
    rm -f "$work/list.txt" "$work/bench.filter"
done

echo
echo "addrcheck build on synthetic lists ($(nproc) CPUs, $(uname -m))"
printf '%12s  %10s  %12s  %9s  %-20s  %s\n' "keys" "wall (s)" "max RSS MiB" "file MiB" "target" ""
for row in "${rows[@]}"; do
    echo "$row"
done
exit "$missed"
