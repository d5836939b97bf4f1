#include "core/tcpstatemachine.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <limits>

namespace {
using S = TcpState;
using P = TcpTransition::Path;

// RFC 9293 §3.3.2 (Figure 5 and Notes 1-3), RFC 1122 §4.2.2.13, tcp(7). Weights: 1 usual, 3 rare, 6 abort.
constexpr TcpTransition table[] = {
    { S::Close, S::Listen, "passive OPEN", "", P::Server, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The application calls listen(): the socket waits for connection requests. Nothing is sent."),
        "RFC 9293 §3.3.2; listen(2)" },
    { S::Close, S::SynSent, "active OPEN", "send SYN", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The application calls connect(): the kernel picks an ephemeral port if none is bound, sends a SYN "
            "and waits for the peer's SYN,ACK."),
        "RFC 9293 §3.3.2, §3.5" },
    { S::Listen, S::SynRecv, "rcv SYN", "send SYN,ACK", P::Server, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "A SYN arrives at a listener. The kernel answers SYN,ACK and keeps a request socket (NEW_SYN_RECV on "
            "Linux since 4.1) until the handshake's last ACK."),
        "RFC 9293 §3.5" },
    { S::Listen, S::SynSent, "SEND", "send SYN", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "RFC 793 lets a listening socket turn into an active open when the user sends data. Sockets APIs "
            "do not offer this."),
        "RFC 9293 §3.3.2" },
    { S::Listen, S::Close, "CLOSE", "", P::Server, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine", "The listener is closed; pending requests are reset."),
        "RFC 9293 §3.10.4" },
    { S::SynSent, S::Close, "CLOSE or timeout", "", P::Client, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The connect attempt is abandoned: closed by the application, refused by an RST, or it ran out of "
            "SYN retries (tcp_syn_retries)."),
        "RFC 9293 §3.10.4; tcp(7)" },
    { S::SynSent, S::Established, "rcv SYN,ACK", "send ACK", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The peer accepted: its SYN,ACK acknowledges our SYN, we acknowledge its SYN, and data can flow."),
        "RFC 9293 §3.5" },
    { S::SynSent, S::SynRecv, "rcv SYN", "send SYN,ACK", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "Simultaneous open: both ends sent a SYN at the same time. Each answers the other's SYN."),
        "RFC 9293 §3.5, Figure 7" },
    { S::SynRecv, S::Established, "rcv ACK of SYN", "", P::Server, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The handshake's last ACK arrives. The connection is complete and waits in the accept queue."),
        "RFC 9293 §3.5" },
    { S::SynRecv, S::FinWait1, "CLOSE", "send FIN", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine", "The application closes before the handshake completes; a FIN is sent."),
        "RFC 9293 §3.3.2" },
    { S::SynRecv, S::Listen, "rcv RST", "", P::Other, 3,
        QT_TRANSLATE_NOOP(
            "TcpStateMachine", "A reset during the handshake returns a passively opened connection to LISTEN."),
        "RFC 9293 §3.3.2 Note 1" },
    { S::Established, S::FinWait1, "CLOSE", "send FIN", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "This end closes first (the active closer): it sends FIN and waits for the ACK. This end will pass "
            "through TIME-WAIT."),
        "RFC 9293 §3.6" },
    { S::Established, S::CloseWait, "rcv FIN", "send ACK", P::Server, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The peer closed first. The kernel acknowledges the FIN; the application reads end-of-file and must "
            "call close(). Sockets that stay here mean the application never closes them."),
        "RFC 9293 §3.6" },
    { S::FinWait1, S::FinWait2, "rcv ACK of FIN", "", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The peer acknowledged our FIN. Our direction is closed; we wait for the peer's FIN. If the "
            "application already closed, Linux drops the socket after tcp_fin_timeout."),
        "RFC 9293 §3.6; tcp(7)" },
    { S::FinWait1, S::Closing, "rcv FIN", "send ACK", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "Simultaneous close: the peer's FIN arrives before the ACK of ours. When the two FINs cross, both "
            "ends go through CLOSING; either way this end ends in TIME-WAIT."),
        "RFC 9293 §3.6, Figure 13" },
    { S::FinWait1, S::TimeWait, "rcv FIN,ACK", "send ACK", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The peer's FIN arrives in the same segment as the ACK of our FIN, skipping FIN-WAIT-2."),
        "RFC 9293 §3.3.2 Note 2" },
    { S::FinWait2, S::TimeWait, "rcv FIN", "send ACK", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "The peer's FIN arrives; we acknowledge it and wait 2 x MSL (60 s fixed on Linux) so a lost last ACK "
            "can be resent and old duplicates expire."),
        "RFC 9293 §3.6; RFC 1185 §3.2" },
    { S::FinWait2, S::Close, "tcp_fin_timeout", "", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "Not in the RFC: Linux drops an orphaned FIN-WAIT-2 (the application closed) when the peer has not "
            "sent its FIN within tcp_fin_timeout (default 60 s). FreeBSD drops one idle for 10 min (TP_MAXIDLE), "
            "sooner with net.inet.tcp.fast_finwait2_recycle."),
        "tcp(7) tcp_fin_timeout; FreeBSD sys/netinet/tcp_timer.c tcp_timer_2msl" },
    { S::Closing, S::TimeWait, "rcv ACK of FIN", "", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "After a simultaneous close the peer acknowledges our FIN; this end now waits in TIME-WAIT."),
        "RFC 9293 §3.6" },
    { S::CloseWait, S::LastAck, "CLOSE", "send FIN", P::Server, 1,
        QT_TRANSLATE_NOOP(
            "TcpStateMachine", "The application closes its side; the kernel sends its FIN and waits for the last ACK."),
        "RFC 9293 §3.6" },
    { S::LastAck, S::Close, "rcv ACK of FIN", "", P::Server, 1,
        QT_TRANSLATE_NOOP(
            "TcpStateMachine", "The peer acknowledged our FIN: the connection is gone without TIME-WAIT on this side."),
        "RFC 9293 §3.6" },
    { S::TimeWait, S::Close, "timeout 2MSL", "", P::Client, 1,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "TIME-WAIT ends. Linux holds it a fixed 60 s (TCP_TIMEWAIT_LEN); FreeBSD 2 x net.inet.tcp.msl."),
        "RFC 9293 §3.6.1 (MUST-13); include/net/tcp.h" },
    // TIME-WAIT assassination: with tcp_rfc1337=0 (the default) Linux kills the TIME-WAIT socket on an RST
    // whose sequence number is rcv_nxt (net/ipv4/tcp_minisocks.c tcp_timewait_state_process).
    { S::TimeWait, S::Close, "rcv RST", "", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "TIME-WAIT assassination: an RST that arrives in TIME-WAIT ends it early, before the 60 s are up, so a new "
            "connection on the same four-tuple can start while old duplicates are still in the network. Linux does "
            "this with net.ipv4.tcp_rfc1337 = 0, its "
            "default, for an RST whose sequence number is exactly the next expected one; with tcp_rfc1337 = 1 "
            "the RST is ignored, as RFC 1337 recommends."),
        "RFC 1337 §3; net/ipv4/tcp_minisocks.c tcp_timewait_state_process; tcp(7) tcp_rfc1337" },
    { S::TimeWait, S::SynRecv, "rcv acceptable SYN", "send SYN,ACK", P::Other, 3,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "A new SYN for the same four-tuple may reopen the connection from TIME-WAIT. Linux accepts it only if "
            "PAWS does not reject it and its sequence number is beyond rcv_nxt or its timestamp is newer: a SYN "
            "with an older TSval is refused even with a higher sequence number. Since Linux 7.0 timestamp offsets "
            "are per four-tuple, so clients behind a port-randomising NAT can be refused."),
        "RFC 1122 §4.2.2.13; RFC 6191; net/ipv4/tcp_minisocks.c tcp_timewait_state_process" },
    // Resets (RFC 9293 §3.10.7) and aborts (§3.10.5). Linux aborts to CLOSE without TIME-WAIT (tcp_disconnect).
    { S::SynRecv, S::Close, "rcv RST / ABORT", "send RST", P::Abort, 6,
        QT_TRANSLATE_NOOP(
            "TcpStateMachine", "A reset, or abort (SO_LINGER 0), ends the connection at once. No TIME-WAIT follows."),
        "RFC 9293 §3.10.5, §3.10.7" },
    { S::Established, S::Close, "rcv RST / ABORT", "send RST", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "A reset, or abort (SO_LINGER 0, or close() with unread data), ends the connection at once. No "
            "TIME-WAIT follows."),
        "RFC 9293 §3.10.5, §3.10.7; tcp(7)" },
    { S::FinWait1, S::Close, "rcv RST / ABORT", "send RST", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine", "A reset or abort ends the connection at once."),
        "RFC 9293 §3.10.5, §3.10.7" },
    { S::FinWait2, S::Close, "rcv RST / ABORT", "send RST", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine", "A reset or abort ends the connection at once."),
        "RFC 9293 §3.10.5, §3.10.7" },
    { S::CloseWait, S::Close, "rcv RST / ABORT", "send RST", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine", "A reset or abort ends the connection at once."),
        "RFC 9293 §3.10.5, §3.10.7" },
    { S::Closing, S::Close, "rcv RST / ABORT", "", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "A reset or abort ends the connection at once. An abort in this state sends no RST: the FIN is already "
            "out."),
        "RFC 9293 §3.10.5, §3.10.7" },
    { S::LastAck, S::Close, "rcv RST / ABORT", "", P::Abort, 6,
        QT_TRANSLATE_NOOP("TcpStateMachine",
            "A reset or abort ends the connection at once. An abort in this state sends no RST: the FIN is already "
            "out."),
        "RFC 9293 §3.10.5, §3.10.7" },
};
} // namespace

std::span<const TcpTransition> TcpStateMachine::transitions()
{
    return table;
}

const TcpTransition *TcpStateMachine::find(TcpState from, TcpState to)
{
    // Several entries may join the same pair (LAST_ACK -> CLOSED by ACK or RST): the first is the usual one.
    for (const TcpTransition &t : table) {
        if (t.from == from && t.to == to)
            return &t;
    }
    return nullptr;
}

TcpState TcpStateMachine::diagramState(TcpState s)
{
    switch (s) {
    case S::NewSynRecv:
        return S::SynRecv;
    case S::BoundInactive:
    case S::Unknown:
        return S::Close;
    default:
        return s;
    }
}

QList<TcpState> TcpStateMachine::inferPath(TcpState from, TcpState to, std::span<const TcpState> avoid)
{
    from = diagramState(from);
    to = diagramState(to);
    if (from == to)
        return { from };
    // Dijkstra over at most 11 nodes; ties broken by table order, so results are stable.
    constexpr int N = TcpStates::Count;
    constexpr int inf = std::numeric_limits<int>::max();
    std::array<int, N> dist;
    std::array<int, N> prev;
    std::array<bool, N> done {};
    dist.fill(inf);
    prev.fill(-1);
    dist[TcpStates::index(from)] = 0;
    auto avoided = [&](TcpState s) { return s != to && std::find(avoid.begin(), avoid.end(), s) != avoid.end(); };
    for (;;) {
        int u = -1;
        for (int i = 0; i < N; ++i) {
            if (!done[i] && dist[i] != inf && (u < 0 || dist[i] < dist[u]))
                u = i;
        }
        if (u < 0 || u == TcpStates::index(to))
            break;
        done[u] = true;
        for (const TcpTransition &t : table) {
            if (TcpStates::index(t.from) != u || avoided(t.to))
                continue;
            const int v = TcpStates::index(t.to);
            if (dist[u] + t.weight < dist[v]) {
                dist[v] = dist[u] + t.weight;
                prev[v] = u;
            }
        }
    }
    if (dist[TcpStates::index(to)] == inf)
        return {};
    QList<TcpState> path;
    for (int v = TcpStates::index(to); v >= 0; v = prev[v])
        path.prepend(static_cast<TcpState>(v));
    return path;
}
