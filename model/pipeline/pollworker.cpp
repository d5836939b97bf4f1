#include "pipeline/pollworker.h"

#include "pipeline/eventdrainer.h"
#include "pipeline/ownerworker.h"

PollWorker::PollWorker(std::unique_ptr<SnapshotSource> source, OwnerWorker *owners, EventDrainer *events)
    : m_source(std::move(source))
    , m_owners(owners)
    , m_events(events)
{ }

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
    if (!m_owners) {
        Q_EMIT polled(s);
        return;
    }
    // The owners the last scan found go with the snapshot; the scan for this one runs after it was
    // handed on, on the owner thread, so it never delays this poll or the next.
    s = m_owners->attach(s);
    Q_EMIT polled(s);
    m_owners->request(s);
}
