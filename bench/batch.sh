#!/usr/bin/env bash
# Batch benchmark: generates synthetic 9-table workbooks, times `gouji batch` on them against the
# floor (calamine alone finding, opening and reading every cell of the same files, on all cores),
# both as whole processes by the same stopwatch (release build),
# and reports peak memory at three corpus sizes to show it does not grow with the number of
# documents. This VM's timings wander by ±20%, so each size is run RUNS times, gouji and floor
# alternating, each after the corpus is read once (warm page cache for both), and the fastest
# and the median of each are given, with the ratio of median CPU times (user + system), which a
# busy neighbour on the host sways less than wall time.
# Usage: bench/batch.sh   (1,000, 2,000 and 4,000 workbooks: 10, 20 or 40 districts × 20 departments × 5 years)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
RUNS="${RUNS:-5}"
cargo build --release --quiet --bin gouji --example floor
bin="$CARGO_TARGET_DIR/release/gouji"
floor="$CARGO_TARGET_DIR/release/examples/floor"
work="${TMPDIR:-/tmp}/gouji-bench"
rm -rf "$work" && mkdir -p "$work"

peak() { # peak resident memory of a command, in MiB: GNU time's maximum RSS where it is installed,
  # else VmHWM read from /proc until the process ends (which can miss a peak in its last 50 ms)
  if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    local f kb; f=$(mktemp)
    /usr/bin/time -f %M -o "$f" "$@" >/dev/null 2>&1 || true
    kb=$(tail -1 "$f"); rm -f "$f"
    echo $(( kb / 1024 )); return
  fi
  "$@" >/dev/null 2>&1 & local pid=$! hwm=0
  while kill -0 "$pid" 2>/dev/null; do
    local v; v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
    sleep 0.05
  done
  wait "$pid" || true
  echo $(( hwm / 1024 ))
}

warm() { # reads every file of a corpus, and both programs, so that both sides find them in the
  # page cache: a kernel that pages out idle file pages within seconds (DAMON on some VMs) would
  # otherwise make each run pay for the disk, the larger program more
  find "$1" -type f -exec cat {} + >/dev/null
  cat "$bin" "$floor" >/dev/null
}

seconds() { # wall time and CPU time (user + system) of a command, in seconds
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<< "$t"
}

stats() { # min and median of the numbers in column $1 of stdin
  awk -v c="$1" '{ print $c }' | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }'
}

for size in "10 20 5" "20 20 5" "40 20 5"; do
  set -- $size
  corpus="$work/corpus-$1x$2x$3"
  "$bin" sample --districts "$1" --departments "$2" --years "$3" --seed 7 -o "$corpus" >/dev/null
  n=$(find "$corpus" -name '*.xlsx' | wc -l)
  : > "$work/g.txt"; : > "$work/f.txt"
  for _ in $(seq "$RUNS"); do
    rm -rf "$work/out"
    warm "$corpus"; seconds "$bin" batch "$corpus" -o "$work/out" --quiet >> "$work/g.txt"
    warm "$corpus"; seconds "$floor" "$corpus" >> "$work/f.txt"
  done
  rm -rf "$work/out"
  mem=$(peak "$bin" batch "$corpus" -o "$work/out" --quiet)
  read -r gmin gmed < <(stats 1 < "$work/g.txt")
  read -r fmin fmed < <(stats 1 < "$work/f.txt")
  read -r _ gcpu < <(stats 2 < "$work/g.txt")
  read -r _ fcpu < <(stats 2 < "$work/f.txt")
  awk -v n="$n" -v gmin="$gmin" -v gmed="$gmed" -v fmin="$fmin" -v fmed="$fmed" -v gcpu="$gcpu" -v fcpu="$fcpu" -v m="$mem" -v r="$RUNS" 'BEGIN {
    printf "%5d workbooks, %d runs: gouji batch %.2f s fastest / %.2f s median (%.0f documents/s); floor %.2f / %.2f s; ratio %.2f× fastest, %.2f× median (CPU time %.2f×); peak memory %d MiB\n",
      n, r, gmin, gmed, n / gmed, fmin, fmed, gmin / fmin, gmed / fmed, gcpu / fcpu, m }'
done

# `gouji compare` answers from a batch's summary.parquet alone: timed on 12,000 documents (the
# 4,000-workbook batch above merged three times over), by each of its groupings; under a second.
"$bin" merge "$work/out" "$work/out" "$work/out" -o "$work/merged" --quiet >/dev/null 2>&1 || true
rows=$(( $(wc -l < "$work/merged/summary.csv") - 1 ))
for by in district year kind; do
  read -r wall _ < <(seconds "$bin" compare "$work/merged" --metric 三公占比 --by "$by" -o "$work/compare")
  echo "gouji compare --by $by on $rows documents: $wall s"
done
