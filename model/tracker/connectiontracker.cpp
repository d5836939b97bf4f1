#include "tracker/connectiontracker.h"

#include "core/tcpstatemachine.h"

#include <algorithm>

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

qint32 ConnectionTracker::slotOf(const SocketKey &key, quint64 hash) const
{
    return m_index.find(hash, [&](qint32 slot) { return SocketKey::of(m_slots[size_t(slot)].entry) == key; });
}

size_t ConnectionTracker::memoryBytes() const
{
    return m_slots.capacity() * sizeof(TrackedSocket) + m_free.capacity() * sizeof(qint32) + m_index.memoryBytes()
        + m_byId.memoryBytes();
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
    // A handful of entries: a sorted vector beats a node-based set.
    auto portKey
        = [](const SocketEntry &e) { return quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u); };
    std::vector<quint32> listening;
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.state == TcpState::Listen)
            listening.push_back(portKey(e));
    }
    std::sort(listening.begin(), listening.end());
    // Grow the slot array once per poll, not by doubling: unused capacity is per-socket memory.
    const size_t n = snapshot.sockets().size();
    if (m_slots.capacity() < n)
        m_slots.reserve(n + n / 16);
    m_index.reserve(snapshot.sockets().size());
    m_byId.reserve(snapshot.sockets().size());

    for (const SocketEntry &e : snapshot.sockets()) {
        const quint64 hash = SocketKey::hashOf(e);
        const qint32 found
            = m_index.find(hash, [&](qint32 slot) { return SocketKey::sameIdentity(m_slots[size_t(slot)].entry, e); });
        if (found == FlatIndex::NotFound) {
            const qint32 slot = allocate();
            TrackedSocket &t = m_slots[size_t(slot)];
            t = TrackedSocket { e, m_nextId++, now, now, gen };
            m_index.insert(hash, slot);
            m_byId.insert(idHash(t.id), slot);
            const bool accepted
                = e.state != TcpState::Listen && std::binary_search(listening.begin(), listening.end(), portKey(e));
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
        TrackedSocket &t = m_slots[size_t(found)];
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
        m_index.erase(SocketKey::hashOf(t.entry), [i](qint32 slot) { return slot == i; });
        m_byId.erase(idHash(t.id), [i](qint32 slot) { return slot == i; });
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
    const qint32 slot = m_byId.find(idHash(id), [&](qint32 s) { return m_slots[size_t(s)].id == id; });
    return slot == FlatIndex::NotFound ? nullptr : &m_slots[size_t(slot)];
}

const TrackedSocket *ConnectionTracker::find(const SocketKey &key) const
{
    const qint32 slot = slotOf(key, SocketKey::Hash {}(key));
    return slot == FlatIndex::NotFound ? nullptr : &m_slots[size_t(slot)];
}
