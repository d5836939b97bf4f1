#pragma once

#include "tracker/trackerevent.h"

#include <vector>

// Transitions of one poll by kind, over every hop of every event's path (observed or inferred): what
// the chart plots as rates and the diagram's edges show.
struct TransitionCounts
{
    int opened = 0; // CLOSED -> SYN_SENT (connect) and LISTEN -> SYN_RECV (a peer's SYN)
    int enteredTimeWait = 0; // FIN_WAIT2 or CLOSING -> TIME_WAIT
    int closed = 0; // any state -> CLOSED

    static TransitionCounts of(const std::vector<TrackerEvent> &events)
    {
        TransitionCounts c;
        for (const TrackerEvent &ev : events) {
            for (int i = 0; i < ev.hops(); ++i) {
                const TcpState from = ev.path[i], to = ev.path[i + 1];
                c.opened += (from == TcpState::Close && to == TcpState::SynSent)
                    || (from == TcpState::Listen && to == TcpState::SynRecv);
                c.enteredTimeWait += to == TcpState::TimeWait;
                c.closed += to == TcpState::Close;
            }
        }
        return c;
    }
};
