#!/usr/bin/env bash
# Installs what krait needs on Debian 12 (LLVM 19, libgc, GMP, utf8proc, Python
# headers, a C compiler), using apt-get through sudo when not root. Packages that
# are already installed are not fetched again, so a second run is instant.
set -euo pipefail

packages=(
  build-essential pkg-config
  llvm-19-dev libpolly-19-dev libzstd-dev
  libgc-dev libgmp-dev libutf8proc-dev
  python3 python3-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2
  exit 1
fi
if [[ ! -x /usr/lib/llvm-19/bin/llvm-config ]]; then
  echo "setup: /usr/lib/llvm-19/bin/llvm-config missing after install" >&2
  exit 1
fi
echo "setup: ok"
