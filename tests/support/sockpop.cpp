// sockpop: populates a private network namespace with loopback TCP sockets in chosen states,
// then runs a command inside it (or waits), and cleans up by exiting: the namespace dies with it.
//
//   sockpop [--family 4|6|both] [--established N] [--time-wait N] [--server-time-wait N]
//           [--close-wait N] [--fin-wait2 N] [--syn-recv N] [--reset N] [-- COMMAND ARGS...]
//   sockpop --mix N [-- COMMAND ARGS...]
//
// Example: sockpop --established 500 --time-wait 300 -- tcpscope --snapshot
// --mix N makes about N sockets in the benchmark mix of docs/performance.md: half IPv4,
// half IPv6; 50% ESTABLISHED, 30% TIME_WAIT, 10% CLOSE_WAIT, 10% FIN_WAIT2 (owned, so it does not
// expire). TIME_WAIT lasts 60 s (TCP_TIMEWAIT_LEN): run the command within a minute.
#include "netnamespace.h"
#include "teaching/loopbacklab.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
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
using Counts = LoopbackLab::Mix;

// The count a --STATE option sets, or nullptr for another option.
int *countFor(Counts &c, const char *option)
{
    static const std::pair<const char *, int Counts::*> options[] = {
        { "--established", &Counts::established },
        { "--time-wait", &Counts::timeWait },
        { "--server-time-wait", &Counts::serverTimeWait },
        { "--close-wait", &Counts::closeWait },
        { "--fin-wait2", &Counts::finWait2 },
        { "--syn-recv", &Counts::synRecv },
        { "--reset", &Counts::reset },
    };
    for (const auto &[name, field] : options) {
        if (std::strcmp(option, name) == 0)
            return &(c.*field);
    }
    return nullptr;
}

int usage()
{
    std::fprintf(stderr,
        "usage: sockpop [--here] [--family 4|6|both] [--established N] [--time-wait N] [--server-time-wait N]\n"
        "               [--close-wait N] [--fin-wait2 N] [--syn-recv N] [--reset N] [-- COMMAND ...]\n"
        "Runs in a new network namespace (with lo up) unless --here comes first.\n"
        "Counts are connections: --established 10 makes 20 ESTABLISHED sockets (both ends).\n"
        "--close-wait N leaves N CLOSE_WAIT (server) + N orphaned FIN_WAIT2 (client);\n"
        "--fin-wait2 N leaves N CLOSE_WAIT + N FIN_WAIT2 still owned (shutdown(SHUT_WR)).\n"
        "--mix N: about N sockets, half IPv4/half IPv6, 50%% ESTABLISHED, 30%% TIME_WAIT, 10%% CLOSE_WAIT,\n"
        "10%% FIN_WAIT2 (the benchmark population; TIME_WAIT expires after 60 s).\n");
    return 2;
}

void raiseFileLimit(rlim_t wanted)
{
    rlimit r {};
    if (getrlimit(RLIMIT_NOFILE, &r) != 0)
        return;
    // Root may raise the hard limit (up to fs.nr_open); others get the soft limit raised to it.
    if (r.rlim_max < wanted) {
        rlimit more { wanted, wanted };
        if (setrlimit(RLIMIT_NOFILE, &more) == 0)
            return;
    }
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
}

// Namespace-local sysctls for a big population; they die with the namespace.
void writeSysctl(const char *path, const char *value)
{
    if (FILE *f = std::fopen(path, "w")) {
        std::fputs(value, f);
        std::fclose(f);
    }
}

bool populate(AddressFamily f, const Counts &c, std::vector<std::unique_ptr<LoopbackLab>> &labs)
{
    auto lab = std::make_unique<LoopbackLab>(f);
    const Status made = lab->populate(c);
    if (!made.ok())
        std::fprintf(stderr, "sockpop: IPv%d: %s\n", int(f), qPrintable(made.error()));
    labs.push_back(std::move(lab));
    return made.ok();
}

// Many labs, each with its own listener port: every lab adds fresh 4-tuples, so 100k sockets fit
// in the ephemeral range, and LoopbackLab's descriptor list stays short.
bool runLabs(
    AddressFamily f, int n, Status (*step)(LoopbackLab &, int), std::vector<std::unique_ptr<LoopbackLab>> &labs)
{
    constexpr int PerLab = 2000;
    for (int done = 0; done < n; done += PerLab) {
        auto lab = std::make_unique<LoopbackLab>(f);
        const int k = std::min(PerLab, n - done);
        Status made = lab->listen().status();
        if (made.ok())
            made = step(*lab, k);
        if (!made.ok()) {
            std::fprintf(stderr, "sockpop: IPv%d: %s\n", int(f), qPrintable(made.error()));
            return false;
        }
        labs.push_back(std::move(lab));
    }
    return true;
}

Status established(LoopbackLab &l, int k)
{
    return l.established(k);
}
Status halfClosedOwned(LoopbackLab &l, int k)
{
    return l.halfClosed(k, false);
}
Status timeWait(LoopbackLab &l, int k)
{
    return l.clientClosesFirst(k);
}

// Descriptors that stay open are held by worker processes in the same namespace, a few thousand
// each: RLIMIT_NOFILE may be capped (20000 here) and raising it needs CAP_SYS_RESOURCE.
struct Workers
{
    std::vector<pid_t> pids;
    ~Workers()
    {
        for (pid_t p : pids)
            kill(p, SIGKILL);
        for (pid_t p : pids)
            waitpid(p, nullptr, 0);
    }
    bool spawn(AddressFamily f, int n, Status (*step)(LoopbackLab &, int))
    {
        int ready[2];
        if (pipe(ready) < 0)
            return false;
        const pid_t pid = fork();
        if (pid == 0) {
            ::close(ready[0]);
            std::vector<std::unique_ptr<LoopbackLab>> labs;
            const char ok = runLabs(f, n, step, labs) ? 'y' : 'n';
            (void)!::write(ready[1], &ok, 1);
            for (;;)
                pause();
        }
        ::close(ready[1]);
        if (pid < 0)
            return false;
        pids.push_back(pid);
        char ok = 'n';
        (void)!::read(ready[0], &ok, 1);
        ::close(ready[0]);
        return ok == 'y';
    }
};

bool populateMix(AddressFamily f, int total, Workers &workers)
{
    constexpr int PerWorker = 6000; // connections, so at most 12,000 descriptors per process
    const int est = total / 4; // connections: both ends count, 50% of the sockets
    const int half = total / 10; // CLOSE_WAIT + FIN_WAIT2 pairs, 20%
    for (int d = 0; d < est; d += PerWorker) {
        if (!workers.spawn(f, std::min(PerWorker, est - d), established))
            return false;
    }
    for (int d = 0; d < half; d += PerWorker) {
        if (!workers.spawn(f, std::min(PerWorker, half - d), halfClosedOwned))
            return false;
    }
    return true;
}
// Many ESTABLISHED pairs go to worker processes, as for --mix (RLIMIT_NOFILE); c then asks for none.
bool establishedInWorkers(Counts &c, bool v4, bool v6, Workers &workers)
{
    constexpr int PerWorker = 6000;
    if (c.established <= PerWorker)
        return true;
    for (const AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
        if (f == AddressFamily::IPv4 ? !v4 : !v6)
            continue;
        for (int d = 0; d < c.established; d += PerWorker) {
            if (!workers.spawn(f, std::min(PerWorker, c.established - d), established))
                return false;
        }
    }
    c.established = 0;
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    // --here (first) stays in the caller's namespace, so several runs can share one (scripts/screenshots.sh).
    const bool here = argc > 1 && std::strcmp(argv[1], "--here") == 0;
    if (here) {
        --argc;
        ++argv;
    }
    const QString nsError = here ? QString() : NetNamespace::enterNew();
    if (!nsError.isEmpty()) {
        std::fprintf(stderr, "sockpop: cannot create a network namespace: %s\n", qPrintable(nsError));
        return 1;
    }
    Counts c;
    int mix = 0;
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
        } else if (std::strcmp(a, "--mix") == 0) {
            mix = n;
        } else if (int *count = countFor(c, a)) {
            *count = n;
        } else {
            return usage();
        }
    }
    raiseFileLimit(4 * rlim_t(c.established + c.closeWait + c.finWait2 + c.synRecv) + 1024);
    std::vector<std::unique_ptr<LoopbackLab>> labs;
    Workers workers;
    if (mix > 0) {
        // Keep every TIME_WAIT: no reuse of their 4-tuples, room for 100k+ of them, a wide port range.
        writeSysctl("/proc/sys/net/ipv4/tcp_tw_reuse", "0");
        writeSysctl("/proc/sys/net/ipv4/tcp_max_tw_buckets", "1000000");
        writeSysctl("/proc/sys/net/ipv4/ip_local_port_range", "1024 65535");
        QElapsedTimer t;
        t.start();
        const int n4 = v4 ? (v6 ? mix / 2 : mix) : 0;
        const int n6 = mix - n4;
        // TIME_WAIT (client ends, 30%) last and in this process, so they live longest.
        if ((n4 && !populateMix(AddressFamily::IPv4, n4, workers))
            || (n6 && !populateMix(AddressFamily::IPv6, n6, workers))
            || (n4 && !runLabs(AddressFamily::IPv4, n4 * 3 / 10, timeWait, labs))
            || (n6 && !runLabs(AddressFamily::IPv6, n6 * 3 / 10, timeWait, labs)))
            return 1;
        std::fprintf(stderr, "sockpop: %d sockets in the benchmark mix in %.1f s\n", mix, double(t.elapsed()) / 1000);
    } else {
        if (!establishedInWorkers(c, v4, v6, workers))
            return 1;
        if ((v4 && !populate(AddressFamily::IPv4, c, labs)) || (v6 && !populate(AddressFamily::IPv6, c, labs)))
            return 1;
    }
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
