#!/usr/bin/env bash
# Whole-process benchmark: `gouji check` on the 9-table sample, N runs, release build.
# Prints the mean and the fastest wall time per run. Usage: bench/check.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/gouji"
sample="samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx"
best=999999999; total=0
for _ in $(seq "$n"); do
  t0=$(date +%s%N)
  "$bin" check "$sample" --format json >/dev/null
  t1=$(date +%s%N)
  dt=$(( (t1 - t0) / 1000 ))
  total=$(( total + dt ))
  (( dt < best )) && best=$dt
done
echo "gouji check, 9-table workbook ($sample), whole process, $n runs:"
echo "  mean $(( total / n )) µs, fastest $best µs"
