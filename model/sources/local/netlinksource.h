#pragma once

#include "core/problem.h"
#include "sources/local/countersreader.h"
#include "sources/snapshotsource.h"

#include <QByteArray>

#include <vector>

// This host's sockets through NETLINK_SOCK_DIAG, as `ss` reads them: one SOCK_DIAG_BY_FAMILY dump
// per family into a reused buffer, binary fields, no text formatting in the kernel. Tunables still
// come from /proc/sys. Values match ProcSource's; the differences are in InetDiagParser.
// With two or more CPUs the IPv6 dump runs on a second thread, on its own netlink socket: the kernel
// side of a dump is most of a poll's cost at 100k sockets (docs/performance.md).
class NetlinkSource : public SnapshotSource
{
public:
    NetlinkSource();
    ~NetlinkSource() override;
    NetlinkSource(const NetlinkSource &) = delete;
    NetlinkSource &operator=(const NetlinkSource &) = delete;

    Snapshot poll() override;
    QString description() const override;
    bool readCounters(Counters &out) override;
    std::shared_ptr<OwnerLookup> ownerLookup() override;
    std::shared_ptr<StateEventFeed> stateEventFeed() override;

    // Dumps both families into out (cleared first); a failure says what failed.
    Status dump(std::vector<SocketEntry> &out, ProblemList &problems);
    void setParallel(bool parallel) { m_parallel = parallel; }
    // Off: stateEventFeed() offers none (--no-ebpf).
    void setStateEvents(bool on) { m_stateEvents = on; }
    // True when a sock_diag socket can be opened and one dump of listeners answers.
    bool probe();

private:
    // One netlink socket with its receive buffer, reused between polls.
    struct Channel
    {
        int fd = -1;
        quint32 seq = 0;
        QByteArray buffer;
        Status open();
        void close();
        Status dump(int family, quint32 states, std::vector<SocketEntry> &out, ProblemList &problems);
    };

    Channel m_v4;
    Channel m_v6;
    std::vector<SocketEntry> m_v6Sockets; // filled by the second thread, then appended
    size_t m_lastCount = 1024;
    qint64 m_helperCpuUs = 0; // CPU of the IPv6 dump thread in the last dump()
    bool m_parallel = true;
    bool m_stateEvents = true;
    bool m_firstDump = true;
    CountersReader m_counters;
    std::shared_ptr<OwnerLookup> m_owners;
};
