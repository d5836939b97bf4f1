#include "core/snapshot.h"

#include "core/socketkey.h"

#include "core/flatindex.h"

Snapshot::Snapshot() = default;

Snapshot::Snapshot(SnapshotData data)
{
    auto f = std::make_shared<Frozen>();
    f->data = std::move(data);
    auto &sockets = f->data.sockets;
    // /proc is read a page at a time and rows can repeat between reads (net/ipv4/tcp_ipv4.c tcp_seek_last_pos).
    // A flat index of row numbers: no allocation per socket (docs/performance.md).
    FlatIndex seen;
    seen.reserve(sockets.size());
    size_t out = 0;
    for (size_t i = 0; i < sockets.size(); ++i) {
        const SocketEntry &e = sockets[i];
        const quint64 h = SocketKey::hashOf(e);
        if (seen.find(h, [&](qint32 row) { return SocketKey::sameIdentity(sockets[size_t(row)], e); })
            != FlatIndex::NotFound) {
            ++f->duplicates;
            continue;
        }
        if (out != i)
            sockets[out] = sockets[i];
        seen.insert(h, qint32(out));
        ++out;
    }
    sockets.resize(out);
    for (const SocketEntry &s : sockets) {
        const int fam = s.family == AddressFamily::IPv4 ? 0 : 1;
        ++f->counts[fam][TcpStates::index(s.state)];
    }
    m_d = std::move(f);
}

Snapshot Snapshot::withOwners(SocketOwners owners) const
{
    Snapshot s = *this;
    s.m_owners = std::make_shared<const SocketOwners>(std::move(owners));
    return s;
}

Snapshot Snapshot::withStateEvents(std::shared_ptr<const StateEvents> events) const
{
    Snapshot s = *this;
    s.m_events = std::move(events);
    return s;
}

Snapshot Snapshot::withSockets(std::vector<SocketEntry> sockets) const
{
    SnapshotData data = d().data; // copies the old sockets once too; only one-shot commands filter this way
    data.sockets = std::move(sockets);
    return Snapshot(std::move(data));
}

const Snapshot::Frozen &Snapshot::d() const
{
    static const Frozen empty;
    return m_d ? *m_d : empty;
}

const Snapshot::Counts &Snapshot::counts(AddressFamily family) const
{
    return d().counts[family == AddressFamily::IPv4 ? 0 : 1];
}

Snapshot::Counts Snapshot::totalCounts() const
{
    Counts c {};
    for (int i = 0; i < TcpStates::Count; ++i)
        c[i] = d().counts[0][i] + d().counts[1][i];
    return c;
}

int Snapshot::count(TcpState s) const
{
    const int i = TcpStates::index(s);
    return d().counts[0][i] + d().counts[1][i];
}

qint64 Snapshot::timeWaitLengthMs() const
{
    if (os() == QLatin1String("Linux"))
        return 60'000; // TCP_TIMEWAIT_LEN, include/net/tcp.h
    const auto msl = tunables().intValue(QStringLiteral("net.inet.tcp.msl"));
    if (msl)
        return 2 * *msl; // FreeBSD and macOS keep MSL in ms
    return os() == QLatin1String("Darwin") ? 30'000 : 60'000;
}
