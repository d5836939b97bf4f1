#pragma once

#include "core/flatindex.h"
#include "core/snapshot.h"
#include "core/socketkey.h"
#include "tracker/eventchains.h"
#include "tracker/trackedsocket.h"
#include "tracker/trackerevent.h"

#include <vector>

// Diffs consecutive snapshots by connection identity (family + local + remote endpoint) into
// events, in time linear in the number of sockets. Keeps first-seen and time-in-state per socket.
class ConnectionTracker
{
public:
    // Applies a snapshot and returns what changed since the previous one. An invalid snapshot
    // (source unreadable) changes nothing: connections are not declared gone because a read failed.
    // Owners come from snapshot.owners(); a socket that loses its inode (TIME_WAIT, orphan) keeps the
    // owner it was last seen with, marked remembered: by cookie with netlink, by connection identity
    // with /proc (dropped with the tracked socket when the TIME_WAIT ends, as ports are reused). One
    // never seen owned has none: no guess.
    // `kernel`: the state changes the eBPF event source reported since the last update (empty without
    // one). They give the exact path between two polls of a socket with the same cookie, and Transient
    // events for connections no poll listed; the poll stays the truth about what exists.
    std::vector<TrackerEvent> update(const Snapshot &snapshot, const std::vector<TcpStateEvent> &kernel);
    // The same with the changes the snapshot carries (Snapshot::stateEvents), none when it has none.
    std::vector<TrackerEvent> update(const Snapshot &snapshot);
    void clear();

    qsizetype size() const { return qsizetype(m_index.size()); }
    // Heap bytes held for tracking (slots and both indexes), for docs/performance.md.
    size_t memoryBytes() const;
    const TrackedSocket *find(quint64 id) const;
    const TrackedSocket *find(const SocketKey &key) const;
    // Every tracked socket; slots with id 0 are free.
    const std::vector<TrackedSocket> &slots() const { return m_slots; }
    qint64 lastUpdateMs() const { return m_lastMs; }
    // The sockets the last update() dropped (its Vanished events), as last seen: their slots are free.
    const std::vector<TrackedSocket> &lastDropped() const { return m_dropped; }

private:
    qint32 allocate();
    void reserveFor(size_t sockets);
    // Tracks a socket the previous snapshot did not have; accepted: a local listener has its port.
    TrackerEvent appear(const SocketEntry &e, quint64 hash, bool accepted, qint64 now, quint64 gen);
    // Forgets the sockets this snapshot (generation gen) did not have, with a Vanished event each.
    void dropUnseen(quint64 gen, std::vector<TrackerEvent> &events);
    // Sets t's owner from this poll's (may be null), or keeps the remembered one when e is the same socket.
    // Replaces ev's path with the one the kernel's changes give for e's cookie, where there are some.
    void join(TrackerEvent &ev, quint64 cookie, TcpState polled, bool listed);
    void addTransients(std::vector<TrackerEvent> &events);
    static void updateOwner(TrackedSocket &t, const SocketEntry &e, const ProcessOwnerPtr *owner);

    std::vector<TrackedSocket> m_slots;
    std::vector<qint32> m_free;
    static quint64 idHash(quint64 id) { return id * 0x9e3779b97f4a7c15ull; }
    qint32 slotOf(const SocketKey &key, quint64 hash) const;

    // Slot numbers by connection identity and by id: flat, 8 bytes an entry (flatindex.h).
    FlatIndex m_index;
    FlatIndex m_byId;
    EventChains m_chains;
    std::vector<TrackedSocket> m_dropped;
    qint32 m_lastAppeared = -1; // the slot appear() filled
    quint64 m_nextId = 1;
    quint64 m_generation = 0;
    qint64 m_lastMs = 0;
};
