#!/usr/bin/env bash
# tcpscope developer entry point: installs what is missing, builds, then runs the app or the tests.
#   scripts/dev.sh run  [app args...]   set up, build, launch tcpscope on this host
#   scripts/dev.sh test [ctest args...] set up, build, run the whole test suite
# Idempotent: a second call installs nothing and rebuilds only what changed.
# `test` runs the whole suite: the unit and integration tests, the same tests under ASan+UBSan
# (preset asan) and every libFuzzer target for TCPSCOPE_FUZZ_SECONDS (default 60) each (preset fuzz).
# TCPSCOPE_QUICK=1 runs only the first stage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${TCPSCOPE_PRESET:-dev}
[ "${CI:-}" = true ] && preset=${TCPSCOPE_PRESET:-ci}
builddir="$here/build/$preset"

packages=(
  cmake ninja-build g++ pkg-config ccache
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-qpa-plugins
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  fonts-dejavu-core
  iproute2 procps psmisc openssh-server openssh-client
  busybox  # tst_sshscript runs the --ssh loop under busybox sh and awk too
  xvfb xauth
  clang libclang-rt-14-dev clang-tidy
  hyperfine
  libyaml-cpp-dev libcrypt-dev  # tcpscope-agent --web-config: YAML, and bcrypt through crypt_r(3)
  libzstd-dev zstd  # recordings are zstd (cmake/zstd.cmake); zstdcat reads them in shell pipes
  desktop-file-utils appstream librsvg2-bin dpkg-dev man-db
  systemd  # systemd-analyze verify checks the agent's unit (tests/install/validate-install.sh)
  fonts-wqy-microhei qt6-translations-l10n
  # eBPF state-change events (cmake/ebpf.cmake): without them the build says so and polls only.
  libbpf-dev bpftool llvm libelf-dev zlib1g-dev
  # promtool checks the agent's /metrics; the tests run their own prometheus (and node_exporter, to
  # compare node_tcp_connection_states with), never the system's.
  prometheus prometheus-node-exporter
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
  # Debian's prometheus package would start a server on :9090 at install: keep services from
  # starting while we install (invoke-rc.d(8) honours policy-rc.d), then put things back.
  local policy=/usr/sbin/policy-rc.d added=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | sudo_cmd tee "$policy" >/dev/null && sudo_cmd chmod +x "$policy" && added=1
  fi
  sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { [ -n "$added" ] && sudo_cmd rm -f "$policy"; exit 1; }
  [ -n "$added" ] && sudo_cmd rm -f "$policy"
  return 0
}

build() {
  local p=${1:-$preset}
  # Paths below the checkout are hashed relative to it: a fresh clone reuses an earlier build's objects.
  export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  log "configuring ($p) in $here/build/$p"
  (cd "$here" && cmake --preset "$p" >/dev/null)
  log "building ($p)"
  cmake --build "$here/build/$p" --parallel "$(nproc)"
}

# Runs one preset's ctest; remembers a failure but lets the later stages run too.
failed=()
stage() {
  local p=$1; shift
  build "$p"
  log "testing ($p)"
  (cd "$here/build/$p" && ctest --output-on-failure --timeout 900 "$@") || failed+=("$p")
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
    install_missing
    stage "$preset" "$@"
    if [ "${TCPSCOPE_QUICK:-0}" != 1 ]; then
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 stage asan "$@"
      (cd "$here" && cmake --preset fuzz -DTCPSCOPE_FUZZ_SECONDS="${TCPSCOPE_FUZZ_SECONDS:-60}" >/dev/null)
      stage fuzz
    fi
    if [ ${#failed[@]} -gt 0 ]; then log "FAILED stages: ${failed[*]}"; exit 1; fi
    log "all stages passed" ;;
  *) echo "usage: scripts/dev.sh {run|test|setup} [args...]" >&2; exit 2 ;;
esac
