#pragma once

#include "core/socketentry.h"
#include "core/tcpstate.h"

#include <QtGlobal>

#include <array>

// One TCP state change as the kernel made it (the sock:inet_sock_set_state tracepoint,
// include/trace/events/sock.h). Plain value, 56 bytes. The cookie is sock_diag's idiag_cookie, so
// an event joins a polled SocketEntry on it; the TIME_WAIT minisocket keeps its socket's cookie.
// TIME_WAIT is never reported: tcp_time_wait() (net/ipv4/tcp_minisocks.c) hands the connection to a
// timewait minisocket without the tracepoint and closes the full socket, so TIME_WAIT entry shows as
// FIN_WAIT2 or CLOSING -> CLOSE, and its expiry not at all.
struct TcpStateEvent
{
    qint64 timeNs = 0; // CLOCK_MONOTONIC, as clock_gettime(2) reads it
    quint64 cookie = 0;
    std::array<quint8, 16> localAddr {}; // network byte order; IPv4 uses the first 4 bytes
    std::array<quint8, 16> remoteAddr {};
    quint16 localPort = 0; // 0 at CLOSE -> SYN_SENT: connect(2) has not picked the port yet
    quint16 remotePort = 0;
    AddressFamily family = AddressFamily::IPv4;
    TcpState oldState = TcpState::Unknown;
    TcpState newState = TcpState::Unknown;
};
