#pragma once

#include "core/socketentry.h"

#include <QByteArray>

// Writes a SocketEntry as the kernel prints its row of /proc/net/tcp{,6} (tcp4_seq_show in
// net/ipv4/tcp_ipv4.c, tcp6_seq_show in net/ipv6/tcp_ipv6.c), so that ProcNetTcpParser reads back the
// same entry: the producers on sock_diag (the agent, this host's recordings) write the rows the shell
// script copies from /proc. Columns the parser does not read are written as the kernel's zeros.
class ProcLineFormatter
{
public:
    // The header line of /proc/net/tcp (IPv4) or tcp6, with its newline.
    static QByteArrayView header(AddressFamily family);
    // Appends one row (with its newline); `row` is the "sl" column.
    static void append(QByteArray &out, const SocketEntry &e, int row, int ticksPerSecond = 100);
    // The row's key in a version 2 stream: "LOCAL REM INODE" as the row prints them.
    static QByteArray key(const SocketEntry &e);
};
