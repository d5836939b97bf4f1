#pragma once

#include "core/snapshot.h"
#include "stream/streamframe.h"

#include <QByteArray>
#include <QHash>

// The producer's side of version 2 (docs/stream-format.md) for sources that read sock_diag: the agent
// and this host's recordings. Keeps what it sent last and writes a keyframe first, at least every
// keyEvery frames and after restart(), and deltas in between: the rows that are new, changed or gone,
// their cookies, the sysctls that changed and the kernel's state changes of the snapshot (@events).
class StreamDeltaWriter
{
public:
    explicit StreamDeltaWriter(int keyEvery = StreamFrame::KeyEvery);

    // The frame for `snapshot`; `owners` is appended as it is (an "@owners" section, or empty).
    QByteArray frame(const Snapshot &snapshot, QByteArrayView owners = {});
    // The next frame is a keyframe (a client joined, a recording needs one).
    void restart() { m_sinceKey = -1; }
    bool lastWasKey() const { return m_sinceKey == 0; }

private:
    struct Sent; // ...
    int m_keyEvery;
    int m_sinceKey = -1; // frames since the last keyframe; -1: none yet
    qint64 m_seq = 0;
};
