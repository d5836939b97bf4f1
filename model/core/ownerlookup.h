#pragma once

#include "core/snapshot.h"
#include "core/socketowners.h"

// Finds the processes that hold a snapshot's sockets (sources/local/ownerscanner.h on Linux). The
// pipeline calls attach() on the poll thread right after each poll: lookups in what the last scan
// found, no /proc reads, so a poll is never delayed. scan() then reads /proc on a thread of its own
// after the snapshot was handed on, never twice at once; attach() may run meanwhile.
class OwnerLookup
{
public:
    virtual ~OwnerLookup() = default;
    virtual SocketOwners attach(const Snapshot &snapshot) const = 0;
    // Brings the cache up to date with `snapshot` (as returned by withOwners(attach(...))).
    virtual void scan(const Snapshot &snapshot) = 0;
    // One-shot commands: reads what the next scan() needs that does not depend on the snapshot (every
    // process's fd table) now, so it can run on another thread while the caller polls. Never at the
    // same time as scan(). Optional: the default does nothing and scan() reads it all then.
    virtual void prefetch() { }
    // The effective uid the scans run as: 0 sees every process, another only its own (proc(5)).
    virtual quint32 scannerUid() const = 0;
};
