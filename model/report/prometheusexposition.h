#pragma once

#include "analysis/advisory.h"
#include "core/snapshot.h"
#include "report/transitiontotals.h"

#include <QByteArray>

#include <vector>

// A snapshot in the Prometheus text exposition format, version 0.0.4 (what `tcpscope-agent --metrics`
// serves): node_exporter's tcpstat gauge under its own name and values, so existing dashboards and
// alerts work unchanged, and tcpscope's own series under tcpscope_*. Label values and HELP text are
// escaped as the format requires; series that depend on a peer's data (owners, destinations) are
// bounded to the top `TopN`, so a busy host cannot blow up a Prometheus server's cardinality.
class PrometheusExposition
{
public:
    static constexpr int TopN = 10;
    static constexpr QByteArrayView ContentType = "text/plain; version=0.0.4; charset=utf-8";

    static QByteArray format(const Snapshot &snapshot, const std::vector<Advisory> &advisories);
    // The kernel's state changes as counters (tcpscope_state_transitions_total{from,to}) and the
    // events lost; nothing when no event source runs.
    static QByteArray transitions(const TransitionTotals &totals);

    // The format's escapes: a label value escapes backslash, double quote and newline; HELP text
    // backslash and newline.
    static QByteArray labelValue(const QString &value);
    static QByteArray helpText(const QString &text);
};
