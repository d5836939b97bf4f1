// sockpop: populates a private network namespace with loopback TCP sockets in chosen states,
// then runs a command inside it (or waits), and cleans up by exiting: the namespace dies with it.
//
//   sockpop [--family 4|6|both] [--established N] [--time-wait N] [--server-time-wait N]
//           [--close-wait N] [--fin-wait2 N] [--syn-recv N] [--reset N] [-- COMMAND ARGS...]
//
// Example: sockpop --established 500 --time-wait 300 -- tcpscope --snapshot
#include "loopbacklab.h"
#include "netnamespace.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {
struct Counts
{
    int established = 0, timeWait = 0, serverTimeWait = 0, closeWait = 0, finWait2 = 0, synRecv = 0, reset = 0;
};

int usage()
{
    std::fprintf(stderr,
        "usage: sockpop [--family 4|6|both] [--established N] [--time-wait N] [--server-time-wait N]\n"
        "               [--close-wait N] [--fin-wait2 N] [--syn-recv N] [--reset N] [-- COMMAND ...]\n"
        "Counts are connections: --established 10 makes 20 ESTABLISHED sockets (both ends).\n"
        "--close-wait N leaves N CLOSE_WAIT (server) + N orphaned FIN_WAIT2 (client);\n"
        "--fin-wait2 N leaves N CLOSE_WAIT + N FIN_WAIT2 still owned (shutdown(SHUT_WR)).\n");
    return 2;
}

void raiseFileLimit()
{
    rlimit r {};
    if (getrlimit(RLIMIT_NOFILE, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

bool populate(AddressFamily f, const Counts &c, std::vector<std::unique_ptr<LoopbackLab>> &labs)
{
    auto lab = std::make_unique<LoopbackLab>(f);
    const bool ok = lab->listen() && lab->established(c.established) && lab->clientClosesFirst(c.timeWait)
        && lab->serverClosesFirst(c.serverTimeWait) && lab->halfClosed(c.closeWait, true)
        && lab->halfClosed(c.finWait2, false) && lab->synRecv(c.synRecv) && lab->reset(c.reset);
    if (!ok)
        std::fprintf(stderr, "sockpop: IPv%d: %s\n", int(f), qPrintable(lab->lastError()));
    labs.push_back(std::move(lab));
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    const QString nsError = NetNamespace::enterNew();
    if (!nsError.isEmpty()) {
        std::fprintf(stderr, "sockpop: cannot create a network namespace: %s\n", qPrintable(nsError));
        return 1;
    }
    Counts c;
    bool v4 = true, v6 = true;
    int i = 1;
    for (; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--") == 0) {
            ++i;
            break;
        }
        if (i + 1 >= argc)
            return usage();
        const char *v = argv[++i];
        const int n = std::atoi(v);
        if (std::strcmp(a, "--family") == 0) {
            v4 = std::strcmp(v, "6") != 0;
            v6 = std::strcmp(v, "4") != 0;
        } else if (std::strcmp(a, "--established") == 0)
            c.established = n;
        else if (std::strcmp(a, "--time-wait") == 0)
            c.timeWait = n;
        else if (std::strcmp(a, "--server-time-wait") == 0)
            c.serverTimeWait = n;
        else if (std::strcmp(a, "--close-wait") == 0)
            c.closeWait = n;
        else if (std::strcmp(a, "--fin-wait2") == 0)
            c.finWait2 = n;
        else if (std::strcmp(a, "--syn-recv") == 0)
            c.synRecv = n;
        else if (std::strcmp(a, "--reset") == 0)
            c.reset = n;
        else
            return usage();
    }
    raiseFileLimit();
    std::vector<std::unique_ptr<LoopbackLab>> labs;
    if ((v4 && !populate(AddressFamily::IPv4, c, labs)) || (v6 && !populate(AddressFamily::IPv6, c, labs)))
        return 1;
    if (i >= argc) {
        std::fprintf(stderr, "sockpop: populated; press Ctrl-C to tear down\n");
        pause();
        return 0;
    }
    const pid_t child = fork();
    if (child == 0) {
        execvp(argv[i], argv + i);
        std::fprintf(stderr, "sockpop: cannot run %s: %s\n", argv[i], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
