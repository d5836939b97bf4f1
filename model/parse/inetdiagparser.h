#pragma once

#include "core/problem.h"
#include "core/socketentry.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

// Turns the bytes of one NETLINK_SOCK_DIAG recv() (a run of nlmsghdr + inet_diag_msg) into
// SocketEntry values shaped like the /proc parser's: same state codes, timer kinds and row kinds.
// Pure and bounds-checked: a short or malformed message is reported and the rest is skipped.
class InetDiagParser
{
public:
    // A SOCK_DIAG_BY_FAMILY dump request for the TCP sockets of one family whose state is in the
    // bitmask `states` (1 << TCP_ESTABLISHED | ..., include/net/tcp_states.h), ready for sendto(2) to
    // the kernel (sock_diag(7)). No extensions are asked for: idiag_ext = 0.
    static QByteArray dumpRequest(int family, quint32 states, quint32 seq);
    // A SOCK_DESTROY request for exactly this socket (its 4-tuple and cookie), as ss -K sends it; the
    // kernel answers with an NLMSG_ERROR ack (net/ipv4/inet_diag.c inet_diag_cmd_exact).
    static QByteArray destroyRequest(const SocketEntry &socket, quint32 seq);

    enum class Status : quint8 {
        More, // the dump goes on: recv() again
        Done, // NLMSG_DONE seen
        Error, // NLMSG_ERROR, or bytes that cannot be a netlink stream
    };
    struct Result
    {
        Status status = Status::More;
        int error = 0; // errno carried by NLMSG_ERROR (positive), 0 otherwise
        qint64 messages = 0; // inet_diag_msg records decoded
    };

    // Appends the sockets in buffer to out.
    static Result parse(QByteArrayView buffer, std::vector<SocketEntry> &out, ProblemList &problems,
        const QString &source = QStringLiteral("sock_diag"));

    // inet_diag reports a request socket's uid as 0 where /proc prints its listener's uid
    // (net/ipv4/inet_diag.c inet_req_diag_fill vs tcp_ipv4.c get_openreq4): copy it from the listener.
    static void fillRequestUids(std::vector<SocketEntry> &sockets);
};
