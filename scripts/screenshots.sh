#!/bin/sh
# Renders the README's main-window screenshots from live data: inside a private network namespace
# (unshare -n, root), the tests' sockpop holds ESTABLISHED, CLOSE_WAIT and FIN_WAIT2 sockets, two
# later waves of short connections fill TIME_WAIT, and tcpscope polls for 30 s before it saves.
#   scripts/screenshots.sh [BUILD_DIR]      (default build/dev; writes docs/images/main-window*.png)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/dev}
[ "$(id -u)" = 0 ] || { echo "screenshots.sh: needs root for unshare -n" >&2; exit 1; }
sockpop=$build/tests/support/sockpop
app=$build/app/tcpscope
[ -x "$sockpop" ] && [ -x "$app" ] || { echo "screenshots.sh: build $build first (ninja -C $build)" >&2; exit 1; }

shot() { # LANG OUTPUT
    unshare -n sh -c '
        ip link set lo up
        "$1" --here --established 120 --close-wait 300 --fin-wait2 25 -- sleep 60 &
        (sleep 8; "$1" --here --time-wait 300 -- true; sleep 8; "$1" --here --time-wait 400 --server-time-wait 150 -- true) &
        sleep 2
        LANG=$2 QT_QPA_PLATFORM=offscreen "$3" --interval 500 --screenshot "$4" --screenshot-delay 30
        wait' sh "$sockpop" "$1" "$app" "$2"
}
shot en_US.UTF-8 "$here/docs/images/main-window.png"
shot zh_TW.UTF-8 "$here/docs/images/main-window-zh_TW.png"
echo "screenshots.sh: wrote docs/images/main-window.png and main-window-zh_TW.png"

# A laptop on a projector: a real 1366x768 X screen (Xvfb), so the window takes the screen's size.
laptop() { # OUTPUT
    unshare -n sh -c '
        ip link set lo up
        "$1" --here --established 120 --close-wait 300 --fin-wait2 25 -- sleep 50 &
        (sleep 6; "$1" --here --time-wait 600 --server-time-wait 150 -- true) &
        sleep 2
        xvfb-run -a -s "-screen 0 1366x768x24" "$2" --interval 500 --screenshot "$3" --screenshot-delay 25
        wait' sh "$sockpop" "$app" "$1"
}
laptop "$here/docs/images/main-window-1366x768.png"
echo "screenshots.sh: wrote docs/images/main-window-1366x768.png"

# With eBPF (root): short connections all the time, so every poll has transitions the kernel reported;
# the diagram shows their tokens and each edge its rate.
churn() { # OUTPUT
    unshare -n sh -c '
        ip link set lo up
        "$1" --here --established 60 --close-wait 20 -- sleep 45 &
        (end=$(($(date +%s) + 40)); while [ "$(date +%s)" -lt "$end" ]; do
            "$1" --here --time-wait 15 --server-time-wait 5 -- true; sleep 0.2; done) &
        sleep 2
        QT_QPA_PLATFORM=offscreen "$2" --interval 1000 --screenshot "$3" --screenshot-delay 20
        wait' sh "$sockpop" "$app" "$1"
}
churn "$here/docs/images/ebpf-churn.png"
echo "screenshots.sh: wrote docs/images/ebpf-churn.png"
