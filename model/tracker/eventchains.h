#pragma once

#include "core/tcpstateevent.h"

#include <unordered_map>
#include <vector>

// The kernel's state changes (core/tcpstateevent.h) waiting to be joined with a poll, by socket cookie.
// A poll's dump is not atomic: a change may come before or after the dump read its socket. take() therefore
// ends a chain at the last state the poll saw and keeps the later changes for the next poll.
class EventChains
{
public:
    // What a poll learns about one socket from its chain.
    struct Joined
    {
        std::vector<TcpState> states; // the first change's old state, then each new state; empty: no chain
        bool enteredTimeWait = false; // ...FIN_WAIT2/CLOSING -> CLOSE and the poll lists a TIME_WAIT row
    };
    // A chain no polled socket claimed: a connection that lived and died between two polls.
    struct Unclaimed
    {
        std::vector<TcpState> states;
        TcpStateEvent last; // its endpoints (the ports are set once connect(2) or accept(2) picked them)
    };

    // Appends events, oldest first, as TcpStateEventSource::drain() returns them.
    void add(const std::vector<TcpStateEvent> &events);
    // The chain of `cookie` reconciled with the state the poll lists (`listed` false: the socket is gone).
    Joined take(quint64 cookie, TcpState polled, bool listed);
    // Ends a poll: chains that end in CLOSE, or were already left over by the previous poll, are returned
    // and forgotten; the others (a socket the dump missed, or a timewait socket to come) wait one more poll.
    std::vector<Unclaimed> finishPoll();
    void clear() { m_chains.clear(); }
    size_t pending() const { return m_chains.size(); }

private:
    struct Chain
    {
        std::vector<TcpStateEvent> events;
        bool leftOver = false; // survived a poll unclaimed
    };
    // Ends in CLOSE and is no entry into TIME_WAIT: nothing more will come for this cookie.
    static bool finished(const TcpStateEvent &last);
    static std::vector<TcpState> statesOf(const std::vector<TcpStateEvent> &events, size_t count);

    std::unordered_map<quint64, Chain> m_chains;
};
