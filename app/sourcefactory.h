#pragma once

#include "sources/snapshotsource.h"

#include <memory>

struct AppOptions;
class Recorder;

// Builds the snapshot source the command line asked for: this host via netlink sock_diag by default,
// /proc when netlink is unavailable or --proc-root/--source proc is given.
// The only place that knows every kind of source, so the window and --snapshot share it.
class SourceFactory
{
public:
    static std::unique_ptr<SnapshotSource> create(const AppOptions &options);
    // The same, with every frame also offered to `recorder` (idle until Recorder::start(), which
    // --record calls here): the window keeps the pointer for its Record menu action.
    static std::unique_ptr<SnapshotSource> create(const AppOptions &options, std::shared_ptr<Recorder> recorder);
};
