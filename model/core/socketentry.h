#pragma once

#include "core/tcpstate.h"
#include "core/timerkind.h"

#include <QMetaType>
#include <QString>

#include <array>

enum class AddressFamily : quint8 { IPv4 = 4, IPv6 = 6 };

// Which kernel printer wrote the row: a full socket, a timewait minisocket or a request socket.
// BsdPcb: a FreeBSD/macOS PCB as netstat prints it, with no owner or inode, so never called an orphan.
enum class RowKind : quint8 { Full, TimeWaitSock, Request, BsdPcb };

// One socket as the kernel reported it. Plain value, no heap: 80 bytes, so 100k fit in 8 MB.
struct SocketEntry
{
    std::array<quint8, 16> localAddr {}; // network byte order; IPv4 uses the first 4 bytes
    std::array<quint8, 16> remoteAddr {};
    quint16 localPort = 0;
    quint16 remotePort = 0;
    AddressFamily family = AddressFamily::IPv4;
    TcpState state = TcpState::Unknown;
    TimerKind timer = TimerKind::None;
    RowKind kind = RowKind::Full;
    quint32 txQueue = 0; // bytes not yet acknowledged (LISTEN: 0)
    quint32 rxQueue = 0; // bytes not yet read (LISTEN: accept queue length)
    quint32 timerMs = 0; // time until the timer fires
    quint32 retransmits = 0;
    quint32 uid = 0;
    quint32 probes = 0; // unanswered keepalive or zero-window probes (the misnamed "timeout" column)
    quint64 inode = 0; // 0 once orphaned, and for TIME_WAIT and request rows; BsdPcb: see BsdNetstatParser
    // sock_diag's idiag_cookie (sock_gen_cookie, net/core/sock_diag.c): unique for the socket's life and
    // copied into its timewait socket (inet_twsk_alloc, net/ipv4/inet_timewait_sock.c). 0 from /proc.
    quint64 cookie = 0;

    // Closed by its application but still alive in the kernel: a full socket whose inode is gone, or a
    // FIN_WAIT2 printed as a timewait minisocket (st 05, tr 3). TIME_WAIT rows are not counted.
    bool isOrphan() const
    {
        return (kind == RowKind::Full && inode == 0) || (kind == RowKind::TimeWaitSock && state == TcpState::FinWait2);
    }
    bool isV4Mapped() const;
    QString localAddressText() const;
    QString remoteAddressText() const;
    // "127.0.0.1:5000", "[::1]:5000"
    QString localText() const;
    QString remoteText() const;

    static QString addressText(AddressFamily family, const std::array<quint8, 16> &addr);
    static QString endpointText(AddressFamily family, const std::array<quint8, 16> &addr, quint16 port);
};

static_assert(sizeof(SocketEntry) == 80, "SocketEntry is per socket: keep it small");

Q_DECLARE_METATYPE(SocketEntry)
