#!/usr/bin/env bash
# Runs the `parse` fuzz target for a while (default 300 s).
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#
# Seeds fuzz/corpus/parse with a few small stdlib files the first time, uses the
# Python token dictionary, and leaves crashing inputs in fuzz/artifacts/parse/.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-300}"
shift || true

corpus=corpus/parse
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
    stdlib="$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")"
    for f in colorsys.py keyword.py bisect.py fnmatch.py shlex.py textwrap.py \
             graphlib.py json/decoder.py asyncio/taskgroups.py contextlib.py; do
        cp "$stdlib/$f" "$corpus/seed-${f//\//-}"
    done
fi

# -timeout: seconds per input before libFuzzer calls it a hang.
# -max_len: small inputs run fast; bugs rarely need more than a screenful.
exec cargo +nightly fuzz run parse "$corpus" -- \
    -dict=python.dict -max_total_time="$seconds" -timeout=10 -max_len=4096 \
    -rss_limit_mb=4096 "$@"
