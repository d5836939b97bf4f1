#pragma once

#include "core/snapshot.h"
#include "sources/snapshotsource.h"

#include <QObject>

#include <memory>

// Lives on the poller's thread and owns the source, so a blocking read never touches the GUI thread.
class EventDrainer;
class OwnerWorker;
class Recorder;
class SnapshotRecorder;

class PollWorker : public QObject
{
    Q_OBJECT
public:
    // owners: where the source's owner scans run (nullptr when it has none); not owned.
    // events: the kernel's state changes to attach to each poll (nullptr when none); not owned.
    // recorder: where snapshots are recorded when the source does not record itself (may be nullptr).
    explicit PollWorker(std::unique_ptr<SnapshotSource> source, OwnerWorker *owners = nullptr,
        EventDrainer *events = nullptr, std::shared_ptr<Recorder> recorder = nullptr);
    ~PollWorker() override;

public Q_SLOTS:
    void poll();
    void readCounters();

Q_SIGNALS:
    void polled(const Snapshot &snapshot);
    void countersRead(const Counters &counters);

private:
    std::unique_ptr<SnapshotSource> m_source;
    OwnerWorker *m_owners;
    EventDrainer *m_events;
    std::unique_ptr<SnapshotRecorder> m_recorder;
};
