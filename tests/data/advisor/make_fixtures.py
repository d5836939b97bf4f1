#!/usr/bin/env python3
"""Writes the advisor's --proc-root fixtures. SYNTHESISED, not captured: every /proc/net/tcp row uses
the exact line formats the 6.18.44 kernel printed on the capture machine (net/ipv4/tcp_ipv4.c
get_tcp4_sock, get_timewait4_sock and ../procroot/linux-6.18/net/tcp: full rows of 17 tokens, timewait
rows of 12, v4 lines padded to 149 characters), and the sys/ files start from ../procroot/linux-6.18/sys (copied from /proc/sys on that
kernel) with the overrides listed per fixture below. Re-run after editing: python3 make_fixtures.py"""
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SYS = os.path.join(HERE, '..', 'procroot', 'linux-6.18', 'sys')
HEADER4 = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
HEADER6 = ('  sl  local_address                         remote_address                        st tx_queue '
           'rx_queue tr tm->when retrnsmt   uid  timeout inode')
rng = random.Random(4)


def addr(ip):
    a = [int(x) for x in ip.split('.')]
    return '%02X%02X%02X%02X' % (a[3], a[2], a[1], a[0])  # __be32 printed as a little-endian int


def ptr():
    return '%016x' % rng.getrandbits(64)


class Table:
    def __init__(self):
        self.rows = []
        self.inode = 30000

    def full(self, local, lport, remote, rport, st, rx=0, tx=0, tr=0, when=0, orphan=False):
        self.inode += 1
        inode = 0 if orphan else self.inode
        tail = '100 0 0 10 0' if st == 0x0A else '20 4 0 10 -1'
        self.rows.append('%s:%04X %s:%04X %02X %08X:%08X %02X:%08X %08X %5u %8d %d %d %s %s' % (
            addr(local), lport, addr(remote), rport, st, tx, rx, tr, when, 0, 1000, 0, inode, 1, ptr(), tail))

    def timewait(self, local, lport, remote, rport, sub=0x06, when=None):
        # get_timewait4_sock: tr 3, uid 0, inode 0, refcount 3; sub 05 = orphaned FIN_WAIT2 minisocket
        when = rng.randint(100, 5999) if when is None else when
        self.rows.append('%s:%04X %s:%04X %02X %08X:%08X %02X:%08X %08X %5u %8d %d %d %s' % (
            addr(local), lport, addr(remote), rport, sub, 0, 0, 3, when, 0, 0, 0, 0, 3, ptr()))

    def listen(self, local, port):
        self.full(local, port, '0.0.0.0', 0, 0x0A)

    def text(self):
        out = [HEADER4.ljust(149)]
        for i, r in enumerate(self.rows):
            out.append(('%4d: ' % i + r).ljust(149))
        return '\n'.join(out) + '\n'


def write(name, table, sysctl=None, release='6.18.44-fixture'):
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BASE_SYS, os.path.join(root, 'sys'))
    os.makedirs(os.path.join(root, 'net'))
    with open(os.path.join(root, 'net', 'tcp'), 'w') as f:
        f.write(table.text())
    with open(os.path.join(root, 'net', 'tcp6'), 'w') as f:
        f.write(HEADER6 + '\n')
    with open(os.path.join(root, 'sys', 'kernel', 'osrelease'), 'w') as f:
        f.write(release + '\n')
    with open(os.path.join(root, 'sys', 'kernel', 'hostname'), 'w') as f:
        f.write(name + '\n')
    for k, v in (sysctl or {}).items():
        with open(os.path.join(root, 'sys', 'net', 'ipv4', k), 'w') as f:
            f.write(v + '\n')


def quiet_host(t):
    t.listen('127.0.0.1', 22)
    t.full('127.0.0.1', 22, '127.0.0.9', 50022, 0x01)


def tw_server(n, port=80, ephemeral=40000):
    t = Table()
    quiet_host(t)
    t.listen('127.0.0.1', port)
    for i in range(n):
        t.timewait('127.0.0.1', port, '127.0.0.3', ephemeral + i)
    return t


def tw_client(n, port=80, ephemeral=40000):
    t = Table()
    quiet_host(t)
    for i in range(n):
        t.timewait('127.0.0.1', ephemeral + i, '127.0.0.3', port)
    return t


def main():
    t = Table()
    quiet_host(t)
    write('tw-recycle-on', t, {'tcp_tw_recycle': '1', 'tcp_tw_reuse': '0'}, '4.9.0-fixture')
    write('tw-recycle-off', t, {'tcp_tw_recycle': '0', 'tcp_tw_reuse': '0'}, '4.9.0-fixture')

    write('tw-reuse-inbound', tw_server(30), {'tcp_tw_reuse': '1'})
    write('tw-reuse-outbound', tw_client(30), {'tcp_tw_reuse': '1'})
    write('tw-reuse-no-timestamps', tw_client(30), {'tcp_tw_reuse': '1', 'tcp_timestamps': '0'})

    write('tw-buckets-near-limit', tw_client(190), {'tcp_max_tw_buckets': '200'})
    write('tw-buckets-ok', tw_client(190), {'tcp_max_tw_buckets': '400'})

    # 850 of 1000 ports toward one destination, then the same 850 spread over four server ports.
    for name, ports in (('port-pressure', [5432]), ('port-pressure-spread', [5432, 5433, 5434, 5435])):
        t = Table()
        quiet_host(t)
        for i in range(850):
            rport = ports[i % len(ports)]
            if i % 4 == 0:
                t.full('127.0.0.1', 60000 + i, '127.0.0.2', rport, 0x01)
            else:
                t.timewait('127.0.0.1', 60000 + i, '127.0.0.2', rport)
        write(name, t, {'ip_local_port_range': '60000\t60999'})

    write('server-closes-first', tw_server(150, 8080))
    write('client-closes-first', tw_client(150, 8080))

    for name, n in (('close-wait', 60), ('close-wait-few', 5)):
        t = Table()
        quiet_host(t)
        t.listen('127.0.0.1', 8080)
        for i in range(n):
            t.full('127.0.0.1', 8080, '127.0.0.4', 41000 + i, 0x08, rx=1)
        write(name, t)

    for name, n in (('fin-wait2', 80), ('fin-wait2-few', 3)):
        t = Table()
        quiet_host(t)
        for i in range(n):
            if i % 16 == 15:  # shutdown(SHUT_WR), still held: a full row, tr 0, real inode
                t.full('127.0.0.1', 42000 + i, '127.0.0.6', 443, 0x05)
            else:
                t.timewait('127.0.0.1', 42000 + i, '127.0.0.6', 443, sub=0x05)
        write(name, t)


if __name__ == '__main__':
    main()
