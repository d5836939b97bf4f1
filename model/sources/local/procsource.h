#pragma once

#include "parse/procnettcpparser.h"
#include "sources/local/countersreader.h"
#include "sources/snapshotsource.h"

// Reads /proc/net/tcp, /proc/net/tcp6 and the sysctls under a /proc tree. The root is "/proc"
// for this host, or a copy (a container's mount of the host's /proc, a test fixture).
class ProcSource : public SnapshotSource
{
public:
    // A socket table larger than this is cut and reported: ~7 million sockets of /proc text.
    static constexpr qint64 MaxTableBytes = qint64(1) << 30;

    explicit ProcSource(QString procRoot = QStringLiteral("/proc"));

    Snapshot poll() override;
    QString description() const override;
    bool readCounters(Counters &out) override;
    // This host's /proc only: a copied tree (--proc-root) has no processes to ask.
    std::shared_ptr<OwnerLookup> ownerLookup() override;
    const QString &procRoot() const { return m_root; }

private:
    QString m_root;
    QByteArray m_buffer; // reused between polls
    ProcNetTcpParser::Options m_options;
    CountersReader m_counters;
    std::shared_ptr<OwnerLookup> m_owners;
};
