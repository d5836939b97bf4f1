#include "pipeline/pollworker.h"

PollWorker::PollWorker(std::unique_ptr<SnapshotSource> source)
    : m_source(std::move(source))
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
    Q_EMIT polled(m_source->poll());
}
