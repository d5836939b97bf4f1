#pragma once

#include "core/processowner.h"
#include "core/socketentry.h"

// A connection the tracker follows across polls.
struct TrackedSocket
{
    // How stateSinceMs was found. A socket already there at the first poll has been in its state for
    // at least the time since then; a TIME_WAIT one tells by its timer, which runs TCP_TIMEWAIT_LEN
    // (60 s, include/net/tcp.h) from the entry, unless a retransmitted FIN re-armed it
    // (tcp_timewait_state_process, net/ipv4/tcp_minisocks.c): then the age is a lower bound too.
    enum class Since : quint8 { Observed, AtLeast, TimeWaitTimer };
    static constexpr qint64 TimeWaitMs = 60'000;

    SocketEntry entry; // as of the latest poll
    quint64 id = 0;
    qint64 firstSeenMs = 0; // observed, so at most one poll interval late
    qint64 stateSinceMs = 0; // when the current state was first observed
    quint64 generation = 0; // last poll that saw it
    // The process that holds it; null when unknown. A socket seen owned keeps its owner through
    // TIME_WAIT and as an orphan (inode 0), then marked remembered (ConnectionTracker::update).
    ProcessOwnerPtr owner;
    bool ownerRemembered = false;
    Since since = Since::Observed;
};
