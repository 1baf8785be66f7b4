#!/usr/bin/env bash
# The end-to-end editor test drives Debian's Neovim (0.7, built-in LSP client) against
# `zhengce lsp`. Install it when missing; fail loudly when that is impossible.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
echo "Neovim not found; installing Debian's neovim package..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: not root and no sudo: cannot install neovim. Install it (apt-get install -y neovim)." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q neovim
command -v nvim >/dev/null 2>&1 || { echo "ERROR: neovim was installed but nvim is not on PATH." >&2; exit 1; }
