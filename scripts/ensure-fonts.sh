#!/usr/bin/env bash
# Headless Chromium draws every Chinese character as a box unless a CJK font is installed.
# Install Debian's fonts-noto-cjk when no CJK font is found; fail loudly when that is impossible.
set -euo pipefail
if command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q .; then
  exit 0
fi
echo "No Chinese font found; installing Debian's fonts-noto-cjk..." >&2
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "" fonts-noto-cjk fontconfig
if ! fc-list :lang=zh family | grep -q .; then
  echo "ERROR: fonts-noto-cjk was installed but fontconfig finds no Chinese font." >&2
  exit 1
fi
