#!/usr/bin/env bash
# `gouji compare` on the outputs of a 10,000-document batch (issue 19 §6: under a second). The
# batch's summary.parquet is made by examples/summary_rows.rs (synthetic rows: 40 districts × 50
# department kinds × 5 years), not by checking 10,000 documents. Each comparison is run RUNS
# times and its fastest and median wall times given: by district, by year and by kind, a share
# and an amount. Release build by default; PROFILE=debug for a quick look (slower, say so when
# quoting it).
# Usage: bench/compare.sh            ROWS=10000 RUNS=5 PROFILE=release
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
ROWS="${ROWS:-10000}"
RUNS="${RUNS:-5}"
PROFILE="${PROFILE:-release}"
case "$PROFILE" in
  release) cargo build --release --quiet --bin gouji --example summary_rows ;;
  debug) cargo build --quiet --bin gouji --example summary_rows ;;
  *) echo "PROFILE must be release or debug" >&2; exit 2 ;;
esac
bin="$CARGO_TARGET_DIR/$PROFILE/gouji"
work="${TMPDIR:-/tmp}/gouji-bench-compare"
rm -rf "$work" && mkdir -p "$work"
"$CARGO_TARGET_DIR/$PROFILE/examples/summary_rows" "$ROWS" "$work/batch" >/dev/null

seconds() { # wall time of a command, in seconds; a failing command stops the benchmark
  local TIMEFORMAT='%R' t
  t=$( { time "$@" >/dev/null 2>"$work/stderr"; } 2>&1 ) || { cat "$work/stderr" >&2; exit 1; }
  echo "$t"
}

stats() { # min and median of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }'
}

echo "gouji compare on $ROWS rows of summary.parquet ($PROFILE build, $RUNS runs each)"
printf '%8s %8s  %s\n' fastest median comparison
for args in "--metric 三公占比 --by district" "--metric 支出 --by year" \
  "--metric 人员经费 --by kind --district 第1区" "--metric 三公 --by district --kind 部门类别1"; do
  # shellcheck disable=SC2086
  read -r fastest median < <(for _ in $(seq "$RUNS"); do
    seconds "$bin" compare "$work/batch" $args -o "$work/out"
  done | stats)
  printf '%7ss %7ss  %s\n' "$fastest" "$median" "$args"
done
