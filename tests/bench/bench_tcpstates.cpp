// bench_tcpstates: the eBPF state-change event path on its own, in a private network namespace.
//   bench_tcpstates [--rate N] [--seconds S] [--print]
// A forked child makes loopback connections and closes them client-first at about N state changes
// per second (default 20000; ten per connection); this process only drains the ring buffer, as a
// pipeline would (wait up to 50 ms for the 64 KiB wake-up, then take everything), and prints its
// own CPU time from getrusage(2) over S seconds (default 10), the events and the events lost.
// --print writes every event as a line instead (a diagnostic, with --rate 0 to watch by hand).
#include "core/tcpstateevent.h"
#include "loopbackpairs.h"
#include "netnamespace.h"
#include "sources/local/ebpf/tcpstateeventsource.h"

#include <QElapsedTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
constexpr int TransitionsPerConnection = 10; // 5 client + 5 server changes, client-first close

// Runs forever: every 10 ms a fresh listener and rate/1000 connections, opened and closed.
[[noreturn]] void generate(int rate)
{
    const int perTick = qMax(1, rate / TransitionsPerConnection / 100);
    timespec next {};
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (;;) {
        {
            LoopbackPairs pairs;
            if (pairs.listen() && pairs.open(perTick)) {
                pairs.closeClients();
                pairs.closeServers();
            }
        }
        next.tv_nsec += 10'000'000;
        if (next.tv_nsec >= 1'000'000'000) {
            next.tv_nsec -= 1'000'000'000;
            ++next.tv_sec;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
    }
}

qint64 cpuMicros()
{
    rusage r {};
    getrusage(RUSAGE_SELF, &r);
    return qint64(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1'000'000 + r.ru_utime.tv_usec + r.ru_stime.tv_usec;
}

void print(const TcpStateEvent &e)
{
    std::printf("%lld %016llx %s -> %s  %s %s\n", static_cast<long long>(e.timeNs),
        static_cast<unsigned long long>(e.cookie), qPrintable(TcpStates::kernelName(e.oldState)),
        qPrintable(TcpStates::kernelName(e.newState)),
        qPrintable(SocketEntry::endpointText(e.family, e.localAddr, e.localPort)),
        qPrintable(SocketEntry::endpointText(e.family, e.remoteAddr, e.remotePort)));
}
} // namespace

int main(int argc, char **argv)
{
    int rate = 20000;
    int seconds = 10;
    bool printing = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rate") == 0 && i + 1 < argc)
            rate = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--print") == 0)
            printing = true;
        else {
            std::fprintf(stderr, "usage: bench_tcpstates [--rate N] [--seconds S] [--print]\n");
            return 2;
        }
    }
    const QString ns = NetNamespace::enterNew();
    if (!ns.isEmpty()) {
        std::fprintf(stderr, "bench_tcpstates: no private network namespace: %s\n", qPrintable(ns));
        return 1;
    }
    TcpStateEventSource source;
    const Status opened = source.open();
    if (!opened.ok()) {
        std::fprintf(stderr, "bench_tcpstates: %s\n", qPrintable(opened.error()));
        return 1;
    }
    const pid_t child = rate > 0 ? fork() : -1;
    if (child == 0)
        generate(rate);

    std::vector<TcpStateEvent> events;
    qint64 total = 0;
    int drains = 0;
    const qint64 cpuBefore = cpuMicros();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < seconds * 1000LL) {
        events.clear();
        const Expected<qsizetype> n = source.drain(events, 50);
        if (!n.ok()) {
            std::fprintf(stderr, "bench_tcpstates: %s\n", qPrintable(n.error()));
            break;
        }
        total += *n;
        ++drains;
        if (printing) {
            for (const TcpStateEvent &e : events)
                print(e);
        }
    }
    const qint64 cpu = cpuMicros() - cpuBefore;
    const double elapsed = double(wall.elapsed()) / 1000.0;
    if (child > 0) {
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
    }
    std::printf("events %lld in %.1f s (%.0f/s), %d drains, lost %llu\n", static_cast<long long>(total), elapsed,
        double(total) / elapsed, drains, static_cast<unsigned long long>(source.lostEvents()));
    std::printf("drain CPU %.1f ms: %.3f%% of a core, %.2f us per event\n", double(cpu) / 1000.0,
        100.0 * double(cpu) / 1e6 / elapsed, total ? double(cpu) / double(total) : 0.0);
    return 0;
}
