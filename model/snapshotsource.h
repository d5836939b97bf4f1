#pragma once

#include "snapshot.h"

#include <QString>

// Where snapshots come from: the local /proc, netlink, an SSH stream, a recording.
// poll() runs on the poller's worker thread and may block; it is never called concurrently.
class SnapshotSource
{
public:
    virtual ~SnapshotSource() = default;
    virtual Snapshot poll() = 0;
    // Shown in the toolbar and status bar, e.g. "this host (/proc)".
    virtual QString description() const = 0;
};
