#pragma once

#include "core/stateevents.h"

#include <map>
#include <utility>

// The kernel's state changes counted since the agent started, for the Prometheus counters
// (PrometheusExposition::transitions): each poll's StateEvents added once.
class TransitionTotals
{
public:
    using Counts = std::map<std::pair<TcpState, TcpState>, quint64>; // (old, new) -> changes

    void add(const StateEvents *events)
    {
        if (!events)
            return;
        m_running = true;
        for (const TcpStateEvent &e : events->changes)
            ++m_counts[{ e.oldState, e.newState }];
        m_lost = events->lostTotal;
    }
    // Whether an event source runs: without one the counters are absent, not zero.
    bool running() const { return m_running; }
    const Counts &counts() const { return m_counts; }
    quint64 lost() const { return m_lost; }

private:
    Counts m_counts;
    quint64 m_lost = 0;
    bool m_running = false;
};
