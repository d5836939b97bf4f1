#pragma once

#include "core/tcpstateevent.h"

#include <vector>

// The kernel's state changes that go with one poll (core/stateeventfeed.h): what was drained since the
// previous poll, and how many the kernel dropped. Attached to a Snapshot by the poll worker.
struct StateEvents
{
    std::vector<TcpStateEvent> changes; // oldest first
    quint64 lostTotal = 0; // since the feed started
    quint64 lostSincePrevious = 0; // paths across this gap are inferred again
};
