#include "history/statehistory.h"

#include <algorithm>

quint32 StateHistory::Sample::count(TcpState s) const
{
    const int i = TcpStates::index(s) - 1;
    return i >= 0 && i < int(counts.size()) ? counts[size_t(i)] : 0;
}

StateHistory::StateHistory(qsizetype capacity)
    : m_ring(size_t(qMax<qsizetype>(capacity, 1)))
{ }

double StateHistory::rate(qsizetype i, Flow f) const
{
    if (i <= 0 || i >= m_size || at(i).gapBefore)
        return 0;
    const qint64 dt = at(i).timeMs - at(i - 1).timeMs;
    return dt > 0 ? at(i).flow(f) * 1000.0 / double(dt) : 0;
}

void StateHistory::append(const Snapshot &snapshot, const std::array<quint32, size_t(Flow::Count)> &flows)
{
    if (!snapshot.isValid()) {
        m_pendingGap = true;
        return;
    }
    Sample s;
    s.timeMs = snapshot.timeMs();
    s.flows = flows;
    const Snapshot::Counts c = snapshot.totalCounts();
    for (size_t i = 0; i < s.counts.size(); ++i)
        s.counts[i] = quint32(c[i + 1]);
    // NEW_SYN_RECV request sockets are SYN_RECV on the diagram.
    s.counts[TcpStates::index(TcpState::SynRecv) - 1] += quint32(c[TcpStates::index(TcpState::NewSynRecv)]);

    const Tunables &t = snapshot.tunables();
    if (m_haveTunables && !(t == m_lastTunables)) {
        QStringList names = t.names() + m_lastTunables.names();
        names.removeDuplicates();
        for (const QString &n : std::as_const(names)) {
            if (t.has(n) != m_lastTunables.has(n) || t.value(n) != m_lastTunables.value(n)) {
                if (qsizetype(m_changes.size()) >= MaxTunableChanges)
                    m_changes.erase(m_changes.begin());
                m_changes.push_back({ s.timeMs, n, m_lastTunables.value(n), t.value(n) });
            }
        }
    }
    m_lastTunables = t;
    m_haveTunables = true;
    append(s);
}

void StateHistory::append(const Sample &sample)
{
    Sample s = sample;
    s.gapBefore = s.gapBefore || m_pendingGap;
    m_pendingGap = false;
    const qsizetype cap = capacity();
    if (m_size < cap) {
        m_ring[size_t((m_head + m_size) % cap)] = s;
        ++m_size;
    } else {
        m_ring[size_t(m_head)] = s;
        m_head = (m_head + 1) % cap;
    }
}

void StateHistory::clear()
{
    m_head = 0;
    m_size = 0;
    m_pendingGap = false;
    m_haveTunables = false;
    m_changes.clear();
}

const StateHistory::Sample &StateHistory::at(qsizetype i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    return m_ring[size_t((m_head + i) % capacity())];
}

qsizetype StateHistory::lowerBound(qint64 timeMs) const
{
    qsizetype lo = 0, hi = m_size;
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (at(mid).timeMs < timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

qsizetype StateHistory::memoryBytes() const
{
    return qsizetype(m_ring.capacity()) * qsizetype(sizeof(Sample))
        + qsizetype(m_changes.capacity()) * qsizetype(sizeof(TunableChange));
}
