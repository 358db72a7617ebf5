#!/usr/bin/env bash
# Builds krait in release mode, then runs the native benchmarks of bench/programs/
# (python3 vs `krait build -O3` vs `cc -O3`). Extra arguments go to
# run_native_bench.py (e.g. --runs 5, --wall, --only fib nbody). See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --bin krait
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
exec python3 "$root/bench/run_native_bench.py" "$target_dir/release/krait" "$@"
