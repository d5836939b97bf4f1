#include "pipeline/pollworker.h"

#include "pipeline/eventdrainer.h"
#include "pipeline/ownerworker.h"
#include "stream/snapshotrecorder.h"

PollWorker::PollWorker(std::unique_ptr<SnapshotSource> source, OwnerWorker *owners, EventDrainer *events,
    std::shared_ptr<Recorder> recorder)
    : m_source(std::move(source))
    , m_owners(owners)
    , m_events(events)
{
    if (recorder && !m_source->recordsItself())
        m_recorder = std::make_unique<SnapshotRecorder>(std::move(recorder));
}

PollWorker::~PollWorker() = default;

void PollWorker::readCounters()
{
    Counters c;
    if (m_source->readCounters(c))
        Q_EMIT countersRead(c);
}

void PollWorker::poll()
{
    Snapshot s = m_source->poll();
    // The kernel's changes up to now: drained after the dump, so each socket's chain reaches the state
    // the dump saw (later ones wait in the tracker for the next poll).
    if (m_events && m_events->isRunning())
        s = s.withStateEvents(m_events->take());
    // The owners the last scan found go with the snapshot; the scan for this one runs after it was
    // handed on, on the owner thread, so it never delays this poll or the next.
    if (m_owners)
        s = m_owners->attach(s);
    if (m_recorder) // what the window shows: sockets, owners and state changes
        m_recorder->record(s, m_owners ? std::optional(m_owners->scannerUid()) : std::nullopt);
    Q_EMIT polled(s);
    if (m_owners)
        m_owners->request(s);
}
