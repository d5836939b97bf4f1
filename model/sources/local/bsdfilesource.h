#pragma once

#include "sources/snapshotsource.h"

// A FreeBSD/macOS host read from saved text: `netstat -an -p tcp` and `sysctl` output in files, re-read at
// each poll. For `--bsd-netstat FILE --bsd-sysctl FILE`: teaching from a capture, and testing on Linux.
class BsdFileSource : public SnapshotSource
{
public:
    BsdFileSource(QString netstatPath, QString sysctlPath);

    Snapshot poll() override;
    QString description() const override;

private:
    QString m_netstatPath;
    QString m_sysctlPath;
};
