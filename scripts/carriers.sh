#!/usr/bin/env bash
# Makes the plain-text carriers of the real PDFs in ../shared, the copies a reader may have instead
# of the PDF, so that `gouji check` can be run on each and its findings compared with the PDF's:
#
#   NAME.txt         pdftotext NAME.pdf           (lines as the page prints them)
#   NAME.layout.txt  pdftotext -layout NAME.pdf   (columns kept by spaces)
#   NAME.viewer.txt  the plain copy with a page number and a running head at every page break,
#                    as text copied from a PDF viewer comes
#   NAME.html        the plain copy as an HTML page, a <br> a line (a page has no pages)
#
#   scripts/carriers.sh [OUTDIR]      # default: ${CARGO_TARGET_DIR:-target}/carriers
#
# The copies are made, never committed: the documents are not ours to publish. Where pdftotext
# (poppler-utils) or ../shared is missing, nothing is made and a line says why.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-${CARGO_TARGET_DIR:-target}/carriers}
if ! command -v pdftotext >/dev/null; then
  echo "pdftotext (poppler-utils) not installed: no carriers made" >&2
  exit 0
fi
if [ ! -d ../shared/realdata/putuo-2024 ]; then
  echo "../shared/realdata/putuo-2024 not found: no carriers made" >&2
  exit 0
fi
mkdir -p "$out"
for pdf in ../shared/realdata/putuo-2024/*-决算.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftotext "$pdf" "$out/$name.txt" 2>/dev/null
  pdftotext -layout "$pdf" "$out/$name.layout.txt" 2>/dev/null
  head="${name%%-*}${name#*-}"
  awk -v head="$head" 'BEGIN { page = 1 }
    { while ((i = index($0, "\f")) > 0) {
        printf "%s\n- %d -\n\f%s\n", substr($0, 1, i - 1), page++, head
        $0 = substr($0, i + 1)
      }
      print }' "$out/$name.txt" >"$out/$name.viewer.txt"
  {
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title></head><body>\n<div>\n' "$name"
    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' \
      -e 's/\f//g' -e 's/$/<br>/' "$out/$name.txt"
    printf '</div>\n</body></html>\n'
  } >"$out/$name.html"
  echo "$out/$name.{txt,layout.txt,viewer.txt,html}"
done
