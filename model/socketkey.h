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
            // FNV-1a over the identity bytes; cheap and well spread for address data.
            quint64 h = 1469598103934665603ull;
            auto mix = [&h](const void *p, size_t n) {
                const auto *b = static_cast<const quint8 *>(p);
                for (size_t i = 0; i < n; ++i)
                    h = (h ^ b[i]) * 1099511628211ull;
            };
            mix(k.local.data(), 16);
            mix(k.remote.data(), 16);
            mix(&k.localPort, 2);
            mix(&k.remotePort, 2);
            mix(&k.listenInode, 8);
            h ^= quint64(k.family);
            return size_t(h);
        }
    };
};

inline size_t qHash(const SocketKey &k, size_t seed = 0) noexcept
{
    return SocketKey::Hash {}(k) ^ seed;
}
