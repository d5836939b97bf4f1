#include "report/prometheusexposition.h"

#include "analysis/portpressure.h"

#include <QMap>

#include <algorithm>
#include <map>

namespace {
// node_exporter's tcpstat names (collector/tcpstat_linux.go): the kernel's states in lower case.
QByteArray nodeExporterState(TcpState s)
{
    switch (s) {
    case TcpState::Established:
        return "established";
    case TcpState::SynSent:
        return "syn_sent";
    case TcpState::SynRecv:
    case TcpState::NewSynRecv:
        return "syn_recv";
    case TcpState::FinWait1:
        return "fin_wait1";
    case TcpState::FinWait2:
        return "fin_wait2";
    case TcpState::TimeWait:
        return "time_wait";
    case TcpState::Close:
    case TcpState::BoundInactive:
        return "close";
    case TcpState::CloseWait:
        return "close_wait";
    case TcpState::LastAck:
        return "last_ack";
    case TcpState::Listen:
        return "listen";
    case TcpState::Closing:
        return "closing";
    case TcpState::Unknown:
        break;
    }
    return {};
}

struct Writer
{
    QByteArray out;
    void family(const char *name, const char *type, const QString &help)
    {
        out += QByteArray("# HELP ") + name + ' ' + PrometheusExposition::helpText(help) + '\n';
        out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
    }
    // labels: "k1", v1, "k2", v2 ...
    void sample(const char *name, std::initializer_list<std::pair<const char *, QString>> labels, double value)
    {
        out += name;
        if (labels.size() > 0) {
            out += '{';
            bool first = true;
            for (const auto &[k, v] : labels) {
                out += (first ? "" : ",") + QByteArray(k) + "=\"" + PrometheusExposition::labelValue(v) + '"';
                first = false;
            }
            out += '}';
        }
        out += ' ' + QByteArray::number(value, 'g', 15) + '\n';
    }
};

void states(Writer &w, const Snapshot &s)
{
    std::map<QByteArray, qint64> node;
    qint64 tx = 0, rx = 0;
    std::map<std::pair<QByteArray, int>, qint64> byFamily;
    for (const SocketEntry &e : s.sockets()) {
        const QByteArray name = nodeExporterState(e.state);
        if (name.isEmpty())
            continue;
        ++node[name];
        ++byFamily[{ name, int(e.family) }];
        tx += e.txQueue;
        rx += e.rxQueue;
    }
    // As node_exporter: only states seen, IPv4 and IPv6 summed, and the queued bytes of all sockets.
    w.family("node_tcp_connection_states", "gauge", QStringLiteral("Number of connection states."));
    for (const auto &[name, n] : node)
        w.sample("node_tcp_connection_states", { { "state", QString::fromLatin1(name) } }, double(n));
    w.sample("node_tcp_connection_states", { { "state", QStringLiteral("rx_queued_bytes") } }, double(rx));
    w.sample("node_tcp_connection_states", { { "state", QStringLiteral("tx_queued_bytes") } }, double(tx));
    w.family("tcpscope_sockets", "gauge", QStringLiteral("TCP sockets by state and address family."));
    for (const auto &[key, n] : byFamily)
        w.sample("tcpscope_sockets",
            { { "state", QString::fromLatin1(key.first) },
                { "family",
                    key.second == int(AddressFamily::IPv4) ? QStringLiteral("ipv4") : QStringLiteral("ipv6") } },
            double(n));
}

// TIME_WAIT time left: 60 s at most (TCP_TIMEWAIT_LEN, include/net/tcp.h), so buckets up to 60.
void timeWait(Writer &w, const Snapshot &s)
{
    static constexpr double bounds[] = { 5, 10, 20, 30, 40, 50, 60 };
    std::array<qint64, std::size(bounds)> le {};
    qint64 count = 0;
    double sum = 0;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state != TcpState::TimeWait)
            continue;
        const double left = e.timerMs / 1000.0;
        ++count;
        sum += left;
        for (size_t i = 0; i < le.size(); ++i)
            le[i] += left <= bounds[i];
    }
    const char *name = "tcpscope_time_wait_remaining_seconds";
    w.family(name, "histogram", QStringLiteral("Time left on the TIME_WAIT timer of each TIME_WAIT socket."));
    for (size_t i = 0; i < le.size(); ++i)
        w.sample(
            "tcpscope_time_wait_remaining_seconds_bucket", { { "le", QString::number(bounds[i]) } }, double(le[i]));
    w.sample("tcpscope_time_wait_remaining_seconds_bucket", { { "le", QStringLiteral("+Inf") } }, double(count));
    w.sample("tcpscope_time_wait_remaining_seconds_sum", {}, sum);
    w.sample("tcpscope_time_wait_remaining_seconds_count", {}, double(count));
}

void ports(Writer &w, const Snapshot &s)
{
    const PortPressure::Result r = PortPressure::compute(s, PrometheusExposition::TopN);
    if (!r.valid)
        return;
    w.family("tcpscope_ephemeral_port_capacity", "gauge",
        QStringLiteral(
            "Ports connect() can pick per destination: ip_local_port_range less reserved and listening ports."));
    w.sample("tcpscope_ephemeral_port_capacity", {}, r.capacity);
    w.family("tcpscope_ephemeral_ports_used", "gauge",
        QStringLiteral("Ephemeral ports in use per destination (local address, remote address and port), the top %1.")
            .arg(PrometheusExposition::TopN));
    for (const PortPressure::Destination &d : r.top)
        w.sample("tcpscope_ephemeral_ports_used", { { "local", d.localAddress }, { "destination", d.remote } }, d.used);
}

void tunables(Writer &w, const Snapshot &s)
{
    w.family("tcpscope_tunable", "gauge",
        QStringLiteral(
            "Kernel TCP tunables by sysctl name: the first number of the value (absent: not on this kernel)."));
    const QMap<QString, QString> &values = s.tunables().values();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (const std::optional<qint64> v = s.tunables().intValue(it.key()))
            w.sample("tcpscope_tunable", { { "sysctl", it.key() } }, double(*v));
    }
}

void advisories(Writer &w, const std::vector<Advisory> &advisories)
{
    w.family("tcpscope_advisory", "gauge",
        QStringLiteral("1 for each finding of the advisor now active (docs/advisories.md)."));
    for (const Advisory &a : advisories)
        w.sample("tcpscope_advisory", { { "id", a.id }, { "severity", Advisory::severityName(a.severity) } }, 1);
}

void owners(Writer &w, const Snapshot &s)
{
    const SocketOwners *o = s.owners();
    if (!o)
        return;
    std::map<QString, std::map<QByteArray, qint64>> byProcess;
    std::map<QString, qint64> total;
    for (size_t i = 0; i < s.sockets().size(); ++i) {
        const ProcessOwnerPtr *p = o->at(i);
        const QByteArray state = nodeExporterState(s.sockets()[i].state);
        if (!p || state.isEmpty())
            continue;
        ++byProcess[(*p)->name][state];
        ++total[(*p)->name];
    }
    std::vector<std::pair<qint64, QString>> top;
    top.reserve(total.size());
    for (const auto &[name, n] : total)
        top.emplace_back(-n, name);
    std::sort(top.begin(), top.end());
    if (top.size() > size_t(PrometheusExposition::TopN))
        top.resize(PrometheusExposition::TopN);
    w.family("tcpscope_process_sockets", "gauge",
        QStringLiteral("Sockets by the command (comm) that holds them and state, the top %1 commands.")
            .arg(PrometheusExposition::TopN));
    for (const auto &[n, name] : top) {
        for (const auto &[state, count] : byProcess[name])
            w.sample("tcpscope_process_sockets", { { "process", name }, { "state", QString::fromLatin1(state) } },
                double(count));
    }
}
} // namespace

QByteArray PrometheusExposition::labelValue(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

QByteArray PrometheusExposition::helpText(const QString &text)
{
    QByteArray v = text.toUtf8();
    v.replace('\\', "\\\\").replace('\n', "\\n");
    return v;
}

QByteArray PrometheusExposition::format(const Snapshot &snapshot, const std::vector<Advisory> &found)
{
    Writer w;
    if (!snapshot.isValid())
        return w.out;
    states(w, snapshot);
    timeWait(w, snapshot);
    ports(w, snapshot);
    tunables(w, snapshot);
    advisories(w, found);
    owners(w, snapshot);
    return w.out;
}

QByteArray PrometheusExposition::transitions(const TransitionTotals &totals)
{
    Writer w;
    if (!totals.running())
        return w.out;
    // sock:inet_sock_set_state as the kernel fires it (include/trace/events/sock.h): entering TIME_WAIT
    // is fin_wait2 or closing -> close, its timewait socket taking over (tcp_time_wait(),
    // net/ipv4/tcp_minisocks.c); its end, and the last hop of a request socket, fire nothing.
    w.family("tcpscope_state_transitions_total", "counter",
        QStringLiteral("TCP state changes the kernel reported since the agent started, by old and new state "
                       "(sock:inet_sock_set_state); entering TIME_WAIT shows as fin_wait2 or closing to close."));
    // The usual hops as the kernel fires them start at 0, so increase() and rate() work from the
    // first scrape; others appear when they first happen.
    static constexpr std::pair<TcpState, TcpState> usual[]
        = { { TcpState::Close, TcpState::SynSent }, { TcpState::SynSent, TcpState::Established },
              { TcpState::Established, TcpState::FinWait1 }, { TcpState::FinWait1, TcpState::FinWait2 },
              { TcpState::FinWait2, TcpState::Close }, { TcpState::Close, TcpState::Listen },
              { TcpState::Listen, TcpState::SynRecv }, { TcpState::SynRecv, TcpState::Established },
              { TcpState::Established, TcpState::CloseWait }, { TcpState::CloseWait, TcpState::LastAck },
              { TcpState::LastAck, TcpState::Close }, { TcpState::Listen, TcpState::Close } };
    TransitionTotals::Counts counts = totals.counts();
    for (const auto &hop : usual)
        counts.try_emplace(hop, 0);
    for (const auto &[hop, n] : counts) {
        const QByteArray from = nodeExporterState(hop.first);
        const QByteArray to = nodeExporterState(hop.second);
        if (!from.isEmpty() && !to.isEmpty())
            w.sample("tcpscope_state_transitions_total",
                { { "from", QString::fromLatin1(from) }, { "to", QString::fromLatin1(to) } }, double(n));
    }
    w.family("tcpscope_state_events_lost_total", "counter",
        QStringLiteral("State changes lost because the ring buffer was full; counts across such a gap are low."));
    w.sample("tcpscope_state_events_lost_total", {}, double(totals.lost()));
    return w.out;
}
