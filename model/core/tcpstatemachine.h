#pragma once

#include "core/tcptransition.h"

#include <QList>

#include <span>

// The RFC 793 / RFC 9293 connection state machine, plus two moves the RFC leaves to implementations: an
// orphaned FIN-WAIT-2 timing out, and an RST ending TIME-WAIT (RFC 1337). Used by the tracker to infer unseen hops, by
// the diagram and by lessons.
class TcpStateMachine
{
public:
    static std::span<const TcpTransition> transitions();
    static const TcpTransition *find(TcpState from, TcpState to);
    static bool isLegal(TcpState from, TcpState to) { return find(from, to) != nullptr; }

    // Cheapest legal path from -> to, both ends included; {from} when equal; empty if unreachable.
    // States in `avoid` are not used as intermediate hops (e.g. TIME-WAIT, which a poller would have seen).
    static QList<TcpState> inferPath(TcpState from, TcpState to, std::span<const TcpState> avoid = {});

    // Maps kernel-only states onto the RFC diagram: NEW_SYN_RECV -> SYN_RECV, BOUND_INACTIVE -> CLOSED.
    static TcpState diagramState(TcpState s);
};
