#!/usr/bin/env bash
# Fuzzes every reader and the narrative parser through `gouji check` for MINUTES minutes
# (default 10), from SEED (default: the time), on the stable toolchain: see examples/fuzz.rs.
# A panic or a mutant that runs over a minute is saved under fuzz/found/ and the script exits 1;
# once fixed, move the input to fuzz/regressions/, which `cargo test` replays.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
seed="${2:-$(date +%s)}"
cargo build --release --quiet --example fuzz
"${CARGO_TARGET_DIR:-target}/release/examples/fuzz" "$minutes" "$seed"
