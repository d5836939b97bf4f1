#include "sources/local/ownerscanner.h"

#include <QMutexLocker>

#include <algorithm>
#include <pwd.h>
#include <unistd.h>

OwnerScanner::OwnerScanner(const QString &procRoot)
    : m_reader(procRoot)
    , m_euid(::geteuid())
    , m_privileged(m_euid == 0)
    , m_index(std::make_shared<const Index>())
{ }

OwnerScanner::Stats OwnerScanner::stats() const
{
    const QMutexLocker lock(&m_mutex);
    return m_stats;
}

SocketOwners OwnerScanner::attach(const Snapshot &snapshot) const
{
    std::shared_ptr<const Index> index;
    {
        const QMutexLocker lock(&m_mutex);
        index = m_index;
    }
    SocketOwners o = SocketOwners::fromInodes(snapshot.sockets(), index->byInode, [&](const SocketEntry &e) {
        if (!m_privileged && e.uid != m_euid)
            return SocketOwners::Missing::OtherUsers;
        return index->unfound.count(e.inode) ? SocketOwners::Missing::NotFound : SocketOwners::Missing::NotScanned;
    });
    o.deniedProcesses = index->deniedProcesses;
    return o;
}

bool OwnerScanner::needsScan(const Snapshot &snapshot, bool &full) const
{
    const bool due = !m_sinceFull.isValid() || m_sinceFull.elapsed() >= m_fullRescanMs;
    const SocketOwners *known = snapshot.owners();
    if (!known) { // not attached (--snapshot): read everything once
        full = true;
        return true;
    }
    // Nothing new: no /proc read at all. Inodes nobody held are retried by the next full rescan.
    if (known->count(SocketOwners::Missing::NotScanned) > 0) {
        full = due;
        return true;
    }
    full = due && known->count(SocketOwners::Missing::NotFound) > 0;
    return full;
}

void OwnerScanner::scan(const Snapshot &snapshot)
{
    bool full = false;
    if (!m_reader.isOpen() || !snapshot.isValid() || !needsScan(snapshot, full))
        return;
    QElapsedTimer timer;
    timer.start();
    m_fdTables = 0;
    InodeSet present;
    InodeSet findable; // unprivileged, only our own sockets can be found: others' cost no pass over /proc
    present.reserve(snapshot.sockets().size());
    for (const SocketEntry &e : snapshot.sockets()) {
        if (!SocketOwners::holdable(e))
            continue;
        present.insert(e.inode);
        if (m_privileged || e.uid == m_euid)
            findable.insert(e.inode);
    }
    if (full) {
        m_unfound.clear();
        m_sinceFull.start();
    }
    const std::vector<qint32> pids = m_reader.pids();
    {
        const std::unordered_set<qint32> alive(pids.begin(), pids.end());
        std::vector<qint32> dead;
        for (const auto &[pid, p] : m_processes) {
            if (!alive.count(pid))
                dead.push_back(pid);
        }
        for (qint32 pid : dead)
            forget(pid);
    }
    readAll(pids, present, findable, full);
    m_prefetched.clear(); // tables of processes the scan did not need: stale by the next one
    publish(present, timer.nsecsElapsed() / 1000, m_fdTables, full);
}

void OwnerScanner::prefetch()
{
    if (!m_reader.isOpen())
        return;
    m_prefetched.clear();
    for (qint32 pid : m_reader.pids()) {
        FdTable &t = m_prefetched[pid];
        t.access = m_reader.sockets(pid, t.inodes);
    }
}

void OwnerScanner::readAll(
    const std::vector<qint32> &pids, const InodeSet &present, const InodeSet &findable, bool full)
{
    // New processes, and those a socket of which has gone (they may have opened others).
    std::vector<qint32> rest;
    for (qint32 pid : pids) {
        const auto it = m_processes.find(pid);
        const bool changed = it == m_processes.end() || full
            || std::any_of(
                it->second.inodes.begin(), it->second.inodes.end(), [&](quint64 i) { return !present.count(i); });
        if (changed)
            read(pid, present);
        else if (!it->second.denied)
            rest.push_back(pid);
    }
    InodeSet missing;
    for (quint64 i : findable) {
        if (!m_holder.count(i) && !m_unfound.count(i))
            missing.insert(i);
    }
    if (missing.empty())
        return;
    // Still unknown: a process we knew opened them (a server accepting). Those holding sockets first.
    std::stable_partition(rest.begin(), rest.end(), [this](qint32 pid) { return !m_processes[pid].inodes.empty(); });
    for (qint32 pid : rest) {
        read(pid, present, &missing);
        if (missing.empty())
            return;
    }
    m_unfound.insert(missing.begin(), missing.end());
}

void OwnerScanner::read(qint32 pid, const InodeSet &present, InodeSet *wanted)
{
    const std::optional<ProcPidParser::Stat> stat = m_reader.stat(pid);
    auto it = m_processes.find(pid);
    if (!stat || (it != m_processes.end() && it->second.owner->startTicks != stat->startTicks)) {
        forget(pid); // gone, or the pid now names another process
        if (!stat)
            return;
        it = m_processes.end();
    }
    if (it == m_processes.end()) {
        ProcessOwner o;
        o.pid = pid;
        o.startTicks = stat->startTicks;
        o.name = stat->comm;
        if (!m_reader.identify(pid, o))
            return;
        o.user = userName(o.uid);
        it = m_processes.emplace(pid, Process { std::make_shared<const ProcessOwner>(std::move(o)), {}, false }).first;
    } else if (it->second.owner->name != stat->comm) { // renamed since (prctl(2) PR_SET_NAME, exec)
        ProcessOwner o = *it->second.owner;
        o.name = stat->comm;
        it->second.owner = std::make_shared<const ProcessOwner>(std::move(o));
    }
    Process &p = it->second;
    for (quint64 i : p.inodes) {
        if (const auto h = m_holder.find(i); h != m_holder.end() && h->second == pid)
            m_holder.erase(h);
    }
    p.inodes.clear();
    std::vector<quint64> all;
    ++m_fdTables;
    if (const auto pre = m_prefetched.find(pid); pre != m_prefetched.end()) {
        p.denied = pre->second.access == ProcessReader::Access::Denied;
        all.swap(pre->second.inodes);
        m_prefetched.erase(pre);
    } else {
        p.denied = m_reader.sockets(pid, all) == ProcessReader::Access::Denied;
    }
    for (quint64 i : all) {
        if (!present.count(i))
            continue; // a unix or UDP socket, or one opened after the poll
        p.inodes.push_back(i);
        m_holder.try_emplace(i, pid); // shared after fork(2): the first reader keeps it
        if (wanted)
            wanted->erase(i);
    }
}

void OwnerScanner::forget(qint32 pid)
{
    const auto it = m_processes.find(pid);
    if (it == m_processes.end())
        return;
    for (quint64 i : it->second.inodes) {
        if (const auto h = m_holder.find(i); h != m_holder.end() && h->second == pid)
            m_holder.erase(h);
    }
    m_processes.erase(it);
}

void OwnerScanner::publish(const InodeSet &present, qint64 us, int fdTables, bool full)
{
    auto index = std::make_shared<Index>();
    index->byInode.reserve(present.size());
    for (quint64 i : present) {
        if (const auto h = m_holder.find(i); h != m_holder.end())
            index->byInode.emplace(i, m_processes[h->second].owner);
    }
    // Inodes gone from the table need no retry.
    for (auto it = m_unfound.begin(); it != m_unfound.end();)
        it = present.count(*it) ? std::next(it) : m_unfound.erase(it);
    index->unfound = m_unfound;
    for (const auto &[pid, p] : m_processes)
        index->deniedProcesses += p.denied ? 1 : 0;
    const QMutexLocker lock(&m_mutex);
    m_index = std::move(index);
    ++m_stats.scans;
    m_stats.fullScans += full ? 1 : 0;
    m_stats.fdTablesRead += fdTables;
    m_stats.lastFdTablesRead = fdTables;
    m_stats.lastScanUs = us;
    m_stats.deniedProcesses = m_index->deniedProcesses;
}

QString OwnerScanner::userName(quint32 uid)
{
    const auto it = m_userNames.find(uid);
    if (it != m_userNames.end())
        return it->second;
    passwd pw {};
    passwd *found = nullptr;
    char buf[1024];
    QString name = ::getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found ? QString::fromLocal8Bit(pw.pw_name)
                                                                                 : QString::number(uid);
    m_userNames.emplace(uid, name);
    return name;
}

QString OwnerScanner::commandLine(const ProcessOwner &owner, const QString &procRoot)
{
    ProcessReader reader(procRoot);
    const std::optional<ProcPidParser::Stat> stat = reader.stat(owner.pid);
    if (!stat || stat->startTicks != owner.startTicks)
        return {};
    return reader.commandLine(owner.pid);
}
