#pragma once

#include "core/counters.h"
#include "core/ownerlookup.h"
#include "core/snapshot.h"
#include "core/stateeventfeed.h"

#include <QString>

#include <memory>

// Where snapshots come from: the local /proc, netlink, an SSH stream, a recording.
// poll() runs on the poller's worker thread and may block; it is never called concurrently.
class SnapshotSource
{
public:
    virtual ~SnapshotSource() = default;
    virtual Snapshot poll() = 0;
    // Shown in the toolbar and status bar, e.g. "this host (/proc)".
    virtual QString description() const = 0;
    // The cheap kernel-wide counters (sockstat, snmp, netstat), read between full snapshots when the
    // table is large. False when this source has none (the default).
    virtual bool readCounters(Counters &out)
    {
        Q_UNUSED(out);
        return false;
    }
    // Who holds the sockets (core/ownerlookup.h): this host's /proc on Linux. nullptr (the default)
    // where nobody can tell: a peer's stream, a recording, BSD netstat.
    virtual std::shared_ptr<OwnerLookup> ownerLookup() { return nullptr; }
    // The kernel's state changes of the sockets this source lists (core/stateeventfeed.h): this host's
    // eBPF program with netlink. nullptr (the default) where there are none or no cookies to join them.
    virtual std::shared_ptr<StateEventFeed> stateEventFeed() { return nullptr; }
    // True when the source writes the recording itself (a stream keeps the frames it receives) or
    // has nothing to record (a replay); else the pipeline records its snapshots (SnapshotRecorder).
    virtual bool recordsItself() const { return false; }
};
