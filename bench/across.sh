#!/usr/bin/env bash
# Across-documents benchmark (issue 14 §5): a batch of generated documents — 10 districts × 20
# departments × 5 years = 1,000 final accounts whose years chain — checked with the relations
# across documents (the default) and with them off (--no-across), RUNS times each, alternating.
# Prints the median wall and CPU time (user + system) of each, their ratio, and the peak
# resident memory of each (GNU time), which shows what the digests kept for every document cost.
# Usage: bench/across.sh   (release build; DISTRICTS, DEPARTMENTS, YEARS, RUNS to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gouji-target}"
RUNS="${RUNS:-3}"
cargo build --release --quiet --bin gouji
bin="$CARGO_TARGET_DIR/release/gouji"
work="${TMPDIR:-/tmp}/gouji-bench-across"
rm -rf "$work" && mkdir -p "$work"
corpus="$work/corpus"
"$bin" sample --districts "${DISTRICTS:-10}" --departments "${DEPARTMENTS:-20}" \
  --years "${YEARS:-5}" --seed 7 -o "$corpus" >/dev/null
n=$(find "$corpus" -name '*.xlsx' | wc -l)
find "$corpus" -type f -exec cat {} + >/dev/null

run() { # wall, CPU (user + system) seconds and peak MiB of one batch
  local f; f=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$f" "$bin" batch "$corpus" -o "$work/out" --quiet "$@" \
    >/dev/null 2>&1 || true
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 / 1024 }' "$f"; rm -f "$f"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

on=() off=()
for _ in $(seq "$RUNS"); do
  on+=("$(run)")
  off+=("$(run --no-across)")
done
col() { local i=$1; shift; printf '%s\n' "$@" | awk -v c="$i" '{ print $c }' | median; }
w_on=$(col 1 "${on[@]}"); c_on=$(col 2 "${on[@]}"); m_on=$(col 3 "${on[@]}")
w_off=$(col 1 "${off[@]}"); c_off=$(col 2 "${off[@]}"); m_off=$(col 3 "${off[@]}")
relations=$("$bin" batch "$corpus" -o "$work/out" --quiet >/dev/null 2>&1; grep -c '"rule":"C0' "$work/out/findings.ndjson" || true)
echo "documents: $n   runs: $RUNS (medians)"
printf 'across on : wall %6.2f s  cpu %7.2f s  peak %5d MiB\n' "$w_on" "$c_on" "$m_on"
printf 'across off: wall %6.2f s  cpu %7.2f s  peak %5d MiB\n' "$w_off" "$c_off" "$m_off"
awk -v a="$w_on" -v b="$w_off" -v c="$c_on" -v d="$c_off" \
  'BEGIN { printf "ratio on/off: wall %.2f×  cpu %.2f×\n", a / b, c / d }'
echo "findings across documents in the corpus: $relations"
