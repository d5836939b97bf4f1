#pragma once

#include "sources/snapshotsource.h"

#include <memory>

class Recorder;
struct ProcessOwner;
struct SourceSpec;

// Builds the snapshot source a SourceSpec names: this host via netlink sock_diag by default, /proc
// when netlink is unavailable or --proc-root/--source proc is given, netstat/sysctl on FreeBSD and
// macOS; an SSH, agent or stdin stream; a recording. The only place that knows every kind of source
// (and every platform #if of it), so the window and --snapshot share it.
class SourceFactory
{
public:
    static std::unique_ptr<SnapshotSource> create(const SourceSpec &spec);
    // The same, with every frame also offered to `recorder` (idle until Recorder::start(), which
    // spec.record calls here): the window keeps the pointer for its Record menu action.
    static std::unique_ptr<SnapshotSource> create(const SourceSpec &spec, std::shared_ptr<Recorder> recorder);
    // The full command line of a local process that holds sockets, if it still runs; empty where
    // owners cannot be read (not Linux).
    static QString commandLine(const ProcessOwner &owner);
};
