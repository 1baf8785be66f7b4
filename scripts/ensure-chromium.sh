#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (`npx playwright install`
# cannot download a browser here). Install it when missing; fail loudly when that is impossible.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: not root and no sudo: cannot install chromium. Install it (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "ERROR: chromium was installed but $CHROMIUM does not exist." >&2
  exit 1
fi
