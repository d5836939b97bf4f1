#pragma once

#include "core/snapshot.h"
#include "stream/ownerencoder.h"
#include "stream/streamdeltawriter.h"

#include <memory>
#include <optional>

class Recorder;

// Records snapshots of this host as the pipeline has them: the sockets (sock_diag or /proc), their
// owners and the kernel's state changes (@events), written as version 2 frames (StreamDeltaWriter)
// with a keyframe first and at least every StreamFrame::RecordingKeyEvery frames, so that replay can
// seek. Stream sources record the frames they receive instead (StreamSource::setRecorder).
class SnapshotRecorder
{
public:
    explicit SnapshotRecorder(std::shared_ptr<Recorder> recorder);

    // Appends the snapshot's frame while the recorder records; a new recording starts with a keyframe
    // and a full owner table. scannerUid: the uid the owner scan ran as (nullopt: no owners).
    void record(const Snapshot &snapshot, std::optional<quint32> scannerUid);

private:
    std::shared_ptr<Recorder> m_recorder;
    StreamDeltaWriter m_writer { StreamFrame::RecordingKeyEvery };
    OwnerEncoder m_owners;
};
