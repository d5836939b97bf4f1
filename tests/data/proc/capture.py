#!/usr/bin/env python3
"""Captures /proc/net/tcp and /proc/net/tcp6 from the running kernel with a socket in every state
the kernel prints (01..0B except 07), in both families, plus an IPv4-mapped IPv6 connection,
timers of every kind, and request (SYN_RECV) and timewait (TIME_WAIT, orphaned FIN_WAIT2) rows.

Run in a private network namespace so only these sockets appear:
    unshare -n sh -c 'ip link set lo up && python3 capture.py OUTDIR'      (root)
    unshare -rn sh -c 'ip link set lo up && python3 capture.py OUTDIR'     (unprivileged)
Writes OUTDIR/tcp, OUTDIR/tcp6, OUTDIR/ss.txt (ss -tan -o, for cross-checking) and OUTDIR/uname.
Loopback only."""
import os, socket, subprocess, sys, time

out = sys.argv[1]
keep = []


def listener(fam, addr, backlog=64, defer=False):
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if defer:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 30)
    s.bind((addr, 0))
    s.listen(backlog)
    keep.append(s)
    return s


def pair(lst, fam, addr):
    c = socket.socket(fam, socket.SOCK_STREAM)
    c.connect((addr, lst.getsockname()[1]))
    s, _ = lst.accept()
    keep.extend([c, s])
    return c, s


def fill(sender, receiver_bufsize=4096):
    """Sends until the peer's receive window is zero: the sender keeps unsent data (tx_queue)."""
    sender.setblocking(False)
    chunk = b"x" * 65536
    try:
        while True:
            sender.send(chunk)
    except BlockingIOError:
        pass
    sender.setblocking(True)


def small_buffers(*socks):
    for s in socks:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)


for fam, addr in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    lst = listener(fam, addr)
    # ESTABLISHED with 100 unread bytes, and one with keepalive (timer 2).
    c, s = pair(lst, fam, addr)
    c.send(b"y" * 100)
    c2, s2 = pair(lst, fam, addr)
    c2.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    # TIME_WAIT on the client: client closes first, server follows.
    c3, s3 = pair(lst, fam, addr)
    c3.close(); keep.remove(c3); time.sleep(0.05); s3.close(); keep.remove(s3)
    # CLOSE_WAIT (server) + orphaned FIN_WAIT2 minisocket (client closed).
    c4, s4 = pair(lst, fam, addr)
    c4.close(); keep.remove(c4)
    # CLOSE_WAIT + full FIN_WAIT2 (client only shut down writing).
    c5, s5 = pair(lst, fam, addr)
    c5.shutdown(socket.SHUT_WR)
    # Request socket: TCP_DEFER_ACCEPT listener, client sends nothing.
    dl = listener(fam, addr, defer=True)
    rc = socket.socket(fam, socket.SOCK_STREAM)
    rc.connect((addr, dl.getsockname()[1])); keep.append(rc)
    # SYN_SENT: a listener whose accept queue is full drops further SYNs.
    full = listener(fam, addr, backlog=0)
    for _ in range(2):
        q = socket.socket(fam, socket.SOCK_STREAM); keep.append(q)
        q.setblocking(False)
        q.connect_ex((addr, full.getsockname()[1]))
    time.sleep(0.05)
    # FIN_WAIT1 with a zero-window probe timer (4): unsent data, then close; the peer never reads.
    l2 = listener(fam, addr)
    c6 = socket.socket(fam, socket.SOCK_STREAM); small_buffers(c6)
    c6.connect((addr, l2.getsockname()[1])); s6, _ = l2.accept(); small_buffers(s6); keep.append(s6)
    fill(c6); c6.close()
    # LAST_ACK: the client fills the server's... (server has unsent data to a non-reading client).
    c7 = socket.socket(fam, socket.SOCK_STREAM); small_buffers(c7)
    c7.connect((addr, l2.getsockname()[1])); s7, _ = l2.accept(); small_buffers(s7); keep.append(c7)
    fill(s7); c7.shutdown(socket.SHUT_WR); time.sleep(0.05); s7.recv(10); s7.close()
    # CLOSING: both sides have unsent data behind zero windows, both shut down; then A drains B.
    c8 = socket.socket(fam, socket.SOCK_STREAM); small_buffers(c8)
    c8.connect((addr, l2.getsockname()[1])); s8, _ = l2.accept(); small_buffers(s8); keep.extend([c8, s8])
    fill(c8); fill(s8)
    c8.shutdown(socket.SHUT_WR); s8.shutdown(socket.SHUT_WR)
    c8.setblocking(False)
    deadline = time.time() + 2
    while time.time() < deadline:
        try:
            if c8.recv(65536) == b"":
                break
        except BlockingIOError:
            time.sleep(0.01)

# IPv4-mapped: a dual-stack [::] listener accepting an IPv4 client.
d = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
d.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
d.bind(("::", 0)); d.listen(8); keep.append(d)
mc = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
mc.connect(("127.0.0.1", d.getsockname()[1])); ms, _ = d.accept(); keep.extend([mc, ms])

time.sleep(0.2)
os.makedirs(out, exist_ok=True)
for name in ("tcp", "tcp6"):
    with open(f"/proc/net/{name}", "rb") as src, open(os.path.join(out, name), "wb") as dst:
        dst.write(src.read())
with open(os.path.join(out, "ss.txt"), "w") as f:
    f.write(subprocess.run(["ss", "-tan", "-o"], capture_output=True, text=True).stdout)
with open(os.path.join(out, "uname"), "w") as f:
    f.write(" ".join(os.uname()) + "\n")
