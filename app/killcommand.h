#pragma once

struct AppOptions;

// tcpscope --kill [--yes] FILTER: ends the TCP connections an ss(8) filter selects, as ss -K does, after
// listing them (4-tuple, state, owner). Without --yes it only lists. Exit 0 when every selected
// connection was ended, 1 when some could not be (each says why), 2 for a missing filter.
class KillCommand
{
public:
    static int run(const AppOptions &options);
};
