#pragma once

#include "core/snapshot.h"

#include <QElapsedTimer>

// One poll of this host's /proc tree from start to finish: the wall and CPU clocks that measure it,
// and the time, host and kernel every such snapshot starts with (proc(5): sys/kernel/hostname,
// sys/kernel/osrelease). The sources fill in sockets and problems between the two.
class LocalPoll
{
public:
    LocalPoll(const QString &procRoot, const QString &source);

    SnapshotData &data() { return m_data; }
    // The tunables and counters under the root, the poll's cost (plus CPU other threads spent for it), the snapshot.
    Snapshot finish(qint64 helperCpuUs = 0);

private:
    QString m_root;
    QElapsedTimer m_clock;
    qint64 m_cpuStartUs = 0;
    SnapshotData m_data;
};
