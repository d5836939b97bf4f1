#pragma once

#include "core/fleethost.h"
#include "parse/prometheusresponse.h"

#include <optional>
#include <vector>

// The fleet view's hosts from Prometheus query results, and the queries that fetch them. `match` is
// the user's selector (`--match '{job="web"}'`), merged into every query's label matchers.
// Hosts come sorted by trouble: the most severe finding first, then more findings, then the most
// CLOSE_WAIT, then the most TIME_WAIT; hosts that are down go first of all.
class FleetBuilder
{
public:
    struct Queries
    {
        QString states; // instant: per instance and state
        QString findings; // instant: the active tcpscope_advisory series
        QString up; // instant
        QString timeWait, closeWait; // ranges: per instance
    };
    // An empty selector, or "{...}" with label matchers; anything else gives nullopt.
    static std::optional<Queries> queries(const QString &match);

    struct Results
    {
        PrometheusResponse::Result states, findings, up, timeWait, closeWait;
    };
    static std::vector<FleetHost> build(const Results &r);
    // True when a is in more trouble than b (the order above).
    static bool worse(const FleetHost &a, const FleetHost &b);
};
