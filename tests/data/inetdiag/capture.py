#!/usr/bin/env python3
# Captures raw NETLINK_SOCK_DIAG dump replies (all recv() buffers concatenated) and /proc/net/tcp{,6}
# from the same loopback sockets, for tst_inetdiagparser. Run as: unshare -n python3 capture.py
import os, socket, struct, time

os.system("ip link set lo up")

def pair(fam, addr, lst):
    c = socket.socket(fam, socket.SOCK_STREAM); c.connect((addr, lst.getsockname()[1]))
    s, _ = lst.accept(); return c, s

keep = []
for fam, addr in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    lst = socket.socket(fam, socket.SOCK_STREAM); lst.bind((addr, 0)); lst.listen(64); keep.append(lst)
    keep += pair(fam, addr, lst)                       # ESTABLISHED x2
    c, s = pair(fam, addr, lst); s.send(b"x" * 100); keep += [c, s]  # ESTABLISHED, 100 unread bytes
    c, s = pair(fam, addr, lst); c.close(); time.sleep(0.05); s.close()   # client TIME_WAIT
    c, s = pair(fam, addr, lst); c.close(); keep.append(s)              # CLOSE_WAIT + orphaned FIN_WAIT2
    c, s = pair(fam, addr, lst); c.shutdown(socket.SHUT_WR); keep += [c, s]  # FIN_WAIT2 owned + CLOSE_WAIT
    d = socket.socket(fam, socket.SOCK_STREAM); d.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 30)
    d.bind((addr, 0)); d.listen(8); keep.append(d)
    r = socket.socket(fam, socket.SOCK_STREAM); r.connect((addr, d.getsockname()[1])); keep.append(r)  # SYN_RECV request
time.sleep(0.2)

def dump(fam):
    nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
    states = ((1 << 13) - 1) & ~1 & ~(1 << 7)
    req = struct.pack("=BBBBI", fam, socket.IPPROTO_TCP, 0, 0, states) + b"\0" * 48
    hdr = struct.pack("=IHHII", 16 + len(req), 20, 0x301, 1, 0)
    nl.send(hdr + req)
    out = b""
    while True:
        b = nl.recv(65536); out += b
        off, done = 0, False
        while off + 16 <= len(b):
            ln, typ = struct.unpack_from("=IH", b, off)
            done = done or typ in (2, 3)  # NLMSG_ERROR, NLMSG_DONE
            off += (ln + 3) & ~3
        if done:
            break
    return out

open("dump4.bin", "wb").write(dump(socket.AF_INET))
open("dump6.bin", "wb").write(dump(socket.AF_INET6))
open("tcp.txt", "w").write(open("/proc/net/tcp").read())
open("tcp6.txt", "w").write(open("/proc/net/tcp6").read())
