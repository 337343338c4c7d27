#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (FUZZ_SECONDS, default 30).
# Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-30}"

# Seed the filter loader with real filters so mutations start from valid files.
mkdir -p fuzz/corpus/load_filter fuzz/corpus/parse_address
cp www/ofac.filter fuzz/corpus/load_filter/ofac.filter
for a in 0x8589427373D6D84E98730D7795D8f6f8731FDA16 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq \
         qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL \
         1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh; do
  printf '%s' "$a" > "fuzz/corpus/parse_address/seed-${a:0:8}"
done

mkdir -p target/fuzz-logs
for target in parse_address load_filter; do
  echo "fuzz: $target for ${seconds}s"
  log="target/fuzz-logs/$target.log"
  status=0
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)|panicked" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz: $target FAILED (exit $status); crash inputs are in fuzz/artifacts/$target" >&2
    exit 1
  fi
done
echo "fuzz: no crashes"
