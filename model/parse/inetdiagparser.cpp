#include "parse/inetdiagparser.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <QCoreApplication>
#include <sys/socket.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("InetDiagParser", text);
}

quint16 fromBe16(quint16 v)
{
    return quint16((v >> 8) | (v << 8));
}

// Full sockets always carry INET_DIAG_SHUTDOWN (inet_diag_msg_attrs_fill); request sockets never do.
bool hasShutdownAttr(const char *attrs, qsizetype len)
{
    while (len >= qsizetype(sizeof(rtattr))) {
        rtattr a;
        std::memcpy(&a, attrs, sizeof a);
        if (a.rta_len < sizeof(rtattr) || qsizetype(a.rta_len) > len)
            return false;
        if (a.rta_type == INET_DIAG_SHUTDOWN)
            return true;
        const qsizetype step = qsizetype(RTA_ALIGN(a.rta_len));
        attrs += step;
        len -= step;
    }
    return false;
}

bool decode(const inet_diag_msg &m, bool shutdownAttr, SocketEntry &e)
{
    if (m.idiag_family == AF_INET) {
        e.family = AddressFamily::IPv4;
        std::memcpy(e.localAddr.data(), m.id.idiag_src, 4);
        std::memcpy(e.remoteAddr.data(), m.id.idiag_dst, 4);
    } else if (m.idiag_family == AF_INET6) {
        e.family = AddressFamily::IPv6;
        std::memcpy(e.localAddr.data(), m.id.idiag_src, 16);
        std::memcpy(e.remoteAddr.data(), m.id.idiag_dst, 16);
    } else {
        return false;
    }
    const auto state = TcpStates::fromCode(m.idiag_state);
    if (!state || m.idiag_timer > 4)
        return false;
    e.localPort = fromBe16(m.id.idiag_sport);
    e.remotePort = fromBe16(m.id.idiag_dport);
    e.state = *state;
    e.timer = static_cast<TimerKind>(m.idiag_timer);
    e.timerMs = e.timer == TimerKind::None ? 0 : m.idiag_expires; // already ms (jiffies_delta_to_msecs)
    e.rxQueue = m.idiag_rqueue;
    // LISTEN: wqueue is the maximum backlog, which /proc does not show; /proc prints 0 there.
    e.txQueue = e.state == TcpState::Listen ? 0 : m.idiag_wqueue;
    // idiag_retrans means icsk_retransmits with the retransmit timer but icsk_probes_out with the
    // keepalive and zero-window timers (inet_sk_diag_fill); /proc prints them in separate columns.
    const bool probeTimer = e.timer == TimerKind::Keepalive || e.timer == TimerKind::ZeroWindowProbe;
    e.retransmits = probeTimer ? 0 : m.idiag_retrans;
    e.probes = probeTimer ? m.idiag_retrans : 0;
    e.uid = m.idiag_uid;
    e.inode = m.idiag_inode;
    e.cookie = quint64(m.id.idiag_cookie[1]) << 32 | m.id.idiag_cookie[0]; // as ss(8) joins the halves
    if (e.timer == TimerKind::TimeWait)
        e.kind = RowKind::TimeWaitSock; // state is tw_substate: 06, or 05 for an orphaned FIN_WAIT2
    else if (e.state == TcpState::SynRecv && e.inode == 0 && !shutdownAttr)
        e.kind = RowKind::Request;
    else
        e.kind = RowKind::Full;
    return true;
}

} // namespace

InetDiagParser::Result InetDiagParser::parse(
    QByteArrayView buffer, std::vector<SocketEntry> &out, ProblemList &problems, const QString &source)
{
    Result r;
    const char *p = buffer.data();
    qsizetype left = buffer.size();
    while (left > 0) {
        nlmsghdr h;
        if (left < qsizetype(sizeof h)) {
            problems.add({ source, 0, tr("%1 stray bytes after the last netlink message").arg(left) });
            r.status = Status::Error;
            return r;
        }
        std::memcpy(&h, p, sizeof h);
        if (h.nlmsg_len < sizeof h || qsizetype(h.nlmsg_len) > left) {
            problems.add({ source, 0, tr("netlink message length %1 out of range").arg(h.nlmsg_len) });
            r.status = Status::Error;
            return r;
        }
        const char *payload = p + NLMSG_HDRLEN;
        const qsizetype payloadLen = qsizetype(h.nlmsg_len) - NLMSG_HDRLEN;
        if (h.nlmsg_type == NLMSG_DONE) {
            r.status = Status::Done;
            return r;
        }
        if (h.nlmsg_type == NLMSG_ERROR) {
            nlmsgerr err {};
            std::memcpy(&err, payload, size_t(qMin<qsizetype>(payloadLen, sizeof err)));
            // The kernel sends -errno; a hostile INT_MIN must not overflow the negation.
            r.error = int(qMin<qint64>(-qint64(err.error), std::numeric_limits<int>::max()));
            r.status = r.error == 0 ? Status::Done : Status::Error; // error 0 is an ACK
            return r;
        }
        if (h.nlmsg_type == SOCK_DIAG_BY_FAMILY) {
            inet_diag_msg m;
            SocketEntry e;
            if (payloadLen < qsizetype(sizeof m)) {
                problems.add({ source, 0, tr("short inet_diag_msg (%1 bytes)").arg(payloadLen) });
            } else {
                std::memcpy(&m, payload, sizeof m);
                const qsizetype attrOffset = NLMSG_ALIGN(sizeof m);
                const bool shut
                    = payloadLen > attrOffset && hasShutdownAttr(payload + attrOffset, payloadLen - attrOffset);
                if (decode(m, shut, e)) {
                    out.push_back(e);
                    ++r.messages;
                } else {
                    problems.add({ source, 0,
                        tr("unusable inet_diag_msg: family %1, state %2, timer %3")
                            .arg(m.idiag_family)
                            .arg(m.idiag_state)
                            .arg(m.idiag_timer) });
                }
            }
        }
        const qsizetype step = qMin<qsizetype>(NLMSG_ALIGN(h.nlmsg_len), left);
        p += step;
        left -= step;
    }
    return r;
}

void InetDiagParser::fillRequestUids(std::vector<SocketEntry> &sockets)
{
    struct Listener
    {
        quint32 key;
        quint32 uid;
    };
    std::vector<Listener> listeners;
    bool anyRequest = false;
    for (const SocketEntry &e : sockets) {
        if (e.state == TcpState::Listen)
            listeners.push_back({ quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u), e.uid });
        anyRequest = anyRequest || e.kind == RowKind::Request;
    }
    if (!anyRequest || listeners.empty())
        return;
    std::sort(listeners.begin(), listeners.end(), [](const Listener &a, const Listener &b) { return a.key < b.key; });
    for (SocketEntry &e : sockets) {
        if (e.kind != RowKind::Request)
            continue;
        const quint32 key = quint32(e.localPort) | (e.family == AddressFamily::IPv6 ? 0x10000u : 0u);
        const auto it = std::lower_bound(
            listeners.begin(), listeners.end(), key, [](const Listener &l, quint32 k) { return l.key < k; });
        if (it != listeners.end() && it->key == key)
            e.uid = it->uid;
    }
}

namespace {
// One inet_diag_req_v2 for TCP behind its netlink header (sock_diag(7)).
struct DiagRequest
{
    nlmsghdr h;
    inet_diag_req_v2 r;
};

DiagRequest diagRequest(quint16 type, quint16 flags, int family, quint32 states, quint32 seq)
{
    DiagRequest req {};
    req.h.nlmsg_len = sizeof req;
    req.h.nlmsg_type = type;
    req.h.nlmsg_flags = flags;
    req.h.nlmsg_seq = seq;
    req.r.sdiag_family = quint8(family);
    req.r.sdiag_protocol = IPPROTO_TCP;
    req.r.idiag_states = states;
    return req;
}

QByteArray bytesOf(const DiagRequest &req)
{
    return QByteArray(reinterpret_cast<const char *>(&req), sizeof req);
}
} // namespace

QByteArray InetDiagParser::destroyRequest(const SocketEntry &socket, quint32 seq)
{
    DiagRequest req = diagRequest(
        SOCK_DESTROY, NLM_F_REQUEST | NLM_F_ACK, socket.family == AddressFamily::IPv6 ? AF_INET6 : AF_INET, ~0u, seq);
    req.r.id.idiag_sport = fromBe16(socket.localPort);
    req.r.id.idiag_dport = fromBe16(socket.remotePort);
    std::memcpy(req.r.id.idiag_src, socket.localAddr.data(), sizeof req.r.id.idiag_src);
    std::memcpy(req.r.id.idiag_dst, socket.remoteAddr.data(), sizeof req.r.id.idiag_dst);
    // The cookie makes the kernel refuse a different socket that took the same 4-tuple since the poll.
    req.r.id.idiag_cookie[0] = quint32(socket.cookie);
    req.r.id.idiag_cookie[1] = quint32(socket.cookie >> 32);
    if (socket.cookie == 0)
        req.r.id.idiag_cookie[0] = req.r.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    return bytesOf(req);
}

QByteArray InetDiagParser::dumpRequest(int family, quint32 states, quint32 seq)
{
    return bytesOf(diagRequest(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, family, states, seq));
}
