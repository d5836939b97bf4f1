#pragma once

#include "core/snapshot.h"
#include "parse/bsdnetstatparser.h"

#include <QByteArrayView>

// Builds one snapshot of a FreeBSD or macOS host from the text its tools print: `netstat -an -p tcp`,
// `sysctl <names>` and `uname -snr` (or `uname -a`). Pure, so the local BSD source and a remote (SSH)
// source share it. TIME_WAIT length then follows from net.inet.tcp.msl (Snapshot::timeWaitLengthMs()).
class BsdSnapshot
{
public:
    struct Input
    {
        QByteArrayView netstat;
        QByteArrayView sysctl;
        QByteArrayView uname; // "FreeBSD host 14.1-RELEASE ..." or "Darwin host 23.5.0 ..."; may be empty
        qint64 timeMs = 0;
        QString source = QStringLiteral("netstat"); // shown as SnapshotData::source
        BsdNetstatParser::Options netstatOptions;
    };

    static SnapshotData build(const Input &input);
};
