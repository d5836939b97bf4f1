#include "pipeline/pollworker.h"

#include "pipeline/ownerworker.h"

PollWorker::PollWorker(std::unique_ptr<SnapshotSource> source, OwnerWorker *owners)
    : m_source(std::move(source))
    , m_owners(owners)
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
    if (!m_owners) {
        Q_EMIT polled(m_source->poll());
        return;
    }
    // The owners the last scan found go with the snapshot; the scan for this one runs after it was
    // handed on, on the owner thread, so it never delays this poll or the next.
    const Snapshot s = m_owners->attach(m_source->poll());
    Q_EMIT polled(s);
    m_owners->request(s);
}
