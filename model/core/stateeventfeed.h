#pragma once

#include "core/expected.h"
#include "core/status.h"
#include "core/tcpstateevent.h"

#include <QString>

#include <vector>

// Every TCP state change of the watched network namespace as the kernel makes it (an eBPF program on
// sock:inet_sock_set_state: sources/local/ebpf/tcpstateeventsource.h). The pipeline drains it on a
// thread of its own and hands the changes to the tracker with the next poll (tracker/eventchains.h).
class StateEventFeed
{
public:
    virtual ~StateEventFeed() = default;
    // Loads and attaches; a failure names the reason and the fix ("needs CAP_BPF and CAP_PERFMON: ...").
    virtual Status start() = 0;
    // Appends what is pending, oldest first, waiting at most waitMs for the kernel's wake-up.
    virtual Expected<qsizetype> drain(std::vector<TcpStateEvent> &out, int waitMs) = 0;
    // Changes the kernel could not deliver since start() (ring buffer full): paths are inferred again.
    virtual quint64 lostEvents() const = 0;
};
