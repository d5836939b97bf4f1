#pragma once

#include "sources/snapshotsource.h"

#include <memory>

class Recorder;

// This host's /proc read through the stream format: capture a frame, record it, decode it.
// What `--record` uses for the local host, and what tcpscope-agent sends, so a local recording
// replays exactly like a remote one.
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
};
