#!/usr/bin/env bash
# Runs krait's whole default test suite: unit tests of every crate and the
# end-to-end tests under tests/ (differential runs against python3).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --workspace
cargo test --workspace
