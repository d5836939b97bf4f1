#pragma once

#include "core/processowner.h"
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
//
// Owner terms are tcpscope's own (ss has none; its -p column only prints users:(("name",pid=N,fd=F))):
// `process NAME` is the comm of proc(5) exactly, or a prefix when NAME ends in '*'; `pid N`; `unit NAME`
// is the systemd unit or container scope exactly. A socket whose owner is unknown matches none of them,
// so `not process x` keeps it.
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
        Process, // ProcessOwner::name == texts()[text], or starts with it when prefix
        Pid, // ProcessOwner::pid == port
        Unit, // ProcessOwner::unit == texts()[text]
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
        qint32 text = -1; // owner terms: index into texts()
        bool prefix = false; // Process: the name only has to start with the text (NAME*)
        std::array<quint8, 16> addr {}; // network byte order, IPv4 in the first 4 bytes
    };

    // Bits by TcpState code (include/net/tcp_states.h), as ss's SS_* masks in misc/ss.c.
    static constexpr quint32 stateBit(TcpState s) { return 1u << quint32(s); }
    static constexpr quint32 AllStates = (1u << 12) - 1; // SS_ALL: UNKNOWN..CLOSING

    bool isEmpty() const { return m_root < 0 && m_states == AllStates && !m_family; }
    // owner: who holds the socket, nullptr when unknown (then every owner term is false).
    bool matches(const SocketEntry &e, const ProcessOwner *owner = nullptr) const;
    // The snapshot with only the matching sockets, counted again, and their owners when it has them
    // (the missing-owner counts of the kept sockets are estimated: OwnerLookup::attach gives exact ones).
    Snapshot filtered(const Snapshot &snapshot) const;
    // The expression has process, pid or unit terms: matching needs the sockets' owners.
    bool hasOwnerTerms() const { return m_ownerTerms; }

    quint32 states() const { return m_states; }
    void setStates(quint32 mask) { m_states = mask; }
    std::optional<AddressFamily> family() const { return m_family; }
    void setFamily(std::optional<AddressFamily> family) { m_family = family; }
    // Appends a node and returns its index; setRoot names the top of the tree.
    int add(const Node &node);
    // Stores a process or unit name for an owner term's Node::text.
    int addText(const QString &text);
    const std::vector<QString> &texts() const { return m_texts; }
    void setRoot(int node) { m_root = node; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    int root() const { return m_root; }

private:
    // kernel: as net/ipv4/inet_diag.c inet_diag_bc_run(); else as run_ssfilter() in misc/ss.c.
    bool eval(int node, const SocketEntry &e, const ProcessOwner *owner, bool kernel) const;
    bool ownerMatches(const Node &n, const ProcessOwner *owner) const;
    static bool hostMatches(
        const Node &n, const std::array<quint8, 16> &addr, quint16 port, AddressFamily family, bool kernel);

    std::vector<Node> m_nodes;
    std::vector<QString> m_texts;
    bool m_ownerTerms = false;
    int m_root = -1;
    quint32 m_states = AllStates;
    std::optional<AddressFamily> m_family;
};
