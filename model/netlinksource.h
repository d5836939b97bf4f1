#pragma once

#include "problem.h"
#include "snapshotsource.h"

#include <QByteArray>

#include <vector>

// This host's sockets through NETLINK_SOCK_DIAG, as `ss` reads them: one SOCK_DIAG_BY_FAMILY dump
// per family into a reused buffer, binary fields, no text formatting in the kernel. Tunables still
// come from /proc/sys. Values match ProcSource's; the differences are in InetDiagParser.
class NetlinkSource : public SnapshotSource
{
public:
    NetlinkSource();
    ~NetlinkSource() override;
    NetlinkSource(const NetlinkSource &) = delete;
    NetlinkSource &operator=(const NetlinkSource &) = delete;

    Snapshot poll() override;
    QString description() const override;

    // Dumps both families into out (cleared first). Empty on success, otherwise what failed.
    QString dump(std::vector<SocketEntry> &out, ProblemList &problems);
    // True when a sock_diag socket can be opened and one dump of listeners answers.
    bool probe();

private:
    QString open();
    QString dumpFamily(int family, quint32 states, std::vector<SocketEntry> &out, ProblemList &problems);

    int m_fd = -1;
    quint32 m_seq = 0;
    QByteArray m_buffer; // reused between recv() calls and polls
    size_t m_lastCount = 1024;
};
