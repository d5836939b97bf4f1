#pragma once

#include "core/snapshot.h"
#include "stream/streamframe.h"
#include "stream/streamrowkey.h"

#include <QByteArray>
#include <QHash>
#include <QMap>

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
    bool nextIsKey() const { return m_sinceKey < 0 || m_sinceKey + 1 >= m_keyEvery; }
    qint64 seq() const { return m_seq; }
    // A keyframe of `snapshot` alone, with the given @seq: what a reader's table holds (StreamTable).
    static QByteArray keyframe(const Snapshot &snapshot, qint64 seq, QByteArrayView owners = {});

private:
    // What a reader holds of a row: the fields a delta compares (docs/stream-format.md).
    struct Sent
    {
        quint32 txQueue, rxQueue, timerMs, retransmits, uid, probes;
        quint64 cookie;
        quint64 generation;
        TcpState state;
        TimerKind timer;
    };
    static Sent sent(const SocketEntry &e, quint64 generation);
    static bool changed(const Sent &was, const SocketEntry &e);
    void sysctls(class StreamFrameWriter &w, const Snapshot &snapshot, bool key);

    int m_keyEvery;
    int m_sinceKey = -1; // frames since the last keyframe; -1: none yet
    qint64 m_seq = 0;
    quint64 m_generation = 0;
    QHash<StreamRowKey, Sent> m_sent;
    QMap<QString, QString> m_sysctls;
};
