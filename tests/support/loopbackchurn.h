#pragma once

#include "loopbackpairs.h"

#include <sys/resource.h>

#include <deque>
#include <memory>
#include <vector>

// Loopback connections that come and go, for the tests of stream deltas: a steady base of pairs;
// batches opened every step and retired a few steps later, alternately client first (the client ends
// in TIME_WAIT) and server first (the server does, RFC 9293 section 3.6), each batch on a listener of
// its own so that listeners come and go; every third batch IPv6; and SO_REUSEPORT listeners sharing
// one port (socket(7)), one of them replaced every few steps.
class LoopbackChurn
{
public:
    LoopbackChurn(int basePairs, int batchPairs, int keepBatches = 3);
    ~LoopbackChurn();
    LoopbackChurn(const LoopbackChurn &) = delete;
    LoopbackChurn &operator=(const LoopbackChurn &) = delete;

    // Opens the base and the SO_REUSEPORT group; false with errno set on failure.
    bool start();
    // One step of churn; false with errno set when a socket could not be made.
    bool step();
    // Raises RLIMIT_NOFILE to at least n (the tests hold thousands of sockets); false when refused.
    static bool raiseFileLimit(rlim_t n);

private:
    bool openReusePortListener();

    int m_batchPairs;
    int m_keepBatches;
    int m_steps = 0;
    int m_basePairs;
    LoopbackPairs m_base;
    std::deque<std::unique_ptr<LoopbackPairs>> m_batches;
    std::vector<int> m_reusePort; // listeners on m_reusePortNumber
    quint16 m_reusePortNumber = 0;
};
