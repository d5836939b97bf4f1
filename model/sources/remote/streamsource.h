#pragma once

#include "parse/procnettcpparser.h"
#include "sources/remote/linkmeter.h"
#include "sources/remote/streamchannel.h"
#include "sources/snapshotsource.h"
#include "stream/streamframereader.h"
#include "stream/streamowners.h"
#include "stream/streamtable.h"

#include <QElapsedTimer>

#include <memory>
#include <optional>
#include <vector>

class Recorder;

// Snapshots from a stream of frames (SSH, stdin, agent). poll() waits a bounded time for the
// next frame; a dropped channel is reopened with backoff (1, 2, 4 ... 30 s) and the first
// snapshot after the loss carries gapBefore so the history shows the hole.
class StreamSource : public SnapshotSource
{
public:
    struct Options
    {
        // Silence limits: no frame for this long and the connection is dropped and reopened.
        int firstFrameTimeoutMs = 20000; // ssh connect + auth + first frame
        int frameTimeoutMs = 5000;
        // Longest one poll() blocks (0: up to the silence limit, for --snapshot). The GUI uses a
        // short wait so closing the window never waits for a slow server.
        int maxPollWaitMs = 0;
        bool latestOnly = true; // live: skip to the newest frame; false: every frame in order
        qsizetype maxFrameBytes = StreamFrame::DefaultMaxBytes;
        int maxBackoffMs = 30000;
        // Live streams: stamp snapshots with this machine's clock, so a server whose clock is off
        // still lines up with "now" on the chart (the frame's @time stays in recordings).
        bool useArrivalTime = true;
    };

    StreamSource(std::unique_ptr<StreamChannel> channel, Options options);
    ~StreamSource() override;

    Snapshot poll() override;
    QString description() const override;
    bool recordsItself() const override { return true; }
    // Every frame received is appended here. Set before the poller starts; to start or stop
    // recording later, keep a pointer and call Recorder::start()/stop() (thread-safe).
    void setRecorder(std::shared_ptr<Recorder> recorder);
    qint64 framesReceived() const { return m_framesReceived; }

private:
    Snapshot failure(const QString &message, const ProblemList &more = {}, bool connecting = false);
    Snapshot connecting();
    // A failure to show while no frame is there (after waiting for one), or nothing: a frame is.
    std::optional<Snapshot> waitForFrame();
    void lost(const QString &reason);
    bool ensureOpen(QString *message);
    bool readFrames(int timeoutMs);
    void record(const StreamFrame &frame);

    std::unique_ptr<StreamChannel> m_channel;
    std::shared_ptr<Recorder> m_recorder;
    Options m_options;
    StreamFrameReader m_reader;
    StreamOwners m_owners; // the "@owners" tables of this session's frames
    StreamTable m_table; // the sockets this session's frames describe (version 2 sends deltas)
    qint64 m_recordedSinceKey = -1; // frames recorded since the last keyframe; -1: none yet
    LinkMeter m_link; // throughput and whether the link keeps up, for the status bar
    std::vector<char> m_buffer;
    QElapsedTimer m_sinceLoss;
    int m_backoffMs = 0;
    int m_attempt = 0;
    bool m_everOpened = false;
    bool m_frameThisSession = false;
    QElapsedTimer m_sinceData; // since the channel opened or the last frame
    qint64 m_losses = 0; // times the channel ended
    qint64 m_lossesShown = 0; // losses already marked on a snapshot as gapBefore
    bool m_ended = false; // stdin reached EOF: nothing more will come
    qint64 m_framesReceived = 0;
    QString m_lastLoss;
};
