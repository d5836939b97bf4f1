#include "analysis/advisor.h"

#include <algorithm>

// The queue and half-close rules: accept-queue-overflow, close-wait-piling, fin-wait2-piling.
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
    nameHolders(
        a, s, tracker, [](const SocketEntry &e) { return e.state == TcpState::CloseWait; },
        QStringLiteral("CLOSE_WAIT"));
    // tcp_keepalive_timer skips only CLOSE and SYN_SENT: keepalive still probes a CLOSE_WAIT socket.
    a.explanation
        = tr("The peer has closed its side and the kernel has acknowledged it; the socket now waits for the "
             "program on this host to call close(). No timer ends CLOSE_WAIT by itself (keepalive, if the program "
             "set SO_KEEPALIVE, only ends one whose peer has vanished), so sockets that pile up or age mean a "
             "program that leaks them (a missed close on an error path, a stuck worker).");
    a.action = a.processes.empty()
        ? tr("Find the owner: ss -tanp state close-wait. Fix the program so it closes sockets when read() "
             "returns 0; restarting it frees them meanwhile.")
        : tr("Fix %1 so that it closes a socket when read() returns 0; restarting it frees them meanwhile.")
              .arg(holderNames(a));
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
    const auto named = [&] {
        nameHolders(
            a, s, tracker, [](const SocketEntry &e) { return e.state == TcpState::FinWait2; },
            QStringLiteral("FIN_WAIT2"));
    };
    if (s.os() != QLatin1String("Linux")) {
        finWait2OnBsd(s, n, oldest, a);
        named();
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
    named();
    a.explanation
        = tr("This host sent its FIN and the peer acknowledged it, but the peer has not sent its own FIN. Orphaned "
             "sockets are dropped after tcp_fin_timeout; sockets a program still holds (after shutdown()) wait "
             "as long as the program and the peer do.");
    a.action = tr("Look at the peers (remote addresses in the diagram): a client or proxy that never closes. "
                  "Lowering tcp_fin_timeout frees orphans sooner; it does not change TIME_WAIT.");
    a.reference = QStringLiteral("RFC 9293 §3.3.2; ip-sysctl.rst tcp_fin_timeout; net/ipv4/tcp.c");
    return a;
}
