#pragma once

#include "sources/snapshotsource.h"

// This FreeBSD or macOS host, read with `netstat -an -p tcp` and `sysctl` (argument lists, no shell).
// Compiled only on those systems (model/CMakeLists.txt); the parsing lives in BsdSnapshot so it is
// tested on Linux. netstat rather than the binary net.inet.tcp.pcblist: xtcpcb's layout is ABI-specific.
class BsdSource : public SnapshotSource
{
public:
    Snapshot poll() override;
    QString description() const override;
};
