#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

// One host of the fleet view, as Prometheus knows it (tcpscope-agent --metrics or node_exporter's
// tcpstat): its current counts per state, the TIME_WAIT and CLOSE_WAIT history over the window,
// and the advisor's active findings. Filled by FleetBuilder from query results.
struct FleetHost
{
    using Trend = std::vector<std::pair<qint64, double>>; // ms since the epoch, value

    QString instance; // Prometheus's instance label, e.g. "web1:9477"
    QString job;
    bool up = true; // the last scrape succeeded (the `up` series)
    QMap<QString, double> states; // node_exporter names: "established", "time_wait", ...
    Trend timeWait, closeWait;
    QStringList findings; // advisory ids, most severe first
    int worstSeverity = -1; // -1 none, 0 info, 1 warning, 2 critical (Advisory::Severity)

    double state(const QString &name) const { return states.value(name); }
    // The host's name for ssh: the instance without its port ("web1:9477" -> "web1", "[::1]:9477" -> "::1").
    QString sshHost() const;
};
