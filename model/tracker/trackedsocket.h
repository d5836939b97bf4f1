#pragma once

#include "core/processowner.h"
#include "core/socketentry.h"

// A connection the tracker follows across polls.
struct TrackedSocket
{
    SocketEntry entry; // as of the latest poll
    quint64 id = 0;
    qint64 firstSeenMs = 0; // observed, so at most one poll interval late
    qint64 stateSinceMs = 0; // when the current state was first observed
    quint64 generation = 0; // last poll that saw it
    // The process that holds it; null when unknown. A socket seen owned keeps its owner through
    // TIME_WAIT and as an orphan (inode 0), then marked remembered (ConnectionTracker::update).
    ProcessOwnerPtr owner;
    bool ownerRemembered = false;
};
