#!/usr/bin/env bash
# The end-to-end editor test drives Debian's Neovim (0.7, built-in LSP client) against
# `zhengce lsp`. Install it when missing; fail loudly when that is impossible.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
echo "Neovim not found; installing Debian's neovim package..." >&2
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "" neovim
command -v nvim >/dev/null 2>&1 || { echo "ERROR: neovim was installed but nvim is not on PATH." >&2; exit 1; }
