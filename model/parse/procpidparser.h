#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// Pure parsers for the files of one process under /proc/PID (proc(5)).
class ProcPidParser
{
public:
    struct Stat
    {
        QString comm;
        quint64 startTicks = 0;
    };
    // /proc/PID/stat: comm (field 2, in parentheses, may hold spaces and ')') and starttime (field 22).
    static std::optional<Stat> stat(QByteArrayView text);
    // The target of a /proc/PID/fd link: "socket:[12345]" -> 12345; anything else -> 0.
    static quint64 socketInode(QByteArrayView link);
    // The systemd unit or container from /proc/PID/cgroup: "0::/system.slice/nginx.service" ->
    // "nginx.service"; ".../docker-<64 hex>.scope" or "/docker/<64 hex>" -> "docker-<12 hex>" (as docker
    // ps shortens ids). Empty when the process is in no unit (the root cgroup).
    static QString unit(QByteArrayView cgroup);
};
