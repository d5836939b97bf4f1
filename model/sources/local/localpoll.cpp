#include "sources/local/localpoll.h"

#include "sources/local/countersreader.h"
#include "sources/local/threadcputime.h"
#include "sources/local/tunablesreader.h"

#include <QDateTime>

LocalPoll::LocalPoll(const QString &procRoot, const QString &source)
    : m_root(procRoot)
    , m_cpuStartUs(threadCpuTimeUs())
{
    m_clock.start();
    m_data.timeMs = QDateTime::currentMSecsSinceEpoch();
    m_data.source = source;
    m_data.host = TunablesReader::readHostName(procRoot);
    m_data.kernel = TunablesReader::readKernelRelease(procRoot);
}

Snapshot LocalPoll::finish(qint64 helperCpuUs)
{
    m_data.tunables = TunablesReader::read(m_root, &m_data.problems);
    // A few KB: the advisor compares them between polls (accept-queue overflows). A tree without
    // them (a fixture, a container) is not a problem worth reporting.
    m_data.counters = CountersReader(m_root).read();
    m_data.pollDurationUs = m_clock.nsecsElapsed() / 1000;
    m_data.pollCpuUs = threadCpuTimeUs() - m_cpuStartUs + helperCpuUs;
    return Snapshot(std::move(m_data));
}
