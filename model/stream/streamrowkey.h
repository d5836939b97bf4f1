#pragma once

#include "core/socketentry.h"

#include <QByteArrayView>
#include <QHashFunctions>

// A row's key in a version 2 stream (docs/stream-format.md): local and remote endpoint and inode.
// Binary, so a 100k-row table hashes addresses rather than their hex text.
struct StreamRowKey
{
    std::array<quint8, 16> local {};
    std::array<quint8, 16> remote {};
    quint64 inode = 0;
    quint16 localPort = 0;
    quint16 remotePort = 0;
    AddressFamily family = AddressFamily::IPv4;

    static StreamRowKey of(const SocketEntry &e);
    // "LOCAL REM INODE" as a @gone or @cookies line starts; the family follows from the field's length.
    // `rest` gets what follows the key (a @cookies line's cookie). False when the text is no key.
    static bool parse(QByteArrayView line, StreamRowKey &key, QByteArrayView *rest = nullptr);

    friend bool operator==(const StreamRowKey &a, const StreamRowKey &b)
    {
        return a.inode == b.inode && a.localPort == b.localPort && a.remotePort == b.remotePort && a.family == b.family
            && a.local == b.local && a.remote == b.remote;
    }
    friend size_t qHash(const StreamRowKey &k, size_t seed = 0) noexcept
    {
        return qHashMulti(
            seed, qHashBits(k.local.data(), 16), qHashBits(k.remote.data(), 16), k.inode, k.localPort, k.remotePort);
    }
};
