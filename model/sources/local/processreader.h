#pragma once

#include "core/processowner.h"
#include "parse/procpidparser.h"

#include <QByteArray>

#include <optional>
#include <vector>

// Reads what OwnerScanner needs of one process under a /proc tree (proc(5)): comm and start time from
// /proc/PID/stat, the uid that owns /proc/PID, the unit from /proc/PID/cgroup, and the socket inodes
// among the links in /proc/PID/fd. Paths are opened relative to one descriptor of the root.
class ProcessReader
{
public:
    enum class Access : quint8 { Ok, Denied, Gone };

    explicit ProcessReader(const QString &procRoot);
    ~ProcessReader();
    ProcessReader(const ProcessReader &) = delete;
    ProcessReader &operator=(const ProcessReader &) = delete;

    bool isOpen() const { return m_root >= 0; }
    // The pids under the root: one readdir(3) of it.
    std::vector<qint32> pids() const;
    std::optional<ProcPidParser::Stat> stat(qint32 pid);
    // Fills uid and unit of a process seen for the first time; false when it is gone.
    bool identify(qint32 pid, ProcessOwner &owner);
    // The socket inodes among its descriptors (one readdir and one readlink each). Denied: another
    // user's process (EACCES without CAP_SYS_PTRACE, ptrace_may_access in fs/proc/fd.c).
    Access sockets(qint32 pid, std::vector<quint64> &inodes) const;
    // NUL-separated argv joined by spaces; empty when gone or a kernel thread.
    QString commandLine(qint32 pid);

private:
    bool readSmall(qint32 pid, const char *file);

    int m_root = -1;
    QByteArray m_buffer; // the last small file read
};
