#include "tracker/eventchains.h"

#include "core/tcpstatemachine.h"

void EventChains::add(const std::vector<TcpStateEvent> &events)
{
    for (const TcpStateEvent &e : events) {
        if (e.cookie != 0)
            m_chains[e.cookie].events.push_back(e);
    }
}

std::vector<TcpState> EventChains::statesOf(const std::vector<TcpStateEvent> &events, size_t count)
{
    std::vector<TcpState> states;
    states.reserve(count + 1);
    states.push_back(TcpStateMachine::diagramState(events.front().oldState));
    for (size_t i = 0; i < count; ++i)
        states.push_back(TcpStateMachine::diagramState(events[i].newState));
    return states;
}

EventChains::Joined EventChains::take(quint64 cookie, TcpState polled, bool listed)
{
    Joined j;
    const auto it = cookie == 0 ? m_chains.end() : m_chains.find(cookie);
    if (it == m_chains.end())
        return j;
    std::vector<TcpStateEvent> &events = it->second.events;
    const TcpState seen = TcpStateMachine::diagramState(polled);
    // tcp_time_wait() (net/ipv4/tcp_minisocks.c) closes the full socket (-> CLOSE) as its timewait
    // socket, with the same cookie, takes over: a TIME_WAIT row after that CLOSE is the entry into TIME_WAIT.
    if (listed && seen == TcpState::TimeWait
        && TcpStateMachine::diagramState(events.back().newState) == TcpState::Close) {
        j.states = statesOf(events, events.size());
        j.states.back() = TcpState::TimeWait;
        j.enteredTimeWait = true;
        m_chains.erase(it);
        return j;
    }
    size_t keep = events.size(); // changes the poll already shows
    if (listed) {
        // The last change into the state the poll lists; later ones happened after the dump read it (a
        // timewait socket still in its FIN_WAIT2 substate shows FIN_WAIT2 after FIN_WAIT2 -> CLOSE).
        size_t k = events.size();
        while (k > 0 && TcpStateMachine::diagramState(events[k - 1].newState) != seen)
            --k;
        if (k > 0 || TcpStateMachine::diagramState(events.front().oldState) == seen)
            keep = k;
    }
    if (keep > 0)
        j.states = statesOf(events, keep);
    if (keep == events.size()) {
        m_chains.erase(it);
    } else {
        events.erase(events.begin(), events.begin() + qsizetype(keep));
        it->second.leftOver = false;
    }
    return j;
}

bool EventChains::finished(const TcpStateEvent &last)
{
    if (TcpStateMachine::diagramState(last.newState) != TcpState::Close)
        return false;
    // FIN_WAIT2 or CLOSING -> CLOSE is also how a socket enters TIME_WAIT: its timewait socket may be
    // listed by the next poll, which then claims the chain.
    return last.oldState != TcpState::FinWait2 && last.oldState != TcpState::Closing;
}

std::vector<EventChains::Unclaimed> EventChains::finishPoll()
{
    std::vector<Unclaimed> out;
    for (auto it = m_chains.begin(); it != m_chains.end();) {
        Chain &c = it->second;
        if (!finished(c.events.back()) && !c.leftOver) {
            c.leftOver = true;
            ++it;
            continue;
        }
        out.push_back({ statesOf(c.events, c.events.size()), c.events.back() });
        it = m_chains.erase(it);
    }
    return out;
}
