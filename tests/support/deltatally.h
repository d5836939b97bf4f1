#pragma once

#include "parse/procnettcpparser.h"
#include "stream/ownersection.h"
#include "stream/streamframereader.h"
#include "stream/streamtable.h"

#include <QFile>
#include <QMap>

#include <vector>

// Feeds a stream to a StreamTable and keeps the size of each frame, for the tests of version 2
// deltas (docs/stream-format.md); compares the rebuilt table with what /proc says.
struct DeltaTally
{
    struct Frame
    {
        bool delta = false;
        qsizetype bytes = 0;
        qsizetype fullOwnersBytes = 0; // the "@owners full" section's content, 0 when unchanged
        qsizetype sysctls = 0; // @sysctl sections
    };
    StreamFrameReader reader;
    StreamTable table;
    ProblemList problems;
    std::vector<Frame> frames;

    void feed(QByteArrayView bytes)
    {
        reader.feed(bytes);
        problems.append(reader.takeProblems());
        while (reader.hasFrame()) {
            const StreamFrame f = reader.takeFrame();
            table.feed(f, problems);
            QByteArrayView owners;
            const bool full = OwnerSection::find(f.text, &owners) == OwnerSection::Kind::Full;
            frames.push_back(
                { table.lastWasDelta(), f.text.size(), full ? owners.size() : 0, f.text.count("\n@sysctl ") });
        }
    }

    // /proc/net/tcp and tcp6 now, and their size (what a version 1 frame carries).
    static std::vector<SocketEntry> readProc(qsizetype *textBytes = nullptr)
    {
        ProcParseResult r;
        qsizetype n = 0;
        for (const auto &[path, family] : { std::pair { "/proc/net/tcp", AddressFamily::IPv4 },
                 std::pair { "/proc/net/tcp6", AddressFamily::IPv6 } }) {
            QFile f { QString::fromLatin1(path) };
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = f.readAll();
            n += text.size();
            ProcNetTcpParser::parseInto(r, text, family, QString::fromLatin1(path), {});
        }
        if (textBytes)
            *textBytes = n;
        return r.sockets;
    }

    // The first difference between two tables (as the reader shows them and as /proc does), keyed
    // by addresses and inode; empty when they agree. Timers may differ by toleranceMs.
    static QString mismatch(
        const std::vector<SocketEntry> &shown, const std::vector<SocketEntry> &proc, int toleranceMs)
    {
        const auto key = [](const SocketEntry &e) -> QString {
            return e.localText() + QLatin1Char(' ') + e.remoteText() + QLatin1Char(' ') + QString::number(e.inode);
        };
        QMap<QString, SocketEntry> want;
        for (const SocketEntry &e : proc)
            want.insert(key(e), e);
        if (want.size() != qsizetype(shown.size()))
            return QStringLiteral("%1 rows shown, %2 in /proc").arg(shown.size()).arg(want.size());
        for (const SocketEntry &e : shown) {
            const auto it = want.constFind(key(e));
            if (it == want.cend())
                return QStringLiteral("%1 shown, not in /proc").arg(key(e));
            const SocketEntry &w = it.value();
            if (e.state != w.state || e.txQueue != w.txQueue || e.rxQueue != w.rxQueue || e.uid != w.uid
                || e.retransmits != w.retransmits || e.timer != w.timer || e.probes != w.probes || e.kind != w.kind)
                return QStringLiteral("%1 differs from /proc").arg(key(e));
            if (qAbs(qint64(e.timerMs) - qint64(w.timerMs)) > toleranceMs)
                return QStringLiteral("%1: timer %2 ms shown, %3 ms in /proc")
                    .arg(key(e))
                    .arg(e.timerMs)
                    .arg(w.timerMs);
        }
        return {};
    }
};
