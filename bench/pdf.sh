#!/usr/bin/env bash
# Whole-process time per real PDF: `gouji check` (read, rebuild tables, check, print JSON) beside
# `pdftotext -layout` (text only, no tables, no checks) when poppler-utils is installed.
# Usage: bench/pdf.sh [N] [DIR]  (DIR defaults to ../shared/realdata/putuo-2024; the budgets:
# bench/pdf.sh 10 ../shared/realdata/budgets)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10}"
dir="${2:-../shared/realdata/putuo-2024}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/gouji"
if [ ! -d "$dir" ]; then echo "skipped: $dir is absent"; exit 0; fi

# Fastest of n runs, in ms.
fastest() {
  local best=999999999 t0 t1
  for _ in $(seq "$n"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    (( (t1 - t0) < best )) && best=$(( t1 - t0 ))
  done
  echo "$(( best / 1000000 ))"
}

printf '%-34s %6s %12s %16s\n' "document" "pages" "gouji ms" "pdftotext ms"
for f in "$dir"/*.pdf; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages/{print $2}' || true)
  g=$(fastest "$bin" check "$f" --format json)
  if command -v pdftotext >/dev/null; then p=$(fastest pdftotext -layout "$f" -); else p="-"; fi
  printf '%-34s %6s %12s %16s\n' "$(basename "$f")" "${pages:-?}" "$g" "$p"
done
peak=$( { /usr/bin/time -v "$bin" check "$dir"/*.pdf --format json >/dev/null; } 2>&1 | awk '/Maximum resident/{print $6}' || true)
[ -n "$peak" ] && echo "peak memory, all documents in one run: $(( peak / 1024 )) MiB"
