#pragma once

struct AppOptions;

// `tcpscope --prometheus URL --snapshot [--json]`: the fleet's current counts and findings per
// instance, from Prometheus, printed once. Exit 0 ok, 1 Prometheus unreachable or refused the queries.
class FleetCommand
{
public:
    static int run(const AppOptions &options);
};
