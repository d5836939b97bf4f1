#!/usr/bin/env bash
# tcpscope developer entry point: installs what is missing, builds, then runs the app or the tests.
#   scripts/dev.sh run  [app args...]   set up, build, launch tcpscope on this host
#   scripts/dev.sh test [ctest args...] set up, build, run the whole test suite
# Idempotent: a second call installs nothing and rebuilds only what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${TCPSCOPE_PRESET:-dev}
[ "${CI:-}" = true ] && preset=${TCPSCOPE_PRESET:-ci}
builddir="$here/build/$preset"

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-qpa-plugins
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  fonts-dejavu-core
  iproute2 procps psmisc openssh-server openssh-client
  xvfb xauth
  hyperfine
)

log() { printf '[tcpscope] %s\n' "$*" >&2; }

sudo_cmd() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else log "need root to install packages: run as root or install sudo"; exit 1; fi
}

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "all Debian packages present"; return; fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd apt-get update -qq
  sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  log "configuring ($preset) in $builddir"
  cmake --preset "$preset" -S "$here" >/dev/null
  log "building"
  cmake --build "$builddir" --parallel "$(nproc)"
}

cmd=${1:-run}; shift || true
case "$cmd" in
  setup) install_missing; build ;;
  run)
    install_missing; build
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      log "no DISPLAY: starting under Xvfb (use ssh -X or a desktop session to see the window)"
      exec xvfb-run -a "$builddir/app/tcpscope" "$@"
    fi
    exec "$builddir/app/tcpscope" "$@" ;;
  test)
    install_missing; build
    cd "$builddir"
    exec ctest --output-on-failure --timeout 600 "$@" ;;
  *) echo "usage: scripts/dev.sh {run|test|setup} [args...]" >&2; exit 2 ;;
esac
