#pragma once

#include "core/snapshot.h"
#include "sources/local/ownerscanner.h"
#include "stream/ownerencoder.h"
#include "stream/streamdeltawriter.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

class EventDrainer;
class SnapshotSource;

// The agent's one writer, shared by --stdout and every --listen client: one capture per tick (netlink
// sock_diag, or /proc text with --proc-root), owners attached (OwnerScanner, as ss -p), and one frame
// of stream format 2 (StreamDeltaWriter: a keyframe, then deltas) that every output in step is sent.
// An output that joins or missed a frame must not get a delta (docs/stream-format.md, "@seq"): it gets
// keyframe(), the same state as the shared frame with the same @seq and a full owner table, so the
// shared deltas that follow apply to it. It is built at most once per tick however many need it, and
// only for them: a client joining never costs the others a keyframe (all clients restarting would
// send every client a keyframe whenever one joined or fell behind).
class AgentStream
{
public:
    // What reads the sockets: `procRoot` as text when given, else netlink with a /proc fallback;
    // `why` says which and, after a fallback, the reason (for stderr).
    static std::unique_ptr<SnapshotSource> openSource(const QString &procRoot, bool procRootGiven, QString *why);

    AgentStream(std::unique_ptr<SnapshotSource> source, const QString &procRoot);
    ~AgentStream();

    // Runs the source's eBPF state-change feed (NetlinkSource: sock:inet_sock_set_state), so frames
    // carry "@events"; false when the source has none. `started` gets the outcome, on another thread.
    bool startStateEvents(std::function<void(const Status &)> started);
    // No output is watching: drops the changes gathered, so an idle --listen holds no memory for them.
    void idle();

    // Called with every capture (the last snapshot, owners attached): --metrics keeps its exposition.
    void onCapture(std::function<void(const Snapshot &)> f) { m_onCapture = std::move(f); }
    // Captures once and returns the frame for outputs in step; empty when the capture failed.
    const QByteArray &next();
    // The last capture as a keyframe with the last frame's @seq and a full "@owners" table.
    const QByteArray &keyframe();
    const Snapshot &last() const { return m_last; }
    // Whether the frame next() returned last was a keyframe (an output out of step may take it).
    bool lastWasKey() const { return m_writer.lastWasKey(); }

private:
    Snapshot capture();
    Snapshot withOwners(const Snapshot &polled, bool full);

    std::unique_ptr<SnapshotSource> m_source;
    std::unique_ptr<EventDrainer> m_events;
    OwnerScanner m_scanner;
    OwnerEncoder m_encoder;
    StreamDeltaWriter m_writer;
    Snapshot m_last;
    QByteArray m_frame;
    QByteArray m_keyframe; // of m_frame; empty until asked for
    quint32 m_euid;
    std::function<void(const Snapshot &)> m_onCapture;
};
