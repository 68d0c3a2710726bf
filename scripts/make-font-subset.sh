#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSansSC-Regular-GB2312.otf: Noto Sans CJK SC cut to GB2312, ASCII and the
# punctuation gouji's charts print, with no layout features and no hinting (about 1.6 MB).
# Needs Debian's fonts-noto-cjk and fonttools (pip install fonttools). Only maintainers run this:
# the subset is committed, so a fresh machine draws Chinese with no font installed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys
out = set(chr(c) for c in range(0x20, 0x7F))
out |= set("·—–‘’“”…‰※←→≈±×÷≤≥√∑Σ①②③④⑤⑥⑦⑧⑨⑩■□▲△●○★☆✓✗　、。〈〉《》「」『』【】〔〕")
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
out |= set(chr(c) for c in range(0xFF01, 0xFF5F))
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(out)))
PY
pyftsubset "$src" --font-number=2 --text-file="$chars" --layout-features='' --no-hinting \
  --desubroutinize --name-IDs='*' --output-file=assets/fonts/NotoSansSC-Regular-GB2312.otf
rm -f "$chars"
ls -l assets/fonts/NotoSansSC-Regular-GB2312.otf
