#!/usr/bin/env bash
# Writes everything gouji prints or writes for the samples and the real documents in ../shared
# into one folder, so that two builds can be compared byte for byte: a refactoring must leave
# `diff -r` between the two folders empty.
#
#   scripts/outputs.sh BINARY OUTDIR
#   scripts/outputs.sh target/debug/gouji /tmp/before   # at the old commit
#   scripts/outputs.sh target/debug/gouji /tmp/after    # at the new one
#   diff -r /tmp/before /tmp/after
#
# Each command's exit status is kept beside its output. Real documents are taken from
# ../shared when it is there and skipped (with a line saying so) when it is not.
set -uo pipefail
bin=$(realpath "${1:?usage: scripts/outputs.sh BINARY OUTDIR}")
out=${2:?usage: scripts/outputs.sh BINARY OUTDIR}
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
out=$(realpath "$out")

# One name per input: its path with slashes made safe.
name() { printf '%s' "$1" | tr '/' '_' | sed 's/^\.*_*//'; }

run() { # run NAME ARGS... : stdout, stderr and the exit status of one command
  local n=$1
  shift
  "$bin" "$@" >"$out/$n.out" 2>"$out/$n.err"
  echo $? >"$out/$n.rc"
}

inputs=(samples/qiaocheng-hrss-2016 samples/putuo-finance-2024
  samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算说明.txt samples/putuo-commerce-budget-2025)
if [ -d ../shared ]; then
  for f in ../shared/realdata/*/*.pdf ../shared/seeds/*.txt; do inputs+=("$f"); done
else
  echo "../shared not found: real documents skipped" >&2
fi

for p in "${inputs[@]}"; do
  n=$(name "$p")
  run "$n.check.json" check --format json "$p"
  run "$n.check.en.json" check --format json --lang en "$p"
  run "$n.check.txt" check --relations --color never "$p"
  run "$n.check.en.txt" check --relations --color never --lang en "$p"
  if [ -f "$p" ]; then
    run "$n.extract.json" extract "$p"
    run "$n.extract.txt" extract --format text "$p"
  fi
done

run rules.txt rules
run rules.json rules --format json
run rules.en.txt rules --lang en

for s in qiaocheng-hrss-2016 putuo-finance-2024 putuo-commerce-budget-2025; do
  run "report.$s" report "samples/$s" -o "$out/report-$s"
done
run batch.districts batch samples/districts -o "$out/batch-districts"
# The summary workbook is written in constant-memory mode through temporary files; its bytes are
# compared through its sheets' XML so that nothing but content counts.
for x in "$out"/report-*/report.xlsx "$out"/batch-districts/summary.xlsx; do
  [ -f "$x" ] || continue
  mkdir -p "$x.unzipped" && (cd "$x.unzipped" && unzip -qo "$x") && rm "$x"
done
# The output folder's own name is not part of what is compared.
sed -i "s|$out|OUT|g" "$out"/*.err
echo "outputs of $bin written to $out"
