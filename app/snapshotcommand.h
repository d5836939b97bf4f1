#pragma once

#include "core/snapshot.h"

struct AppOptions;
class SnapshotSource;
class SsFilter;

// `tcpscope --snapshot`: one poll printed to stdout, only the sockets of --filter if given. Exit 0 ok,
// 1 source unreadable (a bad filter is refused before, with exit 2, by AppOptions).
class SnapshotCommand
{
public:
    static int run(const AppOptions &options);
    // One poll, only the sockets `filter` selects, with their owners where the source can tell: the
    // owner scan runs once, synchronously, after the filter, so it looks only for the sockets kept;
    // before it when the filter has owner terms (process, pid, unit), which need every owner.
    static Snapshot pollOnce(SnapshotSource &source, const SsFilter &filter);
};
