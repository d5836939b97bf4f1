#pragma once

#include "core/processowner.h"

#include <QString>

#include <array>
#include <vector>

// Who holds each socket of one snapshot, in Snapshot::sockets() order, and why the others have none.
// Filled on the poll thread from the last owner scan (core/ownerlookup.h): lookups only, no /proc reads.
struct SocketOwners
{
    // Why a socket has no owner here.
    enum class Missing : quint8 {
        NoProcess, // inode 0: TIME_WAIT, orphan or request socket, held by no process any more
        OtherUsers, // another user's socket: their /proc/PID/fd is closed to us (EACCES, proc(5))
        NotFound, // no process we could read holds it (closed since, or another PID namespace)
        NotScanned, // new since the last scan
        Count
    };

    std::vector<quint32> slots; // per socket: 0 none, else 1 + index into processes
    std::vector<ProcessOwnerPtr> processes;
    std::array<int, int(Missing::Count)> missing {};
    int deniedProcesses = 0; // processes whose fd table we may not read

    const ProcessOwnerPtr *at(size_t socket) const
    {
        const quint32 s = socket < slots.size() ? slots[socket] : 0;
        return s == 0 ? nullptr : &processes[s - 1];
    }
    int count(Missing m) const { return missing[size_t(m)]; }
    // Sockets a process holds that no scan could name: other users', not found, not yet scanned.
    int unknown() const { return count(Missing::OtherUsers) + count(Missing::NotFound) + count(Missing::NotScanned); }
    // Why, in one line for JSON and text output ("312 sockets of other users: run as root or through the
    // agent"); empty when every socket a process holds has its owner.
    QString reason() const;
};
