#include "core/ssfilter.h"

namespace {
// bitstring_match() of net/ipv4/inet_diag.c: the first `bits` bits of two addresses agree.
bool prefixEqual(const quint8 *a, const quint8 *b, int bits)
{
    const int bytes = bits / 8;
    for (int i = 0; i < bytes; ++i) {
        if (a[i] != b[i])
            return false;
    }
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const auto mask = quint8(0xff << (8 - rest));
    return (a[bytes] & mask) == (b[bytes] & mask);
}

// Request sockets count as SYN-RECV and bound-only ones as CLOSED, as ss prints them.
TcpState ssState(TcpState s)
{
    if (s == TcpState::NewSynRecv)
        return TcpState::SynRecv;
    if (s == TcpState::BoundInactive)
        return TcpState::Close;
    return s;
}

// The owners of the sockets filtered() kept: the same processes (slots index them), the missing ones
// counted again. Sockets no process holds are known from the entry (inode 0, as OwnerScanner decides);
// the others are spread over the original reasons in order, never more than each had.
SocketOwners keptOwners(const SocketOwners &from, const std::vector<SocketEntry> &kept, std::vector<quint32> slots)
{
    using M = SocketOwners::Missing;
    SocketOwners o;
    o.processes = from.processes;
    o.deniedProcesses = from.deniedProcesses;
    for (size_t i = 0; i < kept.size(); ++i) {
        if (slots[i] != 0)
            continue;
        M why = M::NoProcess;
        if (kept[i].inode != 0 && kept[i].kind != RowKind::BsdPcb) {
            why = M::NotScanned;
            for (M m : { M::OtherUsers, M::NotFound }) {
                if (o.count(m) < from.count(m)) {
                    why = m;
                    break;
                }
            }
        }
        ++o.missing[size_t(why)];
    }
    o.slots = std::move(slots);
    return o;
}
} // namespace

int SsFilter::add(const Node &node)
{
    m_nodes.push_back(node);
    m_ownerTerms = m_ownerTerms || node.op == Op::Process || node.op == Op::Pid || node.op == Op::Unit;
    return int(m_nodes.size()) - 1;
}

int SsFilter::addText(const QString &text)
{
    m_texts.push_back(text);
    return int(m_texts.size()) - 1;
}

bool SsFilter::matches(const SocketEntry &e, const ProcessOwner *owner) const
{
    if (!(m_states & stateBit(ssState(e.state))))
        return false;
    if (m_family && e.family != *m_family)
        return false;
    return m_root < 0 || (eval(m_root, e, owner, true) && eval(m_root, e, owner, false));
}

// QString == and startsWith compare in place: no allocation per row.
bool SsFilter::ownerMatches(const Node &n, const ProcessOwner *owner) const
{
    if (!owner)
        return false;
    if (n.op == Op::Pid)
        return owner->pid == n.port;
    const QString &text = m_texts[size_t(n.text)];
    if (n.op == Op::Unit)
        return owner->unit == text;
    return n.prefix ? owner->name.startsWith(text) : owner->name == text;
}

// Host terms. The kernel (inet_diag_bc_run, INET_DIAG_BC_S_COND / D_COND) wants the port, then the
// family, where an IPv4 term also matches a v4-mapped IPv6 address, then the prefix. User space
// (run_ssfilter, inet2_addr_match) wants the port, then takes a /0 as a match and compares the
// prefix on the raw bytes, trying the v4-mapped tail for an IPv4 term.
bool SsFilter::hostMatches(
    const Node &n, const std::array<quint8, 16> &addr, quint16 port, AddressFamily family, bool kernel)
{
    if (n.port != -1 && n.port != port)
        return false;
    static constexpr quint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    const bool mappedMatch = n.family == 4 && family == AddressFamily::IPv6 && prefixEqual(addr.data(), mapped, 96)
        && prefixEqual(addr.data() + 12, n.addr.data(), n.prefixLen);
    if (!kernel)
        return n.prefixLen == 0 || prefixEqual(addr.data(), n.addr.data(), n.prefixLen) || mappedMatch;
    if (n.family != 0 && n.family != quint8(family))
        return mappedMatch;
    return n.prefixLen == 0 || prefixEqual(addr.data(), n.addr.data(), n.prefixLen);
}

bool SsFilter::eval(int index, const SocketEntry &e, const ProcessOwner *owner, bool kernel) const
{
    const Node &n = m_nodes[size_t(index)];
    // Port bounds: the kernel compares u32 operands (a '*' bound is ~0), user space signed ints (-1).
    const auto ge = [&](quint16 port) { return kernel ? port >= quint32(n.port) : port >= n.port; };
    const auto le = [&](quint16 port) { return kernel ? port <= quint32(n.port) : port <= n.port; };
    switch (n.op) {
    case Op::And:
        return eval(n.left, e, owner, kernel) && eval(n.right, e, owner, kernel);
    case Op::Or:
        return eval(n.left, e, owner, kernel) || eval(n.right, e, owner, kernel);
    case Op::Not:
        return !eval(n.left, e, owner, kernel);
    case Op::Src:
        return hostMatches(n, e.localAddr, e.localPort, e.family, kernel);
    case Op::Dst:
        return hostMatches(n, e.remoteAddr, e.remotePort, e.family, kernel);
    case Op::SrcPortGe:
        return ge(e.localPort);
    case Op::SrcPortLe:
        return le(e.localPort);
    case Op::DstPortGe:
        return ge(e.remotePort);
    case Op::DstPortLe:
        return le(e.remotePort);
    case Op::Process:
    case Op::Pid:
    case Op::Unit:
        return ownerMatches(n, owner);
    }
    return false;
}

Snapshot SsFilter::filtered(const Snapshot &snapshot) const
{
    if (isEmpty() || snapshot.isNull())
        return snapshot;
    const SocketOwners *owners = snapshot.owners();
    const std::vector<SocketEntry> &all = snapshot.sockets();
    std::vector<SocketEntry> kept;
    std::vector<quint32> slots;
    for (size_t i = 0; i < all.size(); ++i) {
        const ProcessOwnerPtr *owner = owners ? owners->at(i) : nullptr;
        if (!matches(all[i], owner ? owner->get() : nullptr))
            continue;
        kept.push_back(all[i]);
        if (owners)
            slots.push_back(i < owners->slots.size() ? owners->slots[i] : 0);
    }
    Snapshot out = snapshot.withSockets(std::move(kept));
    return owners ? out.withOwners(keptOwners(*owners, out.sockets(), std::move(slots))) : out;
}
