// bench_model: model costs on synthetic sockets (no namespace needed). 100k sockets in the benchmark
// mix (docs/performance.md); median of N runs of: Snapshot freeze (dedup + counts), tracker diff with 5% changed,
// history append. Then memory per tracked socket (RSS growth from 0 to 100k) and 24 h of history.
#include "benchclock.h"
#include "history/statehistory.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <unistd.h>

namespace {
SocketEntry makeSocket(int i)
{
    SocketEntry e;
    e.family = i % 2 ? AddressFamily::IPv6 : AddressFamily::IPv4;
    const quint32 host = 0x7f000000u + quint32(i / 60000) + 1; // 127.0.0.x, 60k ports each
    if (e.family == AddressFamily::IPv4) {
        for (int b = 0; b < 4; ++b)
            e.localAddr[size_t(b)] = e.remoteAddr[size_t(b)] = quint8(host >> (24 - 8 * b));
    } else {
        e.localAddr[15] = e.remoteAddr[15] = 1;
        e.localAddr[14] = e.remoteAddr[14] = quint8(i / 60000);
    }
    e.localPort = quint16(1024 + i % 60000);
    e.remotePort = 8080;
    const int m = (i / 2) % 10; // 50% ESTABLISHED, 30% TIME_WAIT, 10% CLOSE_WAIT, 10% FIN_WAIT2
    e.state = m < 5 ? TcpState::Established
        : m < 8     ? TcpState::TimeWait
        : m < 9     ? TcpState::CloseWait
                    : TcpState::FinWait2;
    e.kind = e.state == TcpState::TimeWait ? RowKind::TimeWaitSock : RowKind::Full;
    e.timer = e.state == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::None;
    e.inode = e.state == TcpState::TimeWait ? 0 : quint64(100000 + i);
    return e;
}

// 5% of the sockets changed against base: 2.5% change state, 2.5% are replaced (one connection gone,
// a new one in its place).
std::vector<SocketEntry> changed(const std::vector<SocketEntry> &base, int n)
{
    std::vector<SocketEntry> v = base;
    for (int i = 0; i < n; i += 40) {
        v[size_t(i)].state = v[size_t(i)].state == TcpState::TimeWait ? TcpState::Established : TcpState::TimeWait;
        v[size_t(i + 1)] = makeSocket(n + i); // one gone, one new in its place
    }
    return v;
}

long rssKb()
{
    FILE *f = std::fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        std::fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

Snapshot freeze(std::vector<SocketEntry> sockets, qint64 t)
{
    SnapshotData d;
    d.timeMs = t;
    d.sockets = std::move(sockets);
    return Snapshot(std::move(d));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 21;
    const int n = argc > 2 ? std::atoi(argv[2]) : 100'000;
    char extra[160];

    // Memory first, on a clean heap: what the app keeps per socket is the latest Snapshot plus the tracker.
    {
        ConnectionTracker tracker;
        tracker.update(freeze({}, 1));
        const long base = rssKb();
        std::vector<SocketEntry> v;
        v.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            v.push_back(makeSocket(i));
        const Snapshot s = freeze(std::move(v), 2);
        const size_t events = tracker.update(s).size();
        malloc_trim(0); // return the freed first-poll events to the OS: RSS then shows what is kept
        const long used = rssKb() - base;
        const double held = double(s.sockets().capacity() * sizeof(SocketEntry) + tracker.memoryBytes());
        std::printf("memory: %d sockets (%zu events) in a Snapshot + ConnectionTracker: RSS +%ld KiB = %.0f "
                    "bytes/socket; accounted heap %.0f bytes/socket (target 250)\n",
            n, events, used, double(used) * 1024 / n, held / n);
    }

    std::vector<SocketEntry> a;
    for (int i = 0; i < n; ++i)
        a.push_back(makeSocket(i));
    const std::vector<SocketEntry> b = changed(a, n);

    char name[96];
    std::snprintf(name, sizeof name, "Snapshot freeze of %dk (copy + dedup + counts)", n / 1000);
    BenchClock::measure(runs, [&] { freeze(a, 1); }).print(name);

    const Snapshot sa = freeze(a, 1000), sb = freeze(b, 2000);
    ConnectionTracker tracker;
    tracker.update(sa);
    bool toB = true;
    size_t events = 0;
    const BenchClock diff = BenchClock::measure(runs, [&] {
        events = tracker.update(toB ? sb : sa).size();
        toB = !toB;
    });
    std::snprintf(extra, sizeof extra, "  %zu events, %.0f ns/socket", events, diff.cpuMs * 1e6 / n);
    std::snprintf(name, sizeof name, "tracker diff of %dk, 5%% changed", n / 1000);
    diff.print(name, extra);

    StateHistory history; // 86,400 samples: 24 h at 1 s
    qint64 t = 0;
    const BenchClock append = BenchClock::measure(runs, [&] {
        for (int i = 0; i < 1000; ++i)
            history.append(i % 2 ? sa : sb);
        t += 1000;
    });
    std::snprintf(extra, sizeof extra, "  %.0f ns/append", append.cpuMs * 1e6 / 1000);
    std::snprintf(name, sizeof name, "history: 1000 appends of a %dk snapshot", n / 1000);
    append.print(name, extra);
    std::printf("history: 24 h at 1 s = %lld samples, memoryBytes() = %lld (%.2f MB, target < 10 MB)\n",
        qint64(history.capacity()), qint64(history.memoryBytes()), double(history.memoryBytes()) / 1e6);
    return 0;
}
