#include "connectiontracker.h"

#include "tcpstatemachine.h"

#include <unordered_set>

namespace {
// A state every poll would have seen (TIME-WAIT lasts 60 s): not a plausible unseen hop on the way out.
constexpr TcpState visibleStates[] = { TcpState::TimeWait };
} // namespace

qint32 ConnectionTracker::allocate()
{
    if (!m_free.empty()) {
        const qint32 i = m_free.back();
        m_free.pop_back();
        return i;
    }
    m_slots.emplace_back();
    return qint32(m_slots.size() - 1);
}

std::vector<TrackerEvent> ConnectionTracker::update(const Snapshot &snapshot)
{
    std::vector<TrackerEvent> events;
    if (!snapshot.isValid())
        return events;
    const qint64 now = snapshot.timeMs();
    const quint64 gen = ++m_generation;
    m_lastMs = now;

    // Local ports with a listener: a new connection on one of them was accepted, not connected.
    std::unordered_set<quint32> listening;
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.state == TcpState::Listen)
            listening.insert(quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u));
    }
    m_index.reserve(snapshot.sockets().size());

    for (const SocketEntry &e : snapshot.sockets()) {
        const SocketKey key = SocketKey::of(e);
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            const qint32 slot = allocate();
            TrackedSocket &t = m_slots[size_t(slot)];
            t = TrackedSocket { e, m_nextId++, now, now, gen };
            m_index.emplace(key, slot);
            m_byId.emplace(t.id, slot);
            const bool accepted = e.state != TcpState::Listen
                && listening.count(quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u));
            TrackerEvent ev;
            ev.kind = TrackerEvent::Kind::Appeared;
            ev.id = t.id;
            ev.from = accepted ? TcpState::Listen : TcpState::Close;
            ev.to = TcpStateMachine::diagramState(e.state);
            ev.path = TcpStateMachine::inferPath(ev.from, ev.to);
            ev.inferred = ev.path.size() > 2;
            events.push_back(std::move(ev));
            continue;
        }
        TrackedSocket &t = m_slots[size_t(it->second)];
        t.generation = gen;
        const TcpState before = TcpStateMachine::diagramState(t.entry.state);
        const TcpState after = TcpStateMachine::diagramState(e.state);
        t.entry = e;
        if (before == after)
            continue;
        t.stateSinceMs = now;
        TrackerEvent ev;
        ev.kind = TrackerEvent::Kind::Changed;
        ev.id = t.id;
        ev.from = before;
        ev.to = after;
        ev.path = TcpStateMachine::inferPath(before, after);
        ev.inferred = ev.path.size() > 2;
        events.push_back(std::move(ev));
    }

    for (qint32 i = 0; i < qint32(m_slots.size()); ++i) {
        TrackedSocket &t = m_slots[size_t(i)];
        if (t.id == 0 || t.generation == gen)
            continue;
        TrackerEvent ev;
        ev.kind = TrackerEvent::Kind::Vanished;
        ev.id = t.id;
        ev.from = TcpStateMachine::diagramState(t.entry.state);
        ev.to = TcpState::Close;
        ev.path = TcpStateMachine::inferPath(ev.from, ev.to, visibleStates);
        ev.inferred = ev.path.size() > 2;
        events.push_back(std::move(ev));
        m_index.erase(SocketKey::of(t.entry));
        m_byId.erase(t.id);
        t = TrackedSocket {};
        m_free.push_back(i);
    }
    return events;
}

void ConnectionTracker::clear()
{
    m_slots.clear();
    m_free.clear();
    m_index.clear();
    m_byId.clear();
    m_lastMs = 0;
}

const TrackedSocket *ConnectionTracker::find(quint64 id) const
{
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_slots[size_t(it->second)];
}

const TrackedSocket *ConnectionTracker::find(const SocketKey &key) const
{
    const auto it = m_index.find(key);
    return it == m_index.end() ? nullptr : &m_slots[size_t(it->second)];
}
