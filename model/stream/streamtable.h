#pragma once

#include "core/snapshot.h"
#include "parse/procnettcpparser.h"
#include "stream/streamframe.h"
#include "stream/streamframedecoder.h"
#include "stream/streamrowkey.h"

#include <QByteArray>
#include <QHash>

#include <memory>

// The reader's side of a stream (docs/stream-format.md): the table of sockets as the frames fed so
// far describe it. A version 1 frame or a version 2 keyframe replaces it; a delta changes the rows it
// names. Timers of rows sent earlier are counted down by the frames' @time. Feed every frame in
// stream order, also those a live source skips to show the newest; owners are read by StreamOwners.
class StreamTable
{
public:
    explicit StreamTable(ProcNetTcpParser::Options options = {});

    // Applies one frame; bad rows, a delta after a lost frame or before any keyframe become problems
    // naming the frame. False when the frame could not be applied: nothing to show until a keyframe.
    bool feed(const StreamFrame &frame, ProblemList &problems);
    // The snapshot the frame fed last describes: its header, every socket, the sysctls kept. A frame
    // that could not be read at all (a Linux frame without @tcp) gives its failure status.
    SnapshotData data() const;
    // The kernel's state changes of the frames fed since the last call (@events), or nullptr when
    // none of them had an @events section (the producer has no event feed).
    std::shared_ptr<const StateEvents> takeEvents();
    // A version 2 keyframe of the current state, with the @seq and events of the frame fed last:
    // a recording writes it in place of a delta so that replay can seek there. `owners` is appended.
    QByteArray keyframe(QByteArrayView owners = {}) const;
    bool synced() const { return m_synced; }
    bool lastWasDelta() const { return m_lastWasDelta; }
    qint64 deltas() const { return m_deltas; }
    qint64 keyframes() const { return m_keyframes; }
    void reset();

private:
    struct Row
    {
        SocketEntry entry;
        qint64 sentMs; // @time of the frame that sent the row: its timer counts down from there
    };
    void key(const StreamFrameDecoder::Sections &s, const StreamFrame &frame, ProblemList &problems);
    bool delta(const StreamFrameDecoder::Sections &s, const StreamFrame &frame, ProblemList &problems);
    void cookies(QByteArrayView content, const QString &where, ProblemList &problems);
    void events(const StreamFrameDecoder::Sections &s, const QString &where, ProblemList &problems);

    ProcNetTcpParser::Options m_options;
    QHash<StreamRowKey, Row> m_rows;
    SnapshotData m_header; // the last frame's header and status, the sysctls kept; BSD: its sockets
    std::shared_ptr<StateEvents> m_events; // since takeEvents()
    std::shared_ptr<const StateEvents> m_frameEvents; // the last frame's, for keyframe()
    qint64 m_seq = 0;
    bool m_synced = false;
    bool m_lastWasDelta = false;
    bool m_waitingReported = false;
    qint64 m_deltas = 0;
    qint64 m_keyframes = 0;
};
