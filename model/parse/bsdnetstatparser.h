#pragma once

#include "core/problem.h"
#include "core/socketentry.h"

#include <QByteArrayView>

#include <optional>
#include <vector>

// Which netstat printed the rows, guessed from the row layout: FreeBSD writes one space after Send-Q,
// macOS two (usr.bin/netstat/inet.c vs network_cmds netstat.tproj/inet.c). Used only when uname is absent.
enum class NetstatDialect : quint8 { Unknown, FreeBSD, Darwin };

struct BsdNetstatResult
{
    std::vector<SocketEntry> sockets;
    ProblemList problems;
    qint64 lines = 0; // tcp rows seen
    // Lines whose IPv6 host netstat may have cut to 16 characters. The row is kept with the leading groups
    // that parsed (the rest zero), so one such socket keeps the same identity from poll to poll.
    std::vector<qint64> truncatedHostLines;
    NetstatDialect dialect = NetstatDialect::Unknown;
};

// Parses `netstat -an -p tcp` (or `netstat -an`) as FreeBSD and macOS print it. Pure: bytes in, values out.
// Rows are split on whitespace, never on column offsets: macOS headers and rows do not line up.
// Non-TCP rows and other sections (UNIX sockets) are skipped; a malformed TCP row is skipped and reported.
// Rows get RowKind::BsdPcb and no owner. `inode` is 0, except that the 2nd, 3rd... identical LISTEN row
// (SO_REUSEPORT) gets 1, 2... so that Snapshot keeps them apart. Identical unbound CLOSED rows still merge.
class BsdNetstatParser
{
public:
    static constexpr int MaxLineLength = 1024;
    // inet.c prints hosts with "%.*s" and a precision of 16 unless -W (FreeBSD) or -l (macOS) is given.
    static constexpr int TruncatedHostLength = 16;

    struct Options
    {
        // netstat ran with -W (FreeBSD) / -l (macOS): hosts up to 39 characters, so any IPv6 address without
        // a zone is whole and a 16-character host is not truncated.
        bool fullAddresses = false;
        int maxSockets = 4'000'000;
    };

    static BsdNetstatResult parse(QByteArrayView text, const QString &source);
    static BsdNetstatResult parse(QByteArrayView text, const QString &source, const Options &options);

    // tcpstates[] of netinet/tcp_fsm.h: "SYN_RCVD" -> SynRecv, "CLOSED" -> Close, "7" -> Closing.
    static std::optional<TcpState> stateFromBsdName(QByteArrayView name);
};
