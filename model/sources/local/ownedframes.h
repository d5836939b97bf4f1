#pragma once

#include "sources/local/ownerscanner.h"
#include "stream/ownerencoder.h"

#include <QByteArray>
#include <QString>

// Frames of this host's /proc as StreamProcSource::captureFrame writes it, plus the
// "@owners" section (docs/stream-format.md). The scan is one-shot and synchronous, and reads /proc/PID/fd
// only when the frame has inodes the last scan did not know (OwnerScanner); a full table goes out only
// when inodes are new or every OwnerSection::FullEvery frames (OwnerEncoder), else "unchanged".
class OwnedFrames
{
public:
    explicit OwnedFrames(QString procRoot);

    QByteArray next(qint64 timeMs);
    // The owners of a snapshot decoded from the last frame, from the same scan (lookups only).
    SocketOwners owners(const Snapshot &snapshot) const { return m_scanner.attach(snapshot); }
    // The next frame carries a full table: a client joined that has none.
    void restart() { m_encoder.restart(); }

private:
    QString m_root;
    OwnerScanner m_scanner;
    OwnerEncoder m_encoder;
    quint32 m_euid;
};
