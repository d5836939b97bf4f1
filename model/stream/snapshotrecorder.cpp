#include "stream/snapshotrecorder.h"

#include "stream/recorder.h"

SnapshotRecorder::SnapshotRecorder(std::shared_ptr<Recorder> recorder)
    : m_recorder(std::move(recorder))
{ }

void SnapshotRecorder::record(const Snapshot &snapshot, std::optional<quint32> scannerUid)
{
    if (!m_recorder || !snapshot.isValid())
        return;
    if (!m_recorder->isRecording() || m_recorder->framesWritten() == 0) {
        m_writer.restart(); // a reader of the new file has seen nothing yet
        m_owners.restart();
        if (!m_recorder->isRecording())
            return;
    }
    if (m_writer.nextIsKey())
        m_owners.restart(); // a keyframe carries the whole owner table, so replay can start there
    const QByteArray owners = snapshot.owners() && scannerUid ? m_owners.section(snapshot, *scannerUid) : QByteArray();
    m_recorder->append(m_writer.frame(snapshot, owners));
}
