#pragma once

#include <QString>

#include <memory>

// The process that holds a socket, as /proc/PID shows it (proc(5)). One per process, shared by all its
// sockets; its full command line is read only when asked for (OwnerScanner::commandLine).
struct ProcessOwner
{
    qint32 pid = 0;
    quint64 startTicks = 0; // /proc/PID/stat field 22 (starttime): with pid, one process across pid reuse
    quint32 uid = 0;
    QString name; // comm, at most 15 bytes (TASK_COMM_LEN, include/linux/sched.h)
    QString user; // login name, or the uid as text
    QString unit; // "nginx.service", "docker-1a2b3c4d5e6f" from /proc/PID/cgroup; empty when none

    // "nginx (1234)"
    QString label() const { return QStringLiteral("%1 (%2)").arg(name).arg(pid); }
};
using ProcessOwnerPtr = std::shared_ptr<const ProcessOwner>;
