#!/usr/bin/env python3
"""Renders `netstat -an -p tcp` rows with the printf formats of FreeBSD usr.bin/netstat/inet.c and
macOS network_cmds netstat.tproj/inet.c (tcp-domain.md section 4). The output is RENDERED, not captured:
it exists because no BSD machine was available and no public capture shows every state.
Usage: python3 render.py  (writes rendered-freebsd-allstates.txt and rendered-macos-allstates.txt)"""

ROWS = [  # proto, recv-q, send-q, local, foreign, state
    ("tcp4", 0, 0, "127.0.0.1.5000", "*.*", "LISTEN"),
    ("tcp6", 0, 0, "::1.5000", "*.*", "LISTEN"),
    ("tcp46", 0, 0, "*.5001", "*.*", "LISTEN"),
    ("tcp4", 0, 0, "127.0.0.1.54010", "127.0.0.1.5002", "SYN_SENT"),
    ("tcp4", 0, 0, "127.0.0.1.5000", "127.0.0.1.54011", "SYN_RCVD"),
    ("tcp4", 100, 0, "127.0.0.1.5000", "127.0.0.1.54046", "ESTABLISHED"),
    ("tcp4", 0, 0, "127.0.0.1.54046", "127.0.0.1.5000", "ESTABLISHED"),
    ("tcp4", 0, 1, "127.0.0.1.54020", "127.0.0.1.5000", "FIN_WAIT_1"),
    ("tcp4", 0, 0, "127.0.0.1.54021", "127.0.0.1.5000", "FIN_WAIT_2"),
    ("tcp4", 0, 0, "127.0.0.1.5000", "127.0.0.1.54021", "CLOSE_WAIT"),
    ("tcp4", 0, 1, "127.0.0.1.5000", "127.0.0.1.54022", "LAST_ACK"),
    ("tcp4", 0, 1, "127.0.0.1.54023", "127.0.0.1.5000", "CLOSING"),
    ("tcp4", 0, 0, "127.0.0.1.54048", "127.0.0.1.5000", "TIME_WAIT"),
    ("tcp4", 0, 0, "127.0.0.1.54030", "*.*", "CLOSED"),
    ("tcp6", 0, 0, "::1.5000", "::1.54050", "ESTABLISHED"),
    ("tcp6", 0, 0, "::1.54050", "::1.5000", "ESTABLISHED"),
    ("tcp6", 0, 0, "fe80::1%lo0.5003", "fe80::1%lo0.54060", "ESTABLISHED"),
    ("tcp6", 0, 0, "::1.54061", "::1.5000", "TIME_WAIT"),
    ("tcp6", 0, 0, "::1.54062", "::1.5000", "FIN_WAIT_2"),
    ("tcp6", 0, 0, "::1.5000", "::1.54062", "CLOSE_WAIT"),
]


def proto(p):
    return "%-3.3s%-2.2s" % (p[:3], p[3:])


def freebsd():
    out = ["Active Internet connections (including servers)",
           "%-5.5s %-6.6s %-6.6s %-22.22s %-22.22s %s" % ("Proto", "Recv-Q", "Send-Q", "Local Address",
                                                         "Foreign Address", "(state)")]
    for p, r, s, l, f, st in ROWS:
        out.append("%s %6u %6u %-22.22s %-22.22s %s" % (proto(p), r, s, l, f, st))
    return out


def macos():
    out = ["Active Internet connections (including servers)",
           "%-5.5s %-6.6s %-6.6s  %-22.22s %-22.22s %-11.11s" % ("Proto", "Recv-Q", "Send-Q", "Local Address",
                                                               "Foreign Address", "(state)")]
    for p, r, s, l, f, st in ROWS:
        out.append("%s %6u %6u  %-22.22s %-22.22s %-11s" % (proto(p), r, s, l, f, st))
    return out


for name, lines in (("rendered-freebsd-allstates.txt", freebsd()), ("rendered-macos-allstates.txt", macos())):
    with open(name, "w") as fh:
        fh.write("\n".join(lines) + "\n")
