#include "analysis/advisor.h"

#include "analysis/portpressure.h"

// ephemeral-port-pressure: one destination's share of the local port range.
std::optional<Advisory> Advisor::ephemeralPortPressure(
    const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
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
    nameHolders(
        a, s, tracker, [&p, &worst](const SocketEntry &e) { return PortPressure::counts(e, p, worst); },
        tr("outgoing"));
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
