#pragma once

#include "core/socketentry.h"

#include <cstring>

// Connection identity: family + local + remote endpoint. Listeners also carry their inode,
// because SO_REUSEPORT lets several listen on one address and port.
struct SocketKey
{
    std::array<quint8, 16> local {};
    std::array<quint8, 16> remote {};
    quint64 listenInode = 0;
    quint16 localPort = 0;
    quint16 remotePort = 0;
    AddressFamily family = AddressFamily::IPv4;

    static SocketKey of(const SocketEntry &e)
    {
        SocketKey k;
        k.local = e.localAddr;
        k.remote = e.remoteAddr;
        k.listenInode = e.state == TcpState::Listen ? e.inode : 0;
        k.localPort = e.localPort;
        k.remotePort = e.remotePort;
        k.family = e.family;
        return k;
    }

    bool operator==(const SocketKey &o) const
    {
        return localPort == o.localPort && remotePort == o.remotePort && family == o.family
            && listenInode == o.listenInode && local == o.local && remote == o.remote;
    }

    // Identity and hash straight from entries, without building keys: the per-socket hot path of
    // Snapshot's duplicate check and the tracker. hashOf(e) == Hash {}(of(e)).
    static bool sameIdentity(const SocketEntry &a, const SocketEntry &b)
    {
        const quint64 ia = a.state == TcpState::Listen ? a.inode : 0;
        const quint64 ib = b.state == TcpState::Listen ? b.inode : 0;
        return a.localPort == b.localPort && a.remotePort == b.remotePort && a.family == b.family && ia == ib
            && a.localAddr == b.localAddr && a.remoteAddr == b.remoteAddr;
    }
    static quint64 hashOf(const SocketEntry &e)
    {
        return hash(e.localAddr.data(), e.remoteAddr.data(), e.localPort, e.remotePort,
            e.state == TcpState::Listen ? e.inode : 0, e.family);
    }

    struct Hash
    {
        size_t operator()(const SocketKey &k) const noexcept
        {
            return size_t(hash(k.local.data(), k.remote.data(), k.localPort, k.remotePort, k.listenInode, k.family));
        }
    };

private:
    // Seven 64-bit words, one multiply each (was byte-wise FNV-1a: 44 serial multiplies).
    static quint64 hash(
        const quint8 *local, const quint8 *remote, quint16 lport, quint16 rport, quint64 inode, AddressFamily family)
    {
        quint64 w[2];
        quint64 h = 0x243f6a8885a308d3ull ^ quint64(family);
        auto mix = [&h](quint64 v) {
            h = (h ^ v) * 0x9e3779b97f4a7c15ull;
            h ^= h >> 29;
        };
        std::memcpy(w, local, 16);
        mix(w[0]);
        mix(w[1]);
        std::memcpy(w, remote, 16);
        mix(w[0]);
        mix(w[1]);
        mix(quint64(lport) << 16 | rport);
        mix(inode);
        h *= 0xbf58476d1ce4e5b9ull;
        return h ^ (h >> 31);
    }
};

inline size_t qHash(const SocketKey &k, size_t seed = 0) noexcept
{
    return SocketKey::Hash {}(k) ^ seed;
}
