#pragma once

#include "core/snapshot.h"
#include "parse/procnettcpparser.h"
#include "stream/streamframe.h"

#include <QByteArray>
#include <QHash>

// The reader's side of a stream (docs/stream-format.md): the table of sockets as the frames fed so
// far describe it. A version 1 frame or a version 2 keyframe replaces it; a delta changes the rows it
// names. Timers of rows sent earlier are counted down by the frames' @time. Feed every frame in
// stream order, also those a live source skips to show the newest; owners are read by StreamOwners.
class StreamTable
{
public:
    explicit StreamTable(ProcNetTcpParser::Options options = {});

    // Applies one frame. Bad rows, a delta after a lost frame or before any keyframe: problems
    // naming the frame. Returns false when the frame could not be applied (nothing to show yet).
    bool feed(const StreamFrame &frame, ProblemList &problems);
    // The snapshot the frame fed last describes: its header, every socket, the sysctls kept.
    SnapshotData data() const;
    // A version 2 keyframe of the current state with the given @seq (recordings insert one at least
    // every StreamFrame::RecordingKeyEvery frames); `owners` is appended as it is (an "@owners" section).
    QByteArray keyframe(QByteArrayView owners = {}) const;
    bool synced() const { return m_synced; }
    // Frames fed so far that were deltas / keyframes (v1 frames count as keyframes).
    qint64 deltas() const { return m_deltas; }
    qint64 keyframes() const { return m_keyframes; }
    bool lastWasDelta() const { return m_lastWasDelta; }
    void reset();

private:
    struct Row
    {
        SocketEntry entry;
        qint64 sentMs; // @time of the frame that sent the row: its timer counts down from there
    };
    // ...
    ProcNetTcpParser::Options m_options;
    QHash<QByteArray, Row> m_rows; // by ProcLineFormatter::key
    SnapshotData m_header; // host, os, kernel, time, tunables and problems of the last frame
    qint64 m_seq = 0;
    bool m_synced = false;
    bool m_lastWasDelta = false;
    qint64 m_deltas = 0;
    qint64 m_keyframes = 0;
};
