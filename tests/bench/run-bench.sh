#!/usr/bin/env bash
# Runs every tcpscope benchmark and prints the figures docs/performance.md records.
#   tests/bench/run-bench.sh [BUILD_DIR]        (or: cmake --build build/dev --target bench)
# Needs root or user namespaces (sockpop makes a private network namespace, loopback only) and
# hyperfine (scripts/dev.sh installs it). N=100000 by default; RUNS sets hyperfine's run count.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$here/build/dev}" && pwd)
n=${N:-100000}
runs=${RUNS:-15}
sockpop=$build/tests/support/sockpop
tcpscope=$build/app/tcpscope
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== machine: $(nproc) vCPU, $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "== date: $(date -u +%FT%TZ), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "== load: $(cut -d" " -f1-3 /proc/loadavg) (other processes share these CPUs: wall times include waiting for a CPU)"

echo; echo "== model (synthetic $n sockets): $build/tests/bench/bench_model"
"$build/tests/bench/bench_model" 21 "$n"

# TIME_WAIT lasts 60 s: each block below gets a freshly populated namespace and finishes well within it.
echo; echo "== live ($n sockets, sockpop --mix $n): bench_live"
"$sockpop" --mix "$n" -- "$build/tests/bench/bench_live" 15

echo; echo "== end to end, side by side in one run (sockpop --mix $n): hyperfine -N --warmup 2 --runs $runs"
cmds=("ss -tan" "$tcpscope --snapshot --json" "$tcpscope --snapshot --json --source proc" "cat /proc/net/tcp /proc/net/tcp6")
command -v netstat >/dev/null && cmds+=("netstat -nat")
"$sockpop" --mix "$n" -- sh -c 'ss -s | sed -n 2p; exec "$@"' sh \
  hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$out/e2e.json" --output=pipe "${cmds[@]}"
python3 - "$out/e2e.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
ss = statistics.median(r[0]["times"])
print("median wall per command (ratio to ss -tan, same run):")
for x in r:
    m = statistics.median(x["times"])
    print(f"  {m*1000:8.1f} ms  {m/ss:5.2f}x  user {x['user']*1000:6.1f} ms sys {x['system']*1000:6.1f} ms  {x['command']}")
tc = statistics.median(r[1]["times"])
cpu = lambda x: x["user"] + x["system"]
print(f"RESULT tcpscope_snapshot_json_vs_ss={tc/ss:.2f} wall (target <= 0.6); "
      f"cpu (user+sys) {cpu(r[1])*1000:.0f} ms vs {cpu(r[0])*1000:.0f} ms = {cpu(r[1])/cpu(r[0]):.2f}")
PY

echo; echo "== CPU at 1 Hz with $n sockets: the window (offscreen) for 30 s, utime+stime from /proc/PID/stat"
"$sockpop" --mix "$n" -- sh -c '
  QT_QPA_PLATFORM=offscreen "$1" --interval 1000 >/dev/null 2>&1 &
  pid=$!; sleep 5
  hz=$(getconf CLK_TCK)
  a=$(awk "{print \$14+\$15}" /proc/$pid/stat); sleep 30
  b=$(awk "{print \$14+\$15}" /proc/$pid/stat)
  rss=$(awk "/VmRSS/{print \$2}" /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "cpu: $(awk -v t=$((b - a)) -v hz=$hz "BEGIN{printf \"%.1f\", t*100/hz/30}")% of one core over 30 s (ticks $((b - a)), target < 10%); RSS ${rss} KiB"
' sh "$tcpscope"

echo; echo "== GUI thread: the main window (offscreen) with $n churning sockets, 5000 transitions per poll: bench_guistall"
"$build/tests/bench/bench_guistall" "$n" 5000 20 | tail -2
echo "-- the same, table sorted by State (a column that changes every poll)"
"$build/tests/bench/bench_guistall" "$n" 5000 20 3 | tail -2

echo; echo "== owners ($n sockets, sockpop --mix $n): bench_owners, then side by side with ss -tanp (hyperfine -N)"
"$sockpop" --mix "$n" -- "$build/tests/bench/bench_owners" 11
"$sockpop" --mix "$n" -- hyperfine -N --warmup 1 --runs "$runs" --style basic --export-json "$out/owners.json" \
  --output=pipe "ss -tanp" "$tcpscope --snapshot --json --sockets" "ss -tan"
python3 - "$out/owners.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
ssp = statistics.median(r[0]["times"])
for x in r:
    m = statistics.median(x["times"])
    print(f"  {m*1000:8.1f} ms  {m/ssp:5.2f}x of ss -tanp  user {x['user']*1000:6.1f} ms sys {x['system']*1000:6.1f} ms  {x['command']}")
print(f"RESULT owners_snapshot_vs_ss_tanp={statistics.median(r[1]['times'])/ssp:.2f} wall (target <= 0.3)")
PY
