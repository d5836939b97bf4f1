#pragma once

#include <QByteArray>

// One frame of the tcpscope stream format (docs/stream-format.md), as the producer wrote it:
// from "@tcpscope N" to "@end", both lines included. Kept raw so recordings keep what was sent.
struct StreamFrame
{
    static constexpr int FormatVersion = 2; // what this tcpscope writes
    static constexpr int OldestVersion = 1; // what it still reads
    static constexpr int KeyEvery = 300; // frames: a live stream's keyframe at least this often
    static constexpr int RecordingKeyEvery = 60; // frames: a recording's, so replay seeks fast
    static constexpr qsizetype DefaultMaxBytes = qsizetype(64) << 20; // ~400k sockets of /proc text
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    qint64 number = 0; // 1-based position in the stream, counting every header seen
    QByteArray text;
};
