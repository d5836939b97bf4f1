#pragma once

#include "core/processowner.h"
#include "core/socketentry.h"

#include <QString>

#include <array>
#include <unordered_map>
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

    // Sockets a process can hold: BSD rows have no inode, and inode 0 has no holder.
    static bool holdable(const SocketEntry &e) { return e.inode != 0 && e.kind != RowKind::BsdPcb; }
    // The owners of `sockets` from an inode -> owner map (a scan's, or a stream's owner table);
    // `why(e)` says why a holdable socket missing from it has no owner.
    template<typename Why>
    static SocketOwners fromInodes(
        const std::vector<SocketEntry> &sockets, const std::unordered_map<quint64, ProcessOwnerPtr> &byInode, Why why)
    {
        SocketOwners o;
        o.slots.assign(sockets.size(), 0);
        std::unordered_map<const ProcessOwner *, quint32> slotOf;
        for (size_t i = 0; i < sockets.size(); ++i) {
            const SocketEntry &e = sockets[i];
            if (!holdable(e)) {
                ++o.missing[size_t(Missing::NoProcess)];
            } else if (const auto it = byInode.find(e.inode); it != byInode.end()) {
                const auto [slot, added] = slotOf.try_emplace(it->second.get(), quint32(o.processes.size() + 1));
                if (added)
                    o.processes.push_back(it->second);
                o.slots[i] = slot->second;
            } else {
                ++o.missing[size_t(why(e))];
            }
        }
        return o;
    }
};
