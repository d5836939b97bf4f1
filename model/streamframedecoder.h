#pragma once

#include "procnettcpparser.h"
#include "snapshot.h"
#include "streamframe.h"

#include <QByteArray>
#include <QMap>

// Turns one frame's text into SnapshotData. Pure and bounded: /proc tables go through
// ProcNetTcpParser, sysctl values through TunablesReader::parseValue; anything malformed becomes a
// problem naming the frame number. BSD frames carry netstat/sysctl text for a BSD parser.
class StreamFrameDecoder
{
public:
    struct Sections
    {
        QMap<QByteArray, QByteArray> header; // "host" -> "db1"
        QByteArray tcp, tcp6, netstat, bsdSysctl;
        bool hasTcp = false, hasTcp6 = false, hasNetstat = false;
        QMap<QString, QByteArray> sysctls;
        int unknownSections = 0;
    };
    // Fills d.sockets/d.tunables from a BSD frame; installed by whoever provides the BSD parsers.
    using BsdParser = void (*)(const Sections &sections, SnapshotData &d);

    static Sections split(const StreamFrame &frame);
    static SnapshotData decode(const StreamFrame &frame, const ProcNetTcpParser::Options &options = {});
    static void setBsdParser(BsdParser parser);
};
