# Sourced by the ensure-*.sh scripts: install Debian packages as root or through sudo, and fail
# loudly when neither is possible. Usage: apt_install "hint for the error" package...
apt_install() {
  local hint="$1"
  shift
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "ERROR: not root and no sudo: cannot install $*. Install it (apt-get install -y $*)${hint}." >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q "$@"
}
