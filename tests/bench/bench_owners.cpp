// bench_owners: what knowing each socket's process costs, meant to run inside `sockpop --mix 100000`.
// Times, median of N runs: the first (full) owner scan of /proc/*/fd, attach() (the lookup a poll does),
// a steady-state poll with owners when no socket is new (netlink dump + attach + scan), the same poll
// without owners, and a full rescan with the cache warm (what a rescan for unfound inodes costs).
#include "benchclock.h"
#include "sources/local/netlinksource.h"
#include "sources/local/ownerscanner.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
Snapshot attached(const OwnerScanner &scanner, const Snapshot &s)
{
    return s.withOwners(scanner.attach(s));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 11;
    NetlinkSource source;
    const Snapshot first = source.poll();
    if (!first.isValid()) {
        std::fprintf(stderr, "bench_owners: %s\n", qPrintable(first.status().error()));
        return 1;
    }
    std::printf("sockets: %zu\n", first.sockets().size());

    OwnerScanner cold;
    BenchClock::measure(1, [&] { cold.scan(attached(cold, first)); }).print("first scan (every /proc/PID/fd)");
    const SocketOwners owners = cold.attach(first);
    std::printf("owned: %zu of %zu, unknown %d, no process %d\n",
        first.sockets().size() - size_t(owners.unknown() + owners.count(SocketOwners::Missing::NoProcess)),
        first.sockets().size(), owners.unknown(), owners.count(SocketOwners::Missing::NoProcess));

    OwnerScanner warm;
    warm.scan(attached(warm, first));
    BenchClock::measure(runs, [&] { (void)warm.attach(first); }).print("attach (lookups only)");
    const BenchClock bare = BenchClock::measure(runs, [&] { (void)source.poll(); });
    bare.print("poll without owners");
    const BenchClock with = BenchClock::measure(runs, [&] {
        const Snapshot s = attached(warm, source.poll());
        warm.scan(s);
    });
    char extra[96];
    std::snprintf(extra, sizeof extra, "  (+%.2f ms cpu for owners)", with.cpuMs - bare.cpuMs);
    with.print("poll + attach + scan, nothing new", extra);
    const OwnerScanner::Stats st = warm.stats();
    std::printf("steady state: %lld scans read /proc, %lld fd tables read over %d polls\n", qlonglong(st.scans),
        qlonglong(st.fdTablesRead), runs + 1);

    // A snapshot without owners attached is read in full (as --snapshot does), with the cache warm.
    BenchClock::measure(runs, [&] { warm.scan(first); }).print("full rescan, cache warm");
    return 0;
}
