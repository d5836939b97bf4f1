#pragma once

#include "core/socketentry.h"

#include <QString>

#include <vector>

// Ends TCP connections one by one with SOCK_DESTROY (sources/local/socketdestroyer.h): the loop both
// `tcpscope --kill` and the window's "End connection..." run. Blocking netlink round trips: the window
// runs it on a worker thread. Linux only; elsewhere every connection fails with the reason.
class EndConnectionJob
{
public:
    struct Failure
    {
        size_t index = 0; // into the sockets given
        QString reason;
        int error = 0; // errno: EPERM, EOPNOTSUPP, ENOENT, ...
    };
    struct Result
    {
        size_t ended = 0;
        size_t gone = 0; // already closed (ENOENT), e.g. the other end of a loopback pair just ended
        std::vector<Failure> failures; // gone ones too, as --kill reports them
    };

    // Stops early at the first EPERM or EOPNOTSUPP: every other socket would get the same answer.
    static Result run(const std::vector<SocketEntry> &sockets);
};
