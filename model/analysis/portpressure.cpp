#include "analysis/portpressure.h"

#include "core/socketkey.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

int PortPressure::reservedInRange(const QString &list, int first, int last)
{
    std::unordered_set<int> ports;
    const QStringList parts = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QString t = p.trimmed();
        bool ok1 = false, ok2 = false;
        int lo = t.section(QLatin1Char('-'), 0, 0).toInt(&ok1);
        int hi = t.contains(QLatin1Char('-')) ? t.section(QLatin1Char('-'), 1, 1).toInt(&ok2) : lo;
        if (!ok1 || (t.contains(QLatin1Char('-')) && !ok2))
            continue;
        lo = std::max(lo, first);
        hi = std::min(hi, last);
        for (int port = lo; port <= hi; ++port)
            ports.insert(port);
    }
    return int(ports.size());
}

// Keyed by a SocketKey with the local port zeroed: that is exactly D (family, both IPs, remote port). On macOS
// the remote end is zeroed too: xnu in_pcbbind looks a free port up by local address and port only.
std::optional<SocketKey> PortPressure::destination(const SocketEntry &s, const Result &r)
{
    if (s.state == TcpState::Listen || s.remotePort == 0 || r.listenPorts.count(s.localPort))
        return std::nullopt;
    if (s.localPort < r.first || s.localPort > r.last)
        return std::nullopt;
    SocketKey k = SocketKey::of(s);
    k.localPort = 0;
    if (r.perLocalAddress) {
        k.remote = {};
        k.remotePort = 0;
    }
    return k;
}

bool PortPressure::counts(const SocketEntry &s, const Result &r, const Destination &d)
{
    const auto k = destination(s, r);
    return k && *k == d.key;
}

PortPressure::Result PortPressure::compute(const Snapshot &snapshot, int limit)
{
    Result r;
    const Tunables &t = snapshot.tunables();
    auto first = t.intValue(QStringLiteral("net.ipv4.ip_local_port_range"), 0);
    auto last = t.intValue(QStringLiteral("net.ipv4.ip_local_port_range"), 1);
    if (!first || !last) { // BSD names
        first = t.intValue(QStringLiteral("net.inet.ip.portrange.first"));
        last = t.intValue(QStringLiteral("net.inet.ip.portrange.last"));
    }
    if (!first || !last || *last < *first)
        return r;
    r.valid = true;
    r.first = int(*first);
    r.last = int(*last);
    r.reserved = reservedInRange(t.value(QStringLiteral("net.ipv4.ip_local_reserved_ports")), r.first, r.last);

    // Ports a listener holds are not available to connect(); connections accepted on them are inbound.
    for (const SocketEntry &s : snapshot.sockets()) {
        if (s.state == TcpState::Listen)
            r.listenPorts.insert(s.localPort);
    }
    for (quint16 p : r.listenPorts)
        r.listenersInRange += (p >= r.first && p <= r.last) ? 1 : 0;
    r.capacity = std::max(1, r.last - r.first + 1 - r.reserved - r.listenersInRange);

    r.perLocalAddress = snapshot.os() == QLatin1String("Darwin");
    std::unordered_map<SocketKey, int, SocketKey::Hash> used;
    for (const SocketEntry &s : snapshot.sockets()) {
        if (const auto k = destination(s, r))
            ++used[*k];
    }
    for (const auto &[k, n] : used) {
        const QString remote
            = r.perLocalAddress ? QString() : SocketEntry::endpointText(k.family, k.remote, k.remotePort);
        r.top.push_back({ SocketEntry::addressText(k.family, k.local), remote, n, double(n) / r.capacity, k });
    }
    std::sort(r.top.begin(), r.top.end(), [](const Destination &a, const Destination &b) {
        if (a.used != b.used)
            return a.used > b.used;
        return a.remote != b.remote ? a.remote < b.remote : a.localAddress < b.localAddress;
    });
    if (qsizetype(r.top.size()) > limit)
        r.top.resize(size_t(limit));
    return r;
}
