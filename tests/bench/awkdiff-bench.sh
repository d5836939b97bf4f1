#!/usr/bin/env bash
# The server side of `tcpscope --ssh` on Linux: CPU and bytes per frame of (a) the version 1 loop
# (cat of /proc/net/tcp{,6} every poll, the path without awk), (b) the awk differ (version 2
# deltas, model/sources/remote/sshdiffer.cpp) and (c) the differ without ls (its owner scan finds
# nothing: what the scan costs), each at 1 Hz under dash and mawk, in a private
# namespace holding N sockets with about CHURN changed rows per second (loopback connections
# opened and closed; half the closes client first, half server first).
#   tests/bench/awkdiff-bench.sh [BUILD_DIR]      N=100000 CHURN=2000 SECONDS_EACH=30 WARMUP=60 RECORD_SECONDS=0
# Then (d) tcpscope-agent --stdout (netlink sock_diag, owners, format 2) the same way, and with
# RECORD_SECONDS > 0 a recording of the agent's stream that long (bench_record: size, per hour, seek).
# The churn's TIME_WAIT rows reach their steady count after 60 s (TCP_TIMEWAIT_LEN): WARMUP seconds
# of churn come before the first measurement so that all three see the same table.
# Needs root or user namespaces (sockpop), python3, dash and mawk. Figures: CPU user+sys of the
# loop's whole process tree (utime, stime and the waited-for children's cutime, cstime of
# /proc/PID/stat, proc(5)), frames and bytes of its output.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$here/build/dev}" && pwd)
n=${N:-100000}
churn=${CHURN:-2000}
each=${SECONDS_EACH:-30}
warmup=${WARMUP:-60}
sockpop=$build/tests/support/sockpop
tcpscope=$build/app/tcpscope
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$tcpscope" --remote-script > "$out/loop.sh" # interval 1 s
# (a) without awk on PATH the loop takes the cat branch: the version 1 cost (a keyframe every poll).
mkdir "$out/noawk"
for tool in uname cat date sleep; do ln -s "$(command -v "$tool")" "$out/noawk/$tool"; done
command -v mawk >/dev/null || { echo "mawk is not installed" >&2; exit 1; }
mkdir "$out/mawk" && ln -s "$(command -v mawk)" "$out/mawk/awk"
for tool in uname cat date sleep ls; do ln -s "$(command -v "$tool")" "$out/mawk/$tool"; done
# (c) the differ without ls: the owner scan finds nothing, which shows what the scan costs.
mkdir "$out/nols" && ln -s "$(command -v mawk)" "$out/nols/awk"
for tool in uname cat date sleep; do ln -s "$(command -v "$tool")" "$out/nols/$tool"; done

cat > "$out/churn.py" <<'PY'
# About RATE changed rows per second: every 0.1 s connect and accept K pairs, close the K oldest
# (client first or server first in turn). A pair opened: 2 new rows; closed: 2 rows gone and 1 new
# TIME_WAIT row. So ~5 rows per pair and cycle; the TIME_WAIT rows stay 60 s, so the table grows
# by RATE/5 rows per second (ss -s before and after shows by how much).
import resource, socket, sys, time
rate = int(sys.argv[1]); k = max(1, rate // 50)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
try: # this namespace's own: room for the TIME_WAIT rows of a minute of churn
    open("/proc/sys/net/ipv4/ip_local_port_range", "w").write("1024 65535")
except OSError: pass
lst = socket.socket(); lst.bind(("127.0.0.1", 0)); lst.listen(4096)
port = lst.getsockname()[1]
gens, turn = [], 0
while True:
    pairs = []
    for _ in range(k):
        c = socket.create_connection(("127.0.0.1", port)); s, _ = lst.accept(); pairs.append((c, s))
    gens.append(pairs)
    if len(gens) > 3:
        turn += 1
        for c, s in gens.pop(0):
            (c if turn % 2 else s).close(); (s if turn % 2 else c).close()
    time.sleep(0.1)
PY

cat > "$out/measure.py" <<'PY'
# Runs the loop (argv: name, PATH, script) for SECONDS_EACH seconds; prints its CPU and output.
import os, shutil, signal, subprocess, sys, threading, time
name, path, script, each = sys.argv[1], sys.argv[2], open(sys.argv[3]).read(), int(sys.argv[4])
hz = os.sysconf("SC_CLK_TCK")
dash = shutil.which("dash")
cmd = sys.argv[5:] or [dash, "-c", script] # a command of its own: the agent
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={"PATH": path}, start_new_session=True)
frames, size, biggest, first = [0], [0], [0], [0]
def count():
    cur = 0
    for line in p.stdout:
        cur += len(line)
        if line == b"@end\n":
            frames[0] += 1; size[0] += cur
            if frames[0] == 1: first[0] = cur
            else: biggest[0] = max(biggest[0], cur)
            cur = 0
threading.Thread(target=count, daemon=True).start()
time.sleep(each)
cpu = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit(): continue
    try: st = open(f"/proc/{pid}/stat").read()
    except OSError: continue
    f = st[st.rindex(")") + 2:].split()
    if int(f[3]) == p.pid: # the loop's session: the loop and everything it runs
        cpu += sum(int(x) for x in f[11:15])
os.killpg(p.pid, signal.SIGKILL); p.wait()
n = max(frames[0], 1); later = max(frames[0] - 1, 1)
print(f"{name:10s} CPU {cpu / hz:6.2f} s in {each} s ({100.0 * cpu / hz / each:5.1f}% of one CPU), "
      f"{frames[0]} frames, first {first[0]} bytes, later ones {(size[0] - first[0]) // later} bytes on average "
      f"(largest {biggest[0]}), {size[0] // n} bytes per frame overall")
PY

echo "== machine: $(nproc) vCPU, $(uname -r); load $(cut -d" " -f1-3 /proc/loadavg)"
echo "== date: $(date -u +%FT%TZ), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "== $n ESTABLISHED sockets, half IPv4, half IPv6 (sockpop --established $((n / 4))), ~$churn changed rows/s, ${each} s each"
# Established pairs do not expire (TIME_WAIT would, after 60 s: TCP_TIMEWAIT_LEN, include/net/tcp.h).
"$sockpop" --established $((n / 4)) -- sh -c '
  python3 "$1/churn.py" "$2" & c=$!
  sleep "$4"; ss -s | sed -n 2p
  python3 "$1/measure.py" "v1 (cat)" "$1/noawk" "$1/loop.sh" "$3"
  python3 "$1/measure.py" "v2 (awk)" "$1/mawk" "$1/loop.sh" "$3"
  python3 "$1/measure.py" "v2, no ls" "$1/nols" "$1/loop.sh" "$3"
  python3 "$1/measure.py" "agent" "$1/mawk" "$1/loop.sh" "$3" "$5" --stdout
  if [ "$6" -gt 0 ]; then
    echo "== a recording of the agent stream for $6 s (bench_record)"
    "$5" --stdout 2>/dev/null | "$7" "$1/rec.tcps" "$6"
  fi
  ss -s | sed -n 2p; kill $c' sh "$out" "$churn" "$each" "$warmup" "$build/app/agent/tcpscope-agent" "${RECORD_SECONDS:-0}" \
  "$build/tests/bench/bench_record"
