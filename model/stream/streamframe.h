#pragma once

#include <QByteArray>

// One frame of the tcpscope stream format (docs/stream-format.md), as the producer wrote it:
// from "@tcpscope 1" to "@end", both lines included. Kept raw so recordings are byte-exact.
struct StreamFrame
{
    static constexpr int FormatVersion = 1;
    static constexpr qsizetype DefaultMaxBytes = qsizetype(64) << 20; // ~400k sockets of /proc text
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    qint64 number = 0; // 1-based position in the stream, counting every header seen
    QByteArray text;
};
