#pragma once

#include "core/tcpstate.h"

#include <QList>

// What happened to one connection between two polls.
struct TrackerEvent
{
    enum class Kind : quint8 { Appeared, Changed, Vanished };

    Kind kind = Kind::Appeared;
    quint64 id = 0; // stable per tracked connection, never reused
    TcpState from = TcpState::Close; // Appeared: CLOSED, or LISTEN when a local listener took it
    TcpState to = TcpState::Close; // Vanished: CLOSED
    QList<TcpState> path; // from ... to through the state machine; both ends included
    bool inferred = false; // the path has hops no poll saw

    int hops() const { return path.isEmpty() ? 0 : int(path.size()) - 1; }
};
