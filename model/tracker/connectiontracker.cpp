#include "tracker/connectiontracker.h"

#include "core/tcpstatemachine.h"

#include <algorithm>

namespace {
// A state every poll would have seen (TIME-WAIT lasts 60 s): not a plausible unseen hop on the way out.
constexpr TcpState visibleStates[] = { TcpState::TimeWait };

quint32 portKey(const SocketEntry &e)
{
    return quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u);
}

// Local ports with a listener: a new connection on one of them was accepted, not connected.
// A handful of entries: a sorted vector beats a node-based set.
std::vector<quint32> listeningPorts(const std::vector<SocketEntry> &sockets)
{
    std::vector<quint32> listening;
    for (const SocketEntry &e : sockets) {
        if (e.state == TcpState::Listen)
            listening.push_back(portKey(e));
    }
    std::sort(listening.begin(), listening.end());
    return listening;
}

TrackerEvent event(
    TrackerEvent::Kind kind, quint64 id, TcpState from, TcpState to, std::span<const TcpState> avoid = {})
{
    TrackerEvent ev;
    ev.kind = kind;
    ev.id = id;
    ev.from = from;
    ev.to = to;
    ev.path = TcpStateMachine::inferPath(from, to, avoid);
    ev.inferred = ev.path.size() > 2;
    return ev;
}

// from, the observed states, to, with inferred hops only where the kernel's changes leave a gap.
void joinPath(TrackerEvent &ev, std::vector<TcpState> observed)
{
    // A change drained after the poll that already showed its result starts before `from`: skip to it.
    // (Not for new sockets: their `from`, CLOSED, is also where a chain ends.)
    if (ev.kind == TrackerEvent::Kind::Changed || ev.kind == TrackerEvent::Kind::Vanished) {
        if (const auto at = std::find(observed.begin(), observed.end(), ev.from); at != observed.end())
            observed.erase(observed.begin(), at);
    }
    QList<TcpState> path = TcpStateMachine::inferPath(ev.from, observed.front());
    if (path.isEmpty())
        return; // no legal way from the polled state: keep the poll's own path
    quint32 mask = 0;
    for (size_t i = 1; i < observed.size(); ++i) {
        if (observed[i] == path.back())
            continue;
        if (path.size() <= 32)
            mask |= 1u << (path.size() - 1);
        path.append(observed[i]);
    }
    const QList<TcpState> tail = TcpStateMachine::inferPath(path.back(), ev.to);
    if (tail.isEmpty())
        return;
    path.append(tail.mid(1));
    ev.path = std::move(path);
    ev.observedHops = mask;
    const quint32 all = ev.hops() >= 32 ? ~0u : (1u << ev.hops()) - 1;
    ev.inferred = ev.hops() > 1 && (mask & all) != all;
}
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
    static const std::vector<TcpStateEvent> none;
    const StateEvents *kernel = snapshot.stateEvents();
    return update(snapshot, kernel ? kernel->changes : none);
}

std::vector<TrackerEvent> ConnectionTracker::update(const Snapshot &snapshot, const std::vector<TcpStateEvent> &kernel)
{
    std::vector<TrackerEvent> events;
    m_chains.add(kernel); // kept across a failed read: the next good poll joins them
    if (!snapshot.isValid())
        return events;
    const qint64 now = snapshot.timeMs();
    const quint64 gen = ++m_generation;
    m_lastMs = now;
    const std::vector<quint32> listening = listeningPorts(snapshot.sockets());
    reserveFor(snapshot.sockets().size());
    const SocketOwners *owners = snapshot.owners();
    for (size_t i = 0; i < snapshot.sockets().size(); ++i) {
        const SocketEntry &e = snapshot.sockets()[i];
        const ProcessOwnerPtr *owner = owners ? owners->at(i) : nullptr;
        const quint64 hash = SocketKey::hashOf(e);
        const qint32 found
            = m_index.find(hash, [&](qint32 slot) { return SocketKey::sameIdentity(m_slots[size_t(slot)].entry, e); });
        if (found == FlatIndex::NotFound) {
            const bool accepted
                = e.state != TcpState::Listen && std::binary_search(listening.begin(), listening.end(), portKey(e));
            events.push_back(appear(e, hash, accepted, now, gen));
            join(events.back(), e.cookie, e.state, true);
            if (owner)
                m_slots[size_t(m_lastAppeared)].owner = *owner;
            continue;
        }
        TrackedSocket &t = m_slots[size_t(found)];
        t.generation = gen;
        updateOwner(t, e, owner);
        const TcpState before = TcpStateMachine::diagramState(t.entry.state);
        const TcpState after = TcpStateMachine::diagramState(e.state);
        t.entry = e;
        TrackerEvent ev = event(TrackerEvent::Kind::Changed, t.id, before, after);
        join(ev, e.cookie, e.state, true);
        if (ev.hops() == 0)
            continue;
        t.stateSinceMs = now;
        t.since = TrackedSocket::Since::Observed;
        events.push_back(std::move(ev));
    }
    dropUnseen(gen, events);
    addTransients(events);
    return events;
}

void ConnectionTracker::join(TrackerEvent &ev, quint64 cookie, TcpState polled, bool listed)
{
    if (m_chains.pending() == 0)
        return;
    const EventChains::Joined j = m_chains.take(cookie, polled, listed);
    if (!j.states.empty())
        joinPath(ev, j.states);
}

void ConnectionTracker::addTransients(std::vector<TrackerEvent> &events)
{
    if (m_chains.pending() == 0)
        return;
    for (EventChains::Unclaimed &u : m_chains.finishPoll()) {
        TrackerEvent ev;
        ev.kind = TrackerEvent::Kind::Transient;
        ev.id = m_nextId++;
        // An accept(2)ed child starts as a copy of its listener: LISTEN -> SYN_RECV (inet_csk_clone_lock(),
        // net/ipv4/inet_connection_sock.c); kernels before 4.16 set SYN_RECV without the tracepoint.
        const TcpState first = u.states.front();
        ev.from = first == TcpState::Listen || first == TcpState::SynRecv ? TcpState::Listen : TcpState::Close;
        ev.to = TcpState::Close;
        joinPath(ev, u.states);
        ev.transient = u.last;
        events.push_back(std::move(ev));
    }
}

void ConnectionTracker::updateOwner(TrackedSocket &t, const SocketEntry &e, const ProcessOwnerPtr *owner)
{
    if (owner) {
        t.owner = *owner;
        t.ownerRemembered = false;
        return;
    }
    const SocketEntry &was = t.entry; // still the previous poll's
    // Only a socket that has lost its inode keeps its owner; one whose process is merely not known
    // yet (or not readable) says unknown.
    bool same = t.owner && e.inode == 0;
    if (same && (was.cookie != 0 || e.cookie != 0))
        same = was.cookie == e.cookie; // netlink: the same socket, also into its timewait socket
    else if (same && was.state == TcpState::TimeWait && e.state == TcpState::TimeWait)
        same = e.timerMs <= was.timerMs + 1000; // /proc: a TIME_WAIT timer that restarted is a new socket
    if (!same) {
        t.owner.reset();
        t.ownerRemembered = false;
        return;
    }
    t.ownerRemembered = true;
}

void ConnectionTracker::reserveFor(size_t sockets)
{
    // Grow the slot array once per poll, not by doubling: unused capacity is per-socket memory.
    if (m_slots.capacity() < sockets)
        m_slots.reserve(sockets + sockets / 16);
    m_index.reserve(sockets);
    m_byId.reserve(sockets);
}

TrackerEvent ConnectionTracker::appear(const SocketEntry &e, quint64 hash, bool accepted, qint64 now, quint64 gen)
{
    const qint32 slot = allocate();
    TrackedSocket &t = m_slots[size_t(slot)];
    t = TrackedSocket { e, m_nextId++, now, now, gen, nullptr, false, TrackedSocket::Since::Observed };
    if (gen == 1) { // there before tcpscope looked: only a lower bound, unless the kernel's timer tells
        const bool timeWait = e.state == TcpState::TimeWait && e.timer == TimerKind::TimeWait;
        t.since = timeWait ? TrackedSocket::Since::TimeWaitTimer : TrackedSocket::Since::AtLeast;
        if (timeWait)
            t.stateSinceMs = now - std::max<qint64>(0, TrackedSocket::TimeWaitMs - qint64(e.timerMs));
    }
    m_index.insert(hash, slot);
    m_byId.insert(idHash(t.id), slot);
    m_lastAppeared = slot;
    return event(TrackerEvent::Kind::Appeared, t.id, accepted ? TcpState::Listen : TcpState::Close,
        TcpStateMachine::diagramState(e.state));
}

void ConnectionTracker::dropUnseen(quint64 gen, std::vector<TrackerEvent> &events)
{
    m_dropped.clear();
    for (qint32 i = 0; i < qint32(m_slots.size()); ++i) {
        TrackedSocket &t = m_slots[size_t(i)];
        if (t.id == 0 || t.generation == gen)
            continue;
        events.push_back(event(TrackerEvent::Kind::Vanished, t.id, TcpStateMachine::diagramState(t.entry.state),
            TcpState::Close, visibleStates));
        join(events.back(), t.entry.cookie, TcpState::Close, false);
        m_index.erase(SocketKey::hashOf(t.entry), [i](qint32 slot) { return slot == i; });
        m_byId.erase(idHash(t.id), [i](qint32 slot) { return slot == i; });
        m_dropped.push_back(std::move(t));
        t = TrackedSocket {};
        m_free.push_back(i);
    }
}

void ConnectionTracker::clear()
{
    m_dropped.clear();
    m_chains.clear();
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
