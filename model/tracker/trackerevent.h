#pragma once

#include "core/tcpstate.h"
#include "core/tcpstateevent.h"

#include <QList>

#include <optional>

// What happened to one connection between two polls.
struct TrackerEvent
{
    // Transient: a connection that opened and closed between two polls, known only from the kernel's
    // state changes (tracker/eventchains.h); its id is new and no tracked socket has it.
    enum class Kind : quint8 { Appeared, Changed, Vanished, Transient };

    Kind kind = Kind::Appeared;
    quint64 id = 0; // stable per tracked connection, never reused
    TcpState from = TcpState::Close; // Appeared: CLOSED, or LISTEN when a local listener took it
    TcpState to = TcpState::Close; // Vanished: CLOSED
    QList<TcpState> path; // from ... to through the state machine; both ends included
    bool inferred = false; // the path has hops neither a poll nor the kernel's events saw
    quint32 observedHops = 0; // bit i: the kernel reported path[i] -> path[i + 1] (sock:inet_sock_set_state)
    std::optional<TcpStateEvent> transient; // Transient: its last state change (endpoints, time)

    int hops() const { return path.isEmpty() ? 0 : int(path.size()) - 1; }
    bool observed() const { return observedHops != 0; }
    bool hopObserved(int hop) const { return hop < 32 && (observedHops >> hop) & 1u; }
};
