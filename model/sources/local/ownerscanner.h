#pragma once

#include "core/ownerlookup.h"
#include "sources/local/processreader.h"

#include <QElapsedTimer>
#include <QMutex>

#include <unordered_map>
#include <unordered_set>

// Which process holds each socket, from the /proc/PID/fd links (as ss -p reads them), incrementally:
// a scan runs only when the snapshot has inodes the cache does not know, and then reads the fd table
// of a process only if it is new since the last scan or held a socket that has gone (it may have opened
// others); only if inodes are still unknown are the other processes read, those holding sockets first,
// until all are found. A process is known by pid and start time, so pid reuse is noticed, and is
// dropped when it leaves /proc. Every FullRescanMs at most, a scan that runs reads everything (sockets
// passed to another process, inodes nobody held). Unprivileged, other users' fd tables are closed
// (EACCES): their sockets are counted as SocketOwners::Missing::OtherUsers and cause no scan.
class OwnerScanner : public OwnerLookup
{
public:
    static constexpr qint64 FullRescanMs = 60'000;
    struct Stats
    {
        qint64 scans = 0; // scans that read /proc at all
        qint64 fullScans = 0;
        qint64 fdTablesRead = 0; // readdir of /proc/PID/fd, over all scans
        int lastFdTablesRead = 0;
        qint64 lastScanUs = 0; // wall time of the last scan that read /proc
        int deniedProcesses = 0;
    };

    explicit OwnerScanner(const QString &procRoot = QStringLiteral("/proc"));

    SocketOwners attach(const Snapshot &snapshot) const override;
    void scan(const Snapshot &snapshot) override;
    quint32 scannerUid() const override { return m_euid; }
    void prefetch() override;

    Stats stats() const;
    void setFullRescanMs(qint64 ms) { m_fullRescanMs = ms; }
    // The cached owner of pid, or nullptr: for tests, on the thread that scans.
    ProcessOwnerPtr cached(qint32 pid) const
    {
        const auto it = m_processes.find(pid);
        return it == m_processes.end() ? nullptr : it->second.owner;
    }
    // The full command line of `owner` if that process (same pid and start time) still runs.
    static QString commandLine(const ProcessOwner &owner, const QString &procRoot = QStringLiteral("/proc"));

private:
    struct Process
    {
        ProcessOwnerPtr owner;
        std::vector<quint64> inodes; // its TCP sockets in the last scanned snapshot
        bool denied = false;
    };
    // What attach() reads: published by each scan under m_mutex.
    struct Index
    {
        std::unordered_map<quint64, ProcessOwnerPtr> byInode;
        std::unordered_set<quint64> unfound;
        int deniedProcesses = 0;
    };
    using InodeSet = std::unordered_set<quint64>;

    bool needsScan(const Snapshot &snapshot, bool &full) const;
    void readAll(const std::vector<qint32> &pids, const InodeSet &present, const InodeSet &findable, bool full);
    // Reads one process's fd table and keeps its inodes that are in `present`, erasing them from `wanted`.
    void read(qint32 pid, const InodeSet &present, InodeSet *wanted = nullptr);
    void forget(qint32 pid);
    void publish(const InodeSet &present, qint64 us, int fdTables, bool full);
    QString userName(quint32 uid);

    ProcessReader m_reader; // the scan thread's
    struct FdTable
    {
        ProcessReader::Access access = ProcessReader::Access::Gone;
        std::vector<quint64> inodes;
    };
    std::unordered_map<qint32, FdTable> m_prefetched; // prefetch()'s, used once by the next scan
    std::unordered_map<qint32, Process> m_processes;
    std::unordered_map<quint64, qint32> m_holder; // TCP socket inode -> pid
    InodeSet m_unfound;
    std::unordered_map<quint32, QString> m_userNames;
    QElapsedTimer m_sinceFull;
    qint64 m_fullRescanMs = FullRescanMs;
    int m_fdTables = 0; // read in the scan under way
    quint32 m_euid = 0;
    bool m_privileged = false;

    mutable QMutex m_mutex;
    std::shared_ptr<const Index> m_index; // guarded by m_mutex
    Stats m_stats; // guarded by m_mutex
};
