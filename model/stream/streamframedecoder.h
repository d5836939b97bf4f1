#pragma once

#include "core/snapshot.h"
#include "parse/procnettcpparser.h"
#include "stream/streamframe.h"

#include <QByteArray>
#include <QMap>

// Turns one frame's text into SnapshotData. Pure and bounded: /proc tables go through
// ProcNetTcpParser, sysctl values through SysctlParser::parseLinuxValue; anything malformed becomes a
// problem naming the frame number. BSD frames carry netstat/sysctl text, read by BsdSnapshot.
class StreamFrameDecoder
{
public:
    struct Sections
    {
        QMap<QByteArray, QByteArray> header; // "host" -> "db1"
        QByteArray tcp, tcp6, netstat, bsdSysctl;
        bool hasTcp = false, hasTcp6 = false, hasNetstat = false;
        // Version 2 (docs/stream-format.md): a delta's vanished rows, the rows' cookies, state changes.
        bool delta = false, hasEvents = false;
        QByteArray gone, cookies, events, eventsArg;
        QMap<QString, QByteArray> sysctls;
        int unknownSections = 0;
    };
    static Sections split(const StreamFrame &frame);
    static SnapshotData decode(const StreamFrame &frame, const ProcNetTcpParser::Options &options = {});
    static SnapshotData decode(const Sections &s, qint64 number, const ProcNetTcpParser::Options &options = {});
    // The header fields (host, kernel, os, time) into d, with a problem for a missing @time.
    static void header(const Sections &s, qint64 number, SnapshotData &d);
    // "@sysctl" sections into d's tunables.
    static void sysctls(const Sections &s, SnapshotData &d);
};
