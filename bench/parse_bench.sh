#!/usr/bin/env bash
# Builds krait in release mode, then compares its parse speed with CPython's
# ast.parse over the host stdlib. Extra arguments go to parse_bench.py
# (e.g. --runs 5 --cpython-runs 2). See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --bin krait
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
exec python3 "$root/bench/parse_bench.py" "$target_dir/release/krait" "$@"
