#pragma once

#include "socketentry.h"

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

    struct Hash
    {
        size_t operator()(const SocketKey &k) const noexcept
        {
            // Seven 64-bit words, one multiply each (was byte-wise FNV-1a: 44 serial multiplies).
            quint64 w[2];
            quint64 h = 0x243f6a8885a308d3ull ^ quint64(k.family);
            auto mix = [&h](quint64 v) {
                h = (h ^ v) * 0x9e3779b97f4a7c15ull;
                h ^= h >> 29;
            };
            std::memcpy(w, k.local.data(), 16);
            mix(w[0]);
            mix(w[1]);
            std::memcpy(w, k.remote.data(), 16);
            mix(w[0]);
            mix(w[1]);
            mix(quint64(k.localPort) << 16 | k.remotePort);
            mix(k.listenInode);
            h *= 0xbf58476d1ce4e5b9ull;
            return size_t(h ^ (h >> 31));
        }
    };
};

inline size_t qHash(const SocketKey &k, size_t seed = 0) noexcept
{
    return SocketKey::Hash {}(k) ^ seed;
}
