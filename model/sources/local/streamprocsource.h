#pragma once

#include "sources/local/ownedframes.h"
#include "sources/snapshotsource.h"

#include <memory>

class Recorder;

// This host's /proc read through the stream format: capture a frame with its owners (OwnedFrames),
// record it, decode it. What `--record` uses for the local host, and what tcpscope-agent sends, so a
// local recording replays exactly like a remote one. The owner scan is the frame's own, on the poll
// thread: it reads /proc/PID/fd only for inodes it does not know yet.
class StreamProcSource : public SnapshotSource
{
public:
    explicit StreamProcSource(QString procRoot, std::shared_ptr<Recorder> recorder);
    ~StreamProcSource() override;

    // One stream frame of the /proc tree at procRoot: raw tcp and tcp6 and the sysctls of
    // Tunables::linuxNames() (docs/stream-format.md). What tcpscope-agent sends.
    static QByteArray captureFrame(const QString &procRoot, qint64 timeMs);

    Snapshot poll() override;
    QString description() const override;

private:
    QString m_root;
    std::shared_ptr<Recorder> m_recorder;
    qint64 m_number = 0;
    OwnedFrames m_frames;
};
