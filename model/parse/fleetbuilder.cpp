#include "parse/fleetbuilder.h"

#include <algorithm>
#include <map>

namespace {
int severity(const QString &name)
{
    return name == QLatin1String("critical") ? 2 : name == QLatin1String("warning") ? 1 : 0;
}
} // namespace

std::optional<FleetBuilder::Queries> FleetBuilder::queries(const QString &match)
{
    QString m = match.trimmed();
    if (!m.isEmpty()) {
        if (!m.startsWith(QLatin1Char('{')) || !m.endsWith(QLatin1Char('}')))
            return std::nullopt;
        m = m.sliced(1, m.size() - 2).trimmed();
    }
    const QString extra = m.isEmpty() ? QString() : QLatin1Char(',') + m;
    const QString plain = m.isEmpty() ? QString() : QLatin1Char('{') + m + QLatin1Char('}');
    Queries q;
    q.states = QStringLiteral("sum by (instance, job, state) (node_tcp_connection_states{state!~\".*_bytes\"%1})")
                   .arg(extra);
    q.findings = QStringLiteral("tcpscope_advisory%1 == 1").arg(plain);
    q.up = QStringLiteral("up%1 and on (instance) count by (instance) (node_tcp_connection_states%1)").arg(plain);
    q.timeWait = QStringLiteral("sum by (instance) (node_tcp_connection_states{state=\"time_wait\"%1})").arg(extra);
    q.closeWait = QStringLiteral("sum by (instance) (node_tcp_connection_states{state=\"close_wait\"%1})").arg(extra);
    return q;
}

bool FleetBuilder::worse(const FleetHost &a, const FleetHost &b)
{
    if (a.up != b.up)
        return !a.up;
    if (a.worstSeverity != b.worstSeverity)
        return a.worstSeverity > b.worstSeverity;
    if (a.findings.size() != b.findings.size())
        return a.findings.size() > b.findings.size();
    if (a.state(QStringLiteral("close_wait")) != b.state(QStringLiteral("close_wait")))
        return a.state(QStringLiteral("close_wait")) > b.state(QStringLiteral("close_wait"));
    if (a.state(QStringLiteral("time_wait")) != b.state(QStringLiteral("time_wait")))
        return a.state(QStringLiteral("time_wait")) > b.state(QStringLiteral("time_wait"));
    return a.instance < b.instance;
}

std::vector<FleetHost> FleetBuilder::build(const Results &r)
{
    std::map<QString, FleetHost> hosts;
    const auto host = [&hosts](const PrometheusResponse::Series &s) -> FleetHost & {
        FleetHost &h = hosts[s.labels.value(QStringLiteral("instance"))];
        h.instance = s.labels.value(QStringLiteral("instance"));
        if (h.job.isEmpty())
            h.job = s.labels.value(QStringLiteral("job"));
        return h;
    };
    for (const auto &s : r.states.series) {
        if (!s.points.empty())
            host(s).states.insert(s.labels.value(QStringLiteral("state")), s.points.back().second);
    }
    for (const auto &s : r.up.series) {
        if (!s.points.empty())
            host(s).up = s.points.back().second == 1;
    }
    std::map<QString, std::vector<std::pair<int, QString>>> found;
    for (const auto &s : r.findings.series)
        found[host(s).instance].push_back(
            { severity(s.labels.value(QStringLiteral("severity"))), s.labels.value(QStringLiteral("id")) });
    for (auto &[instance, list] : found) {
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        FleetHost &h = hosts[instance];
        h.worstSeverity = list.front().first;
        for (const auto &f : list)
            h.findings << f.second;
    }
    for (const auto &s : r.timeWait.series)
        host(s).timeWait = s.points;
    for (const auto &s : r.closeWait.series)
        host(s).closeWait = s.points;
    std::vector<FleetHost> out;
    for (auto &[instance, h] : hosts) {
        if (!instance.isEmpty())
            out.push_back(std::move(h));
    }
    std::sort(out.begin(), out.end(), &FleetBuilder::worse);
    return out;
}
