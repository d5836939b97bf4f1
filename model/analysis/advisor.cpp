#include "analysis/advisor.h"

#include "analysis/portpressure.h"
#include "core/socketkey.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>
#include <unordered_set>

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

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%');
}
} // namespace

struct Advisor::Aged
{
    qint64 ageMs = 0;
    const SocketEntry *entry = nullptr;
};

QString Advisor::tr(const char *text)
{
    return s_english ? QString::fromUtf8(text) : QCoreApplication::translate("Advisor", text);
}

QString Advisor::duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 120)
        return tr("%1 s").arg(s);
    if (s < 7200)
        return tr("%1 min").arg(s / 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString Advisor::list(const QStringList &items)
{
    return items.join(tr(", "));
}

// "8080 (41), 9000 (3)": the most frequent local ports of sockets in one state.
QString Advisor::topLocalPorts(const Snapshot &s, TcpState state, int limit)
{
    QMap<quint16, int> n;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == state)
            ++n[e.localPort];
    }
    std::vector<std::pair<int, quint16>> v;
    for (auto it = n.cbegin(); it != n.cend(); ++it)
        v.emplace_back(it.value(), it.key());
    std::sort(v.begin(), v.end(),
        [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    QStringList out;
    for (size_t i = 0; i < v.size() && int(i) < limit; ++i)
        out << tr("%1 (%2)").arg(v[i].second).arg(v[i].first);
    return list(out);
}

// Time each socket in `state` has been seen in it, oldest first; empty without a tracker.
std::vector<Advisor::Aged> Advisor::ages(const Snapshot &s, const ConnectionTracker *tracker, TcpState state)
{
    std::vector<Aged> out;
    if (!tracker)
        return out;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state != state)
            continue;
        if (const TrackedSocket *t = tracker->find(SocketKey::of(e)))
            out.push_back({ std::max<qint64>(0, s.timeMs() - t->stateSinceMs), &e });
    }
    std::sort(out.begin(), out.end(), [](const Aged &a, const Aged &b) { return a.ageMs > b.ageMs; });
    return out;
}

QString Advisor::oldestText(const std::vector<Aged> &aged, int limit)
{
    QStringList out;
    for (size_t i = 0; i < aged.size() && int(i) < limit; ++i)
        out << tr("%1 (%2 -> %3)")
                   .arg(duration(aged[i].ageMs), aged[i].entry->localText(), aged[i].entry->remoteText());
    return list(out);
}

QStringList Advisor::ruleIds()
{
    return { QStringLiteral("tw-recycle-enabled"), QStringLiteral("tw-reuse-inbound-only"),
        QStringLiteral("tw-reuse-no-timestamps"), QStringLiteral("tw-buckets-near-limit"),
        QStringLiteral("ephemeral-port-pressure"), QStringLiteral("accept-queue-overflow"),
        QStringLiteral("server-closes-first"), QStringLiteral("close-wait-piling"),
        QStringLiteral("fin-wait2-piling") };
}

std::vector<Advisory> Advisor::evaluate(const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    return evaluate(s, Snapshot(), tracker, t);
}

std::vector<Advisory> Advisor::evaluate(
    const Snapshot &s, const Snapshot &previous, const ConnectionTracker *tracker, const Thresholds &t)
{
    std::vector<Advisory> out;
    if (!s.isValid())
        return out;
    for (auto a : { twRecycleEnabled(s), twReuseInboundOnly(s), twReuseNoTimestamps(s), twBucketsNearLimit(s, t),
             ephemeralPortPressure(s, t), acceptQueueOverflow(s, previous), serverClosesFirst(s, t),
             closeWaitPiling(s, tracker, t), finWait2Piling(s, tracker, t) }) {
        if (a)
            out.push_back(std::move(*a));
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Advisory &a, const Advisory &b) { return a.severity > b.severity; });
    return out;
}

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

std::optional<Advisory> Advisor::twBucketsNearLimit(const Snapshot &s, const Thresholds &t)
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

std::optional<Advisory> Advisor::ephemeralPortPressure(const Snapshot &s, const Thresholds &t)
{
    const PortPressure::Result p = PortPressure::compute(s);
    if (!p.valid || p.top.empty() || p.top.front().share < t.portsWarn)
        return std::nullopt;
    const PortPressure::Destination &worst = p.top.front();
    Advisory a;
    a.id = QStringLiteral("ephemeral-port-pressure");
    a.severity = worst.share >= t.portsCritical ? Advisory::Severity::Critical : Advisory::Severity::Warning;
    const bool shared = p.perLocalAddress;
    a.title = shared ? tr("Ephemeral ports of %1 are %2 used, for all destinations together")
                           .arg(worst.localAddress, percent(worst.share))
                     : tr("Ephemeral ports toward %1 are %2 used").arg(worst.remote, percent(worst.share));
    QStringList lines;
    lines << tr("range %1-%2: %3 usable ports per %6 (%4 reserved, %5 held by listeners)")
                 .arg(p.first)
                 .arg(p.last)
                 .arg(p.capacity)
                 .arg(p.reserved)
                 .arg(p.listenersInRange)
                 .arg(shared ? tr("local address, shared by every destination") : tr("destination"));
    for (const PortPressure::Destination &d : p.top)
        lines << tr("%1 -> %2: %3 sockets (%4)")
                     .arg(d.localAddress, shared ? tr("any destination") : d.remote)
                     .arg(d.used)
                     .arg(percent(d.share));
    a.evidence = lines.join(QLatin1Char('\n'));
    a.state = TcpState::TimeWait;
    if (shared) {
        a.explanation
            = tr("macOS gives each connect() a local port that is unique for its local address whatever the "
                 "destination, so all outgoing connections from one address share net.inet.ip.portrange.first-last, "
                 "and TIME_WAIT keeps a port for %1 s after close. When all are taken, connect() fails with "
                 "EADDRNOTAVAIL. Linux and FreeBSD 13 or later count ports per destination instead.")
                  .arg(s.timeWaitLengthMs() / 1000);
        a.action = tr("Reuse connections (keep-alive, pools), widen net.inet.ip.portrange.first-last, or use more "
                      "source addresses. More destination ports or addresses do not help here.");
        a.reference = QStringLiteral("xnu bsd/netinet/in_pcb.c in_pcbbind; xnu bsd/netinet/tcp_timer.h TCPTV_MSL");
        return a;
    }
    a.explanation
        = tr("Each outgoing connection to the same remote address and port needs its own local port from "
             "ip_local_port_range, and TIME_WAIT keeps the port for 60 s after close. When all are taken, connect() "
             "fails with EADDRNOTAVAIL. Without reuse the steady limit is about capacity / 60 s new connections "
             "per second to that destination.");
    // __inet_hash_connect skips every port whose bind bucket bind() made (fastreuse >= 0), whatever the 4-tuple.
    a.action
        = tr("Reuse connections (keep-alive, pools). Widen ip_local_port_range, spread over more destination ports "
             "or addresses, or use more source addresses. tcp_tw_reuse = 1 helps outgoing connections if both ends "
             "send TCP timestamps (Windows does not by default: look for a TSval in its SYN,ACK). Do not bind() before "
             "connect(): bind() picks a port "
             "without knowing the destination, and a port held by bind() is skipped by connect() for every "
             "destination. To choose a source address, set IP_BIND_ADDRESS_NO_PORT (Linux 4.2) before bind() so "
             "that connect() picks the port; IP_LOCAL_PORT_RANGE (Linux 6.3) narrows the range for one socket.");
    a.reference = QStringLiteral("ip(7) ip_local_port_range, IP_BIND_ADDRESS_NO_PORT, IP_LOCAL_PORT_RANGE; "
                                 "net/ipv4/inet_hashtables.c __inet_hash_connect");
    return a;
}
std::optional<Advisory> Advisor::acceptQueueOverflow(const Snapshot &s, const Snapshot &previous)
{
    // A since-boot counter says nothing about now: only its growth between two polls of one host counts.
    if (previous.isNull() || !previous.isValid() || previous.timeMs() >= s.timeMs())
        return std::nullopt;
    const Counters &now = s.counters(), &before = previous.counters();
    const qint64 overflows = now.listenOverflows() - before.listenOverflows();
    if (now.listenOverflows() < 0 || before.listenOverflows() < 0 || overflows <= 0)
        return std::nullopt;
    const qint64 drops = now.listenDrops() >= before.listenDrops() && before.listenDrops() >= 0
        ? now.listenDrops() - before.listenDrops()
        : -1;
    // Listen rows: Recv-Q is the accept queue's length (sk_ack_backlog; tcp_ipv4.c get_tcp4_sock, tcp_diag.c).
    std::vector<const SocketEntry *> waiting;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == TcpState::Listen && e.rxQueue > 0)
            waiting.push_back(&e);
    }
    std::stable_sort(waiting.begin(), waiting.end(),
        [](const SocketEntry *a, const SocketEntry *b) { return a->rxQueue > b->rxQueue; });
    const QString interval = duration(s.timeMs() - previous.timeMs());
    Advisory a;
    a.id = QStringLiteral("accept-queue-overflow");
    a.severity = Advisory::Severity::Warning;
    a.title = waiting.empty() ? tr("Accept queues overflowed %1 times in %2").arg(overflows).arg(interval)
                              : tr("Accept queue of port %1 overflowed (%2 times in %3)")
                                    .arg(waiting.front()->localPort)
                                    .arg(overflows)
                                    .arg(interval);
    QStringList lines;
    lines << tr("TcpExt.ListenOverflows +%1, TcpExt.ListenDrops +%2 in %3")
                 .arg(overflows)
                 .arg(drops >= 0 ? QString::number(drops) : QStringLiteral("?"))
                 .arg(interval);
    for (size_t i = 0; i < waiting.size() && i < 5; ++i)
        lines << tr("listening on %1: Recv-Q %2 (connections waiting for accept())")
                     .arg(waiting[i]->localText())
                     .arg(waiting[i]->rxQueue);
    if (waiting.empty())
        lines << tr("no listener has connections waiting now");
    a.evidence = lines.join(QLatin1Char('\n'));
    a.explanation
        = tr("A listener's accept queue holds connections whose handshake is complete until the program calls "
             "accept(). While it is full, Linux drops an arriving SYN, and drops the handshake's last ACK (or "
             "answers it with RST when net.ipv4.tcp_abort_on_overflow = 1). Clients see connect delays of seconds: "
             "a dropped SYN is sent again after 1 s, then after 2 s, 4 s and so on; a client whose last ACK was "
             "dropped already counts itself connected and waits for the server's SYN/ACK retransmission.");
    a.action = tr("The program must accept() faster (more workers, no slow work between accept() calls), or raise both "
                  "its listen() backlog and net.core.somaxconn: the kernel uses the smaller of the two, taken when "
                  "listen() is called. ss -ltn shows each listener's accept queue (Recv-Q) and backlog (Send-Q).");
    a.state = TcpState::Listen;
    a.reference = QStringLiteral("include/net/sock.h sk_acceptq_is_full; net/ipv4/tcp_input.c tcp_conn_request; "
                                 "net/ipv4/tcp_minisocks.c tcp_check_req; listen(2); ip-sysctl.rst "
                                 "tcp_abort_on_overflow");
    return a;
}

std::optional<Advisory> Advisor::serverClosesFirst(const Snapshot &s, const Thresholds &t)
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

std::optional<Advisory> Advisor::closeWaitPiling(
    const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    const int n = s.count(TcpState::CloseWait);
    const std::vector<Aged> aged = ages(s, tracker, TcpState::CloseWait);
    const bool ageing = !aged.empty() && aged.front().ageMs >= t.closeWaitAgeMs;
    if (n < t.closeWaitMin && !ageing)
        return std::nullopt;
    Advisory a;
    a.id = QStringLiteral("close-wait-piling");
    a.severity = n >= t.closeWaitCritical ? Advisory::Severity::Critical : Advisory::Severity::Warning;
    a.title
        = ageing && n < t.closeWaitMin ? tr("CLOSE_WAIT sockets are ageing") : tr("%1 sockets in CLOSE_WAIT").arg(n);
    QStringList lines;
    lines << tr("%1 CLOSE_WAIT sockets; local ports: %2").arg(n).arg(topLocalPorts(s, TcpState::CloseWait));
    if (!aged.empty())
        lines << tr("oldest: %1").arg(oldestText(aged));
    a.evidence = lines.join(QLatin1Char('\n'));
    // tcp_keepalive_timer skips only CLOSE and SYN_SENT: keepalive still probes a CLOSE_WAIT socket.
    a.explanation
        = tr("The peer has closed its side and the kernel has acknowledged it; the socket now waits for the "
             "program on this host to call close(). No timer ends CLOSE_WAIT by itself (keepalive, if the program "
             "set SO_KEEPALIVE, only ends one whose peer has vanished), so sockets that pile up or age mean a "
             "program that leaks them (a missed close on an error path, a stuck worker).");
    a.action = tr("Find the owner: ss -tanp state close-wait. Fix the program so it closes sockets when read() "
                  "returns 0; restarting it frees them meanwhile.");
    a.state = TcpState::CloseWait;
    a.reference = QStringLiteral("RFC 9293 §3.3.2 (CLOSE-WAIT); net/ipv4/tcp_timer.c tcp_keepalive_timer; ss(8)");
    return a;
}

// fast_finwait2_recycle drops a FIN_WAIT_2 whose receive side is closed (tcp(4)); without it the 2MSL
// timer still drops one idle for TP_MAXIDLE (sys/netinet/tcp_timer.c tcp_timer_2msl).
void Advisor::finWait2OnBsd(const Snapshot &s, int n, const QString &oldest, Advisory &a)
{
    const auto recycle = s.tunables().intValue(QStringLiteral("net.inet.tcp.fast_finwait2_recycle"));
    const auto timeout = s.tunables().intValue(QStringLiteral("net.inet.tcp.finwait2_timeout"));
    a.evidence = tr("%1 FIN_WAIT_2 sockets; net.inet.tcp.fast_finwait2_recycle = %2, "
                    "net.inet.tcp.finwait2_timeout = %3")
                     .arg(n)
                     .arg(recycle ? QString::number(*recycle) : QStringLiteral("?"))
                     .arg(timeout ? tr("%1 s").arg(*timeout / 1000.0) : QStringLiteral("?"))
        + oldest;
    a.explanation
        = tr("This host sent its FIN and the peer acknowledged it, but the peer has not sent its own FIN. On "
             "FreeBSD such a socket, once its receive side is closed, is dropped after "
             "net.inet.tcp.finwait2_timeout when net.inet.tcp.fast_finwait2_recycle is 1. Otherwise the 2MSL timer "
             "still drops it once it has been idle for TP_MAXIDLE (8 x 75 s = 10 min); one that keeps "
             "receiving data waits for the peer.");
    a.action = tr("Look at the peers (remote addresses in the table): a client or proxy that never closes. "
                  "Setting net.inet.tcp.fast_finwait2_recycle=1 frees them sooner; it does not change TIME_WAIT "
                  "(2 x net.inet.tcp.msl).");
    a.reference = QStringLiteral("RFC 9293 §3.3.2; FreeBSD tcp(4); sys/netinet/tcp_timer.c tcp_timer_2msl");
}

std::optional<Advisory> Advisor::finWait2Piling(
    const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    int n = 0, orphans = 0;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state != TcpState::FinWait2)
            continue;
        ++n;
        orphans += e.isOrphan() ? 1 : 0;
    }
    if (n < t.finWait2Min)
        return std::nullopt;
    const std::vector<Aged> aged = ages(s, tracker, TcpState::FinWait2);
    const QString oldest = aged.empty() ? QString() : QLatin1Char('\n') + tr("oldest: %1").arg(oldestText(aged));
    Advisory a;
    a.id = QStringLiteral("fin-wait2-piling");
    a.severity = Advisory::Severity::Warning;
    a.title = tr("%1 sockets in FIN_WAIT2: peers are not closing").arg(n);
    a.state = TcpState::FinWait2;
    if (s.os() != QLatin1String("Linux")) {
        finWait2OnBsd(s, n, oldest, a);
        return a;
    }
    const auto fin = s.tunables().intValue(QStringLiteral("net.ipv4.tcp_fin_timeout"));
    a.evidence = tr("%1 FIN_WAIT2 sockets: %2 orphaned (closed here, expire after tcp_fin_timeout = %3 s), "
                    "%4 still held by a program")
                     .arg(n)
                     .arg(orphans)
                     .arg(fin ? QString::number(*fin) : QStringLiteral("?"))
                     .arg(n - orphans)
        + oldest;
    a.explanation
        = tr("This host sent its FIN and the peer acknowledged it, but the peer has not sent its own FIN. Orphaned "
             "sockets are dropped after tcp_fin_timeout; sockets a program still holds (after shutdown()) wait "
             "as long as the program and the peer do.");
    a.action = tr("Look at the peers (remote addresses in the diagram): a client or proxy that never closes. "
                  "Lowering tcp_fin_timeout frees orphans sooner; it does not change TIME_WAIT.");
    a.reference = QStringLiteral("RFC 9293 §3.3.2; ip-sysctl.rst tcp_fin_timeout; net/ipv4/tcp.c");
    return a;
}
