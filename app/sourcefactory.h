#pragma once

#include "snapshotsource.h"

#include <memory>

struct AppOptions;

// Builds the snapshot source the command line asked for: this host via netlink sock_diag by default,
// /proc when netlink is unavailable or --proc-root/--source proc is given.
// The only place that knows every kind of source, so the window and --snapshot share it.
class SourceFactory
{
public:
    static std::unique_ptr<SnapshotSource> create(const AppOptions &options);
};
