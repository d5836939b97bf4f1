#include "models/roworder.h"

#include "models/connectiontablemodel.h"

#include <algorithm>
#include <cstring>

RowOrder::EndpointKey RowOrder::endpointKey(const std::array<quint8, 16> &addr, quint16 port)
{
    EndpointKey k;
    std::copy(addr.begin(), addr.end(), k.begin());
    k[16] = quint8(port >> 8);
    k[17] = quint8(port);
    return k;
}

int RowOrder::compare(const TrackedSocket &ra, const TrackedSocket &rb, int column)
{
    using C = ConnectionTableModel;
    const SocketEntry &a = ra.entry;
    const SocketEntry &b = rb.entry;
    auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    auto endpoint = [](const std::array<quint8, 16> &x, quint16 xp, const std::array<quint8, 16> &y, quint16 yp) {
        const EndpointKey kx = endpointKey(x, xp);
        const EndpointKey ky = endpointKey(y, yp);
        const int c = std::memcmp(kx.data(), ky.data(), kx.size());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    };
    switch (column) {
    case C::FamilyColumn:
        return cmp(int(a.family), int(b.family));
    case C::LocalColumn:
        return endpoint(a.localAddr, a.localPort, b.localAddr, b.localPort);
    case C::RemoteColumn:
        return endpoint(a.remoteAddr, a.remotePort, b.remoteAddr, b.remotePort);
    case C::StateColumn:
        return cmp(int(a.state), int(b.state));
    case C::TimeInStateColumn:
        return cmp(ra.stateSinceMs, rb.stateSinceMs);
    case C::TimerColumn:
        return cmp(int(a.timer), int(b.timer));
    case C::TimerRemainingColumn:
        return cmp(
            a.timer == TimerKind::None ? -1 : qint64(a.timerMs), b.timer == TimerKind::None ? -1 : qint64(b.timerMs));
    case C::SendQColumn:
        return cmp(a.txQueue, b.txQueue);
    case C::RecvQColumn:
        return cmp(a.rxQueue, b.rxQueue);
    case C::RetransmitsColumn:
        return cmp(a.retransmits, b.retransmits);
    case C::UidColumn:
    case C::UserColumn:
        return cmp(a.uid, b.uid);
    case C::InodeColumn:
        return cmp(a.inode, b.inode);
    case C::ProcessColumn: {
        if (!ra.owner || !rb.owner) // unknown owners sort first
            return cmp(ra.owner != nullptr, rb.owner != nullptr);
        const int c = ra.owner->name.compare(rb.owner->name);
        return c != 0 ? (c < 0 ? -1 : 1) : cmp(ra.owner->pid, rb.owner->pid);
    }
    default:
        return 0;
    }
}
