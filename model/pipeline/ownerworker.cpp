#include "pipeline/ownerworker.h"

OwnerWorker::OwnerWorker(std::shared_ptr<OwnerLookup> lookup)
    : m_lookup(std::move(lookup))
{ }

Snapshot OwnerWorker::attach(const Snapshot &snapshot) const
{
    if (!snapshot.isValid())
        return snapshot;
    return snapshot.withOwners(m_lookup->attach(snapshot));
}

void OwnerWorker::request(const Snapshot &snapshot)
{
    if (!snapshot.isValid() || m_busy.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this, [this, snapshot] { scan(snapshot); }, Qt::QueuedConnection);
}

void OwnerWorker::scan(const Snapshot &snapshot)
{
    m_lookup->scan(snapshot);
    m_busy.store(false);
}
