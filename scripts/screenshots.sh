#!/bin/sh
# Renders the README's main-window screenshots from live data: inside a private network namespace
# (unshare -n, root), tests' sockpop holds ESTABLISHED, CLOSE_WAIT and FIN_WAIT2 sockets while a
# second wave of short connections fills TIME_WAIT, and tcpscope polls for 30 s before it saves.
#   scripts/screenshots.sh [BUILD_DIR]      (default build/dev; writes docs/images/main-window*.png)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/dev}
[ "$(id -u)" = 0 ] || { echo "screenshots.sh: needs root for unshare -n" >&2; exit 1; }
sockpop=$build/tests/support/sockpop
[ -x "$sockpop" ] || sockpop=$(find "$build/tests" -name sockpop -type f -perm -u+x | head -n 1)
[ -x "$sockpop" ] || { echo "screenshots.sh: no sockpop in $build (build the tests first)" >&2; exit 1; }
app=$build/app/tcpscope

shot() { # LANG OUTPUT
    unshare -n sh -c '
        ip link set lo up
        "$1" --established 120 --close-wait 40 --fin-wait2 25 -- sh -c "
            sleep 8; \"$1\" --time-wait 300 -- sleep 1
            sleep 8; \"$1\" --time-wait 500 --server-time-wait 150 -- sleep 1
            sleep 60" &
        sleep 1
        LANG=$2 QT_QPA_PLATFORM=offscreen "$3" --interval 500 --screenshot "$4" --screenshot-delay 30
        kill %1 2>/dev/null || true' sh "$sockpop" "$1" "$app" "$2"
}
shot en_US.UTF-8 "$here/docs/images/main-window.png"
shot zh_TW.UTF-8 "$here/docs/images/main-window-zh_TW.png"
echo "screenshots.sh: wrote docs/images/main-window.png and main-window-zh_TW.png"
