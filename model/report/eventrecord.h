#pragma once

#include "core/processowner.h"
#include "core/socketentry.h"
#include "core/tcpstateevent.h"

#include <QList>

// One state transition as `tcpscope --events` prints it (EventJson, EventText): a tracker event joined
// with the socket it happened to, in core types only (report/ does not include tracker/). A socket
// that appeared is a transition from CLOSE, one that vanished a transition to CLOSE.
struct EventRecord
{
    enum class Seen : quint8 { Polled, Observed }; // a diff of two polls; Observed: an eBPF event

    qint64 timeMs = 0; // when the poll that saw it started, ms since the epoch
    quint64 id = 0; // the tracker's id of the connection
    SocketEntry entry; // as last seen (for a vanished one, its last poll)
    TcpState from = TcpState::Close;
    TcpState to = TcpState::Close;
    QList<TcpState> path; // from ... to, when the state machine inferred hops no poll saw; else empty
    Seen seen = Seen::Polled;
    ProcessOwnerPtr owner; // null when unknown
    bool remembered = false; // the owner was seen before the socket lost its inode (TIME_WAIT, orphan)

    // A connection only the kernel's changes saw (no poll listed it), in `state` for the filter.
    static SocketEntry entryOf(const TcpStateEvent &e, TcpState state)
    {
        SocketEntry s;
        s.family = e.family;
        s.localAddr = e.localAddr;
        s.remoteAddr = e.remoteAddr;
        s.localPort = e.localPort;
        s.remotePort = e.remotePort;
        s.state = state;
        s.cookie = e.cookie;
        return s;
    }
};
