#!/usr/bin/env bash
# Headless Chromium draws every Chinese character as a box unless a CJK font is installed.
# Install Debian's fonts-noto-cjk when no CJK font is found; fail loudly when that is impossible.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q .; then
  exit 0
fi
echo "No Chinese font found; installing Debian's fonts-noto-cjk..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: not root and no sudo: cannot install fonts-noto-cjk. Install it (apt-get install -y fonts-noto-cjk)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q fonts-noto-cjk fontconfig
if ! fc-list :lang=zh family | grep -q .; then
  echo "ERROR: fonts-noto-cjk was installed but fontconfig finds no Chinese font." >&2
  exit 1
fi
