#pragma once

#include "core/snapshot.h"
#include "core/socketentry.h"

#include <optional>
#include <vector>

// A compiled ss(8) filter expression (parse/ssfilterparser.h builds one): the state set of ss's
// `state` and `exclude` words, the family an `inet:` or `inet6:` prefix restricts the whole query to,
// and a tree of terms in one flat array. matches() walks the array by index: no allocation, so a
// table proxy can test 100k rows per keystroke. A default SsFilter matches every socket.
//
// ss runs an expression twice: compiled to inet_diag bytecode in the kernel and again with
// run_ssfilter() on what the kernel returned (iproute2 misc/ss.c), and shows what passes both. The two
// differ on host terms: the kernel also compares the family, user space compares raw address bytes
// and lets a /0 prefix match anything, so `! src [::/0]` shows no socket at all. matches() does both.
class SsFilter
{
public:
    enum class Op : quint8 {
        And,
        Or,
        Not,
        Src, // local address, prefix and port
        Dst, // remote address, prefix and port
        SrcPortGe,
        SrcPortLe,
        DstPortGe,
        DstPortLe,
    };
    // One node; And/Or use left and right, Not only left (indexes into the node array).
    struct Node
    {
        Op op = Op::And;
        quint8 family = 0; // host terms: 0 any, 4 or 6 (an address or inet:/inet6: given)
        quint8 prefixLen = 0; // host terms: 0 = any address
        qint32 port = -1; // host terms: -1 = any port; port comparisons: the bound
        qint32 left = -1;
        qint32 right = -1;
        std::array<quint8, 16> addr {}; // network byte order, IPv4 in the first 4 bytes
    };

    // Bits by TcpState code (include/net/tcp_states.h), as ss's SS_* masks in misc/ss.c.
    static constexpr quint32 stateBit(TcpState s) { return 1u << quint32(s); }
    static constexpr quint32 AllStates = (1u << 12) - 1; // SS_ALL: UNKNOWN..CLOSING

    bool isEmpty() const { return m_root < 0 && m_states == AllStates && !m_family; }
    bool matches(const SocketEntry &e) const;
    // The snapshot with only the matching sockets, counted again.
    Snapshot filtered(const Snapshot &snapshot) const;

    quint32 states() const { return m_states; }
    void setStates(quint32 mask) { m_states = mask; }
    std::optional<AddressFamily> family() const { return m_family; }
    void setFamily(std::optional<AddressFamily> family) { m_family = family; }
    // Appends a node and returns its index; setRoot names the top of the tree.
    int add(const Node &node);
    void setRoot(int node) { m_root = node; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    int root() const { return m_root; }

private:
    // kernel: as net/ipv4/inet_diag.c inet_diag_bc_run(); else as run_ssfilter() in misc/ss.c.
    bool eval(int node, const SocketEntry &e, bool kernel) const;
    static bool hostMatches(
        const Node &n, const std::array<quint8, 16> &addr, quint16 port, AddressFamily family, bool kernel);

    std::vector<Node> m_nodes;
    int m_root = -1;
    quint32 m_states = AllStates;
    std::optional<AddressFamily> m_family;
};
