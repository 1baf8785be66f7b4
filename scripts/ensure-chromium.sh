#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (`npx playwright install`
# cannot download a browser here). Install it when missing; fail loudly when that is impossible.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package..." >&2
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install " or set CHROMIUM_PATH" chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "ERROR: chromium was installed but $CHROMIUM does not exist." >&2
  exit 1
fi
