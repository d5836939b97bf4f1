#!/bin/sh
# The README's fleet screenshot from live data. Three network namespaces stand for three servers,
# each with its own tcpscope-agent --metrics: web1 leaks CLOSE_WAIT sockets, web2 closes connections
# first in waves (TIME_WAIT), db1 is quiet. They reach the script's own namespace through veth pairs
# on 10.77.N.0/24 that exist only inside `unshare -n`. Debian's prometheus scrapes them every 2 s for
# about two minutes, then `tcpscope --prometheus` saves its window.
#   scripts/fleet-screenshot.sh [BUILD_DIR]   (default build/dev; writes docs/images/fleet.png)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/dev}
[ "$(id -u)" = 0 ] || { echo "fleet-screenshot.sh: needs root for unshare -n" >&2; exit 1; }
for b in tests/support/sockpop app/agent/tcpscope-agent app/tcpscope; do
    [ -x "$build/$b" ] || { echo "fleet-screenshot.sh: build $build first (ninja -C $build)" >&2; exit 1; }
done
command -v prometheus >/dev/null || { echo "fleet-screenshot.sh: install prometheus (scripts/dev.sh does)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unshare -n sh -s "$build" "$here/docs/images/fleet.png" "$tmp" <<'SCRIPT'
set -eu
build=$1 out=$2 tmp=$3
ip link set lo up
host() { # N NAME SOCKPOP-ARGS...: a namespace held by sockpop's command, a veth, an agent
    n=$1 name=$2; shift 2
    "$build/tests/support/sockpop" "$@" -- sh -c "echo \$\$ > $tmp/$name.pid; exec sleep 400" &
    while [ ! -s "$tmp/$name.pid" ]; do sleep 0.1; done
    pid=$(cat "$tmp/$name.pid")
    ip link add "fs$n" type veth peer name "fn$n" netns "$pid"
    ip addr add "10.77.$n.1/24" dev "fs$n"
    ip link set "fs$n" up
    nsenter --net="/proc/$pid/ns/net" ip addr add "10.77.$n.2/24" dev "fn$n"
    nsenter --net="/proc/$pid/ns/net" ip link set "fn$n" up
    nsenter --net="/proc/$pid/ns/net" "$build/app/agent/tcpscope-agent" --metrics "10.77.$n.2:9477" \
        --allow-insecure --interval 1000 2>/dev/null &
    echo $! >> "$tmp/servers"
}
host 1 web1 --established 80 --close-wait 350
host 2 web2 --established 40
host 3 db1 --established 25
(end=$(($(date +%s) + 110)); while [ "$(date +%s)" -lt "$end" ]; do
    nsenter --net="/proc/$(cat "$tmp/web2.pid")/ns/net" "$build/tests/support/sockpop" --here \
        --time-wait 400 -- true; sleep 12; done) &
cat > "$tmp/prometheus.yml" <<'EOF2'
global: {scrape_interval: 2s, evaluation_interval: 2s}
scrape_configs:
  - job_name: tcpscope-agent
    static_configs:
      - {targets: ['10.77.1.2:9477'], labels: {instance: 'web1:9477'}}
      - {targets: ['10.77.2.2:9477'], labels: {instance: 'web2:9477'}}
      - {targets: ['10.77.3.2:9477'], labels: {instance: 'db1:9477'}}
EOF2
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
    --web.listen-address=127.0.0.1:9090 >"$tmp/prometheus.log" 2>&1 &
echo $! >> "$tmp/servers"
sleep 120
QT_QPA_PLATFORM=offscreen "$build/app/tcpscope" --prometheus http://127.0.0.1:9090 --screenshot "$out" \
    --screenshot-delay 5
for f in "$tmp"/*.pid; do kill "$(cat "$f")"; done
kill $(cat "$tmp/servers") 2>/dev/null || true
wait
SCRIPT
echo "fleet-screenshot.sh: wrote docs/images/fleet.png"
