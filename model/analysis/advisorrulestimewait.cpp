#include "analysis/advisor.h"

#include <QMap>

#include <unordered_set>

// The TIME_WAIT rules: tw-recycle-enabled, tw-reuse-*, tw-buckets-near-limit, server-closes-first.
namespace {
const QString kReuse = QStringLiteral("net.ipv4.tcp_tw_reuse");
const QString kTimestamps = QStringLiteral("net.ipv4.tcp_timestamps");

std::unordered_set<quint16> listenPorts(const Snapshot &s)
{
    std::unordered_set<quint16> ports;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == TcpState::Listen)
            ports.insert(e.localPort);
    }
    return ports;
}
} // namespace

std::optional<Advisory> Advisor::twRecycleEnabled(const Snapshot &s)
{
    const auto v = s.tunables().intValue(QStringLiteral("net.ipv4.tcp_tw_recycle"));
    if (!v || *v == 0)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("tw-recycle-enabled");
    a.severity = Advisory::Severity::Critical;
    a.title = tr("tcp_tw_recycle is enabled");
    a.evidence = tr("net.ipv4.tcp_tw_recycle = %1 on kernel %2").arg(*v).arg(s.kernel());
    // tcp_conn_request -> tcp_peer_is_proven (before 4.12): the per-host timestamp is kept for TCP_PAWS_MSL (60 s).
    a.explanation
        = tr("Recycling remembers the last TCP timestamp seen from each remote host and, for 60 s, silently drops "
             "SYNs from that host that carry an older one (TcpExt.PAWSPassive counts them). Clients behind one NAT, "
             "or with per-connection timestamp offsets (Linux 4.10), have unrelated clocks, so many of their "
             "connection attempts vanish without an error. Linux removed the option in 4.12.");
    a.action = tr("Set net.ipv4.tcp_tw_recycle = 0. If TIME_WAIT is a real problem, add 4-tuples instead (wider "
                  "ip_local_port_range, more server ports or addresses) or let the server close first.");
    a.state = TcpState::TimeWait;
    a.reference = QStringLiteral("RFC 7323 §5 (PAWS); net/ipv4/tcp_input.c tcp_conn_request; commit 4396e46187ca");
    return a;
}

std::optional<Advisory> Advisor::twReuseInboundOnly(const Snapshot &s)
{
    if (s.tunables().intValue(kReuse) != 1)
        return std::nullopt; // 0: off; 2 (the default): loopback only, not a choice the admin made
    const auto listening = listenPorts(s);
    int total = 0, inbound = 0;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state != TcpState::TimeWait)
            continue;
        ++total;
        inbound += listening.count(e.localPort) ? 1 : 0;
    }
    if (total < 10 || inbound != total)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("tw-reuse-inbound-only");
    a.severity = Advisory::Severity::Info;
    a.title = tr("tcp_tw_reuse is on, but every TIME_WAIT socket is on an incoming connection");
    a.evidence = tr("tcp_tw_reuse = 1; %1 of %1 TIME_WAIT sockets have a listening local port (%2)")
                     .arg(total)
                     .arg(topLocalPorts(s, TcpState::TimeWait));
    a.explanation
        = tr("tcp_tw_reuse only acts when this host calls connect() and the kernel picks a 4-tuple still held by "
             "TIME_WAIT, and only if both ends sent TCP timestamps on the old connection. These sockets belong to "
             "connections clients opened to this host, so the setting changes nothing for them; they still last the "
             "fixed 60 s.");
    a.action = tr("Nothing to gain here: server-side TIME_WAIT uses no ephemeral ports and little memory. Set it "
                  "back to the default 2 if it was changed hoping to clear these sockets.");
    a.state = TcpState::TimeWait;
    a.reference = QStringLiteral("net/ipv4/tcp_ipv4.c tcp_twsk_unique; ip-sysctl.rst tcp_tw_reuse");
    return a;
}

std::optional<Advisory> Advisor::twReuseNoTimestamps(const Snapshot &s)
{
    const auto reuse = s.tunables().intValue(kReuse);
    if (!reuse || *reuse == 0 || s.tunables().intValue(kTimestamps) != 0)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("tw-reuse-no-timestamps");
    a.severity = *reuse == 1 ? Advisory::Severity::Warning : Advisory::Severity::Info;
    a.title = tr("tcp_tw_reuse cannot work: TCP timestamps are off");
    a.evidence = tr("net.ipv4.tcp_tw_reuse = %1, net.ipv4.tcp_timestamps = 0").arg(*reuse);
    // tcp_twsk_unique reuses only when tw_ts_recent_stamp is set: the peer's timestamp, so both ends need them.
    a.explanation
        = tr("The kernel reuses a TIME_WAIT 4-tuple only if the old connection carried timestamps from both ends "
             "(the TIME_WAIT socket must hold the peer's last timestamp), so that PAWS can reject its delayed "
             "segments. With timestamps off here no connection negotiates them, and reuse never happens: outgoing "
             "connections wait the full 60 s for each 4-tuple.");
    a.action = tr("Set net.ipv4.tcp_timestamps = 1 (the default); the peers must send timestamps too: Windows "
                  "does not by default, so look for a TSval in the peer's SYN,ACK. Otherwise widen ip_local_port_range "
                  "instead of counting on reuse.");
    a.state = TcpState::TimeWait;
    a.reference
        = QStringLiteral("RFC 7323 §3.2, §5; net/ipv4/tcp_ipv4.c tcp_twsk_unique; MSFT_NetTCPSetting Timestamps");
    return a;
}

std::optional<Advisory> Advisor::twBucketsNearLimit(
    const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    const auto max = s.tunables().intValue(QStringLiteral("net.ipv4.tcp_max_tw_buckets"));
    if (!max || *max <= 0)
        return std::nullopt;
    // The limit counts every timewait minisocket, the FIN_WAIT2 substate included (inet_twsk_alloc).
    int tw = 0;
    for (const SocketEntry &e : s.sockets())
        tw += e.kind == RowKind::TimeWaitSock ? 1 : 0;
    const double share = double(tw) / double(*max);
    if (share < t.twBucketsWarn)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("tw-buckets-near-limit");
    a.severity = share >= t.twBucketsCritical ? Advisory::Severity::Critical : Advisory::Severity::Warning;
    a.title = tr("TIME_WAIT sockets near tcp_max_tw_buckets");
    a.evidence = tr("%1 timewait sockets of a maximum %2 (%3)").arg(tw).arg(*max).arg(percent(share));
    nameHolders(
        a, s, tracker, [](const SocketEntry &e) { return e.kind == RowKind::TimeWaitSock; },
        QStringLiteral("timewait"));
    a.explanation
        = tr("At the limit the kernel stops creating TIME_WAIT sockets: a closing connection simply disappears "
             "and TCPTimeWaitOverflow counts it (nstat -az TcpExtTCPTimeWaitOverflow). Those connections lose "
             "the protection TIME_WAIT gives against a lost last ACK and old duplicate segments.");
    a.action = tr("Find who closes first (see the diagram's TIME_WAIT sockets). Raising tcp_max_tw_buckets is cheap "
                  "(a 256-byte tw_sock_TCP slab object per socket, plus a 64-byte bind bucket for an outbound "
                  "connection); reducing connection churn (keep-alive, pooling) is better.");
    a.state = TcpState::TimeWait;
    a.reference = QStringLiteral(
        "net/ipv4/inet_timewait_sock.c inet_twsk_alloc; net/ipv4/tcp_minisocks.c tcp_time_wait; /proc/slabinfo "
        "tw_sock_TCP; ip-sysctl.rst");
    return a;
}

std::optional<Advisory> Advisor::serverClosesFirst(
    const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    const auto listening = listenPorts(s);
    QMap<quint16, int> perPort;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == TcpState::TimeWait && listening.count(e.localPort))
            ++perPort[e.localPort];
    }
    quint16 port = 0;
    int most = 0;
    for (auto it = perPort.cbegin(); it != perPort.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            port = it.key();
        }
    }
    if (most < t.serverTimeWaitMin)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("server-closes-first");
    a.severity = Advisory::Severity::Info;
    a.title = tr("The server closes first: %1 TIME_WAIT sockets on listening port %2").arg(most).arg(port);
    a.evidence = tr("TIME_WAIT on listening ports: %1").arg(topLocalPorts(s, TcpState::TimeWait));
    nameHolders(
        a, s, tracker, [port](const SocketEntry &e) { return e.state == TcpState::TimeWait && e.localPort == port; },
        QStringLiteral("TIME_WAIT"));
    a.explanation
        = tr("TIME_WAIT stays on the side that closes first. Here the server closes (HTTP/1.0, Connection: close, "
             "idle timeouts), so it holds TIME_WAIT for 60 s per connection. That is usually fine: it uses no "
             "ephemeral ports, each costs a 256-byte tw_sock_TCP slab object, and Linux still accepts a new SYN on "
             "the same 4-tuple whose sequence number or timestamp is higher than the old connection's.");
    a.action = tr("Usually nothing. If the count grows toward tcp_max_tw_buckets, keep connections alive longer. "
                  "tcp_tw_reuse does not apply to these sockets.");
    a.state = TcpState::TimeWait;
    a.reference = QStringLiteral("RFC 9293 §3.6; RFC 6191; net/ipv4/tcp_minisocks.c tcp_timewait_state_process");
    return a;
}
