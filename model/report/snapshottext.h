#pragma once

#include "core/snapshot.h"

// The plain-text `tcpscope --snapshot` report, for terminals and scripts that do not want JSON.
class SnapshotText
{
public:
    static QString format(const Snapshot &snapshot, bool withSockets);
};
