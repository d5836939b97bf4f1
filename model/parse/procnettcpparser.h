#pragma once

#include "core/problem.h"
#include "core/socketentry.h"

#include <QByteArrayView>

#include <vector>

struct ProcParseResult
{
    std::vector<SocketEntry> sockets;
    ProblemList problems;
    qint64 lines = 0; // data lines seen, header excluded
};

// Parses /proc/net/tcp and /proc/net/tcp6 text (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c).
// Pure: bytes in, values out. A malformed line is skipped and reported; nothing aborts the parse.
class ProcNetTcpParser
{
public:
    static constexpr int MaxLineLength = 1024; // kernel lines are 150 bytes (v4) and ~180 (v6)

    struct Options
    {
        int ticksPerSecond = 100; // USER_HZ: `tm->when` is in clock ticks, not jiffies
        bool bigEndianKernel = false; // addresses are printed as host-order words
        int maxSockets = 4'000'000; // bound on what one snapshot may hold
    };

    static ProcParseResult parse(QByteArrayView text, AddressFamily family, const QString &source);
    static ProcParseResult parse(
        QByteArrayView text, AddressFamily family, const QString &source, const Options &options);
    // Appends to an existing result, so a poller can reuse its buffers.
    static void parseInto(
        ProcParseResult &out, QByteArrayView text, AddressFamily family, const QString &source, const Options &options);
    // One address field as the kernel prints it ("0100007F:1388", or 32 hex digits and the port).
    static bool parseEndpoint(QByteArrayView field, AddressFamily family, std::array<quint8, 16> &addr, quint16 &port,
        bool bigEndianKernel = false);
};
