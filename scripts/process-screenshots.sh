#!/bin/sh
# Renders the README's owner screenshots from live data: inside a private network namespace (unshare -n,
# root), small named processes hold loopback sockets (a web server and its client, which closes some
# connections first and so keeps them in TIME-WAIT, a database pool, sockpop's mix), and tst_mainwindow's
# processScreenshots() saves the window grouped by process, then with the client picked.
#   scripts/process-screenshots.sh [BUILD_DIR]   (default build/dev; writes docs/images/owners-by-process.png
#                                                 and process-picker.png)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/dev}
[ "$(id -u)" = 0 ] || { echo "process-screenshots.sh: needs root for unshare -n" >&2; exit 1; }
sockpop=$build/tests/support/sockpop
test=$build/tests/tst_mainwindow
[ -x "$sockpop" ] && [ -x "$test" ] || { echo "process-screenshots.sh: build $build first" >&2; exit 1; }
actor=$(mktemp)
trap 'rm -f "$actor"' EXIT
cat > "$actor" <<'PY'
# actor.py NAME listen PORT: accepts and holds, closes when the peer does; exits after 60 s.
# actor.py NAME connect PORT N CLOSE AFTER: N connections, closes CLOSE of them after AFTER s.
import ctypes, select, socket, sys, time
ctypes.CDLL(None).prctl(15, sys.argv[1].encode()[:15], 0, 0, 0)  # PR_SET_NAME, prctl(2): the comm /proc shows
mode, port = sys.argv[2], int(sys.argv[3])
if mode == "listen":
    l = socket.socket()
    l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind(("127.0.0.1", port))
    l.listen(128)
    peers, end = [], time.time() + 60
    while time.time() < end:
        for s in select.select([l] + peers, [], [], 1)[0]:
            if s is l:
                peers.append(l.accept()[0])
            elif not s.recv(1):
                peers.remove(s)
                s.close()
else:
    n, close, after = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
    conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
    time.sleep(after)
    for s in conns[:close]:
        s.close()
    time.sleep(50)
PY
unshare -n sh -c '
    ip link set lo up
    python3 "$1" webserver listen 8080 & python3 "$1" dbserver listen 5432 &
    sleep 0.5
    python3 "$1" fetcher connect 8080 30 22 6 & python3 "$1" dbpool connect 5432 12 0 0 &
    "$2" --here --established 25 --close-wait 10 --fin-wait2 6 -- sleep 40 &
    (sleep 4; "$2" --here --time-wait 40 -- true) &
    sleep 1
    TCPSCOPE_PROCESS_SCREENSHOTS=$4 TCPSCOPE_PROCESS_PICK=fetcher QT_QPA_PLATFORM=offscreen "$3" processScreenshots
    wait' sh "$actor" "$sockpop" "$test" "$here/docs/images"
echo "process-screenshots.sh: wrote docs/images/owners-by-process.png and process-picker.png"
