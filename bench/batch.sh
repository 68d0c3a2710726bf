#!/usr/bin/env bash
# Batch benchmark: generates N×… synthetic 9-table workbooks, times `gouji batch` on them (whole
# process, release build) against the floor (calamine alone reading every cell, on all cores), and
# reports peak memory at two corpus sizes to show it does not grow with the number of documents.
# Usage: bench/batch.sh   (1,000 then 2,000 workbooks: 10 or 20 districts × 20 departments × 5 years)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
cargo build --release --quiet --bin gouji --example floor
bin="$CARGO_TARGET_DIR/release/gouji"
floor="$CARGO_TARGET_DIR/release/examples/floor"
work="${TMPDIR:-/tmp}/gouji-bench"
rm -rf "$work" && mkdir -p "$work"

peak() { # peak resident memory of a command, in MiB (from /proc, no GNU time needed)
  "$@" & local pid=$! hwm=0
  while kill -0 "$pid" 2>/dev/null; do
    local v; v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
    sleep 0.05
  done
  wait "$pid" || true
  echo $(( hwm / 1024 ))
}

for size in "10 20 5" "20 20 5"; do
  set -- $size
  corpus="$work/corpus-$1x$2x$3"
  "$bin" sample --districts "$1" --departments "$2" --years "$3" --seed 7 -o "$corpus" >/dev/null
  n=$(find "$corpus" -name '*.xlsx' | wc -l)
  "$floor" "$corpus" > "$work/floor.txt"
  fsec=$(awk '{for(i=1;i<=NF;i++) if($i=="s,") print $(i-1)}' "$work/floor.txt")
  t0=$(date +%s%N)
  mem=$(peak "$bin" batch "$corpus" -o "$work/out-$n" --quiet)
  t1=$(date +%s%N)
  bsec=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  awk -v n="$n" -v b="$bsec" -v f="$fsec" -v m="$mem" 'BEGIN {
    printf "%5d workbooks: gouji batch %.2f s (%.0f documents/s), floor %.2f s, ratio %.2f×, peak memory %d MiB\n",
      n, b, n / b, f, b / f, m }'
done
