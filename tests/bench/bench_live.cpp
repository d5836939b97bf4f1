// bench_live: costs on this host's real sockets, meant to run inside `sockpop --mix 100000`.
// Times, median of N runs: the raw /proc read, the /proc parse, a bare sock_diag dump (recv only,
// no decoding: the floor a netlink reader can reach), NetlinkSource's dump, and a whole in-process
// poll (netlink read + parse + Snapshot + tracker diff).
#include "baredump.h"
#include "benchclock.h"
#include "parse/inetdiagparser.h"
#include "parse/procnettcpparser.h"
#include "sources/local/countersreader.h"
#include "sources/local/filereader.h"
#include "sources/local/netlinksource.h"
#include "sources/local/procsource.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// The /proc text path: read, parse in memory, both.
void benchProc(int runs)
{
    QByteArray text4, text6;
    FileReader::read(QStringLiteral("/proc/net/tcp"), text4);
    FileReader::read(QStringLiteral("/proc/net/tcp6"), text6);
    ProcNetTcpParser::Options opt;
    ProcParseResult parsed;
    auto parseBoth = [&] {
        parsed.sockets.clear();
        parsed.lines = 0;
        ProcNetTcpParser::parseInto(parsed, text4, AddressFamily::IPv4, QStringLiteral("tcp"), opt);
        ProcNetTcpParser::parseInto(parsed, text6, AddressFamily::IPv6, QStringLiteral("tcp6"), opt);
    };
    parseBoth();
    const size_t procSockets = parsed.sockets.size();
    std::printf(
        "sockets: %zu in /proc (%lld + %lld bytes of text)\n", procSockets, qint64(text4.size()), qint64(text6.size()));

    QByteArray buf;
    BenchClock::measure(runs, [&] {
        FileReader::read(QStringLiteral("/proc/net/tcp"), buf);
        FileReader::read(QStringLiteral("/proc/net/tcp6"), buf);
    }).print("proc: read tcp+tcp6 (no parse)");
    char extra[160];
    const BenchClock parse = BenchClock::measure(runs, parseBoth);
    std::snprintf(extra, sizeof extra, "  %.0f ns/line", parse.cpuMs * 1e6 / double(qMax<size_t>(procSockets, 1)));
    parse.print("proc: parse text in memory", extra);
    BenchClock::measure(runs, [&] {
        FileReader::read(QStringLiteral("/proc/net/tcp"), text4);
        FileReader::read(QStringLiteral("/proc/net/tcp6"), text6);
        parseBoth();
    }).print("proc: read + parse");
}

// The floor: a sock_diag dump of both families that only counts the messages.
BenchClock benchBareDump(int runs)
{
    const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    const int rcvbuf = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    std::vector<char> nlbuf(64 * 1024);
    size_t bareCount = 0;
    const BenchClock bare
        = BenchClock::measure(runs, [&] { bareCount = bareDump(fd, AF_INET, nlbuf) + bareDump(fd, AF_INET6, nlbuf); });
    char extra[160];
    std::snprintf(extra, sizeof extra, "  %zu messages", bareCount);
    bare.print("netlink: bare sock_diag dump (no decode)", extra);
    ::close(fd);
    return bare;
}

// NetlinkSource's dump, on one thread and with IPv6 on a second one, against the bare dump.
void benchNetlinkDump(int runs, const BenchClock &bare, NetlinkSource &netlink)
{
    std::vector<SocketEntry> sockets;
    ProblemList problems;
    NetlinkSource sequential;
    sequential.setParallel(false);
    char extra[160];
    const BenchClock seq = BenchClock::measure(runs, [&] { sequential.dump(sockets, problems); });
    std::snprintf(extra, sizeof extra, "  %zu sockets, %.2fx bare", sockets.size(), seq.cpuMs / bare.cpuMs);
    seq.print("netlink: dump, one thread (read + decode)", extra);
    const BenchClock dump = BenchClock::measure(runs, [&] { netlink.dump(sockets, problems); });
    std::snprintf(extra, sizeof extra, "  %zu sockets, %.2fx bare", sockets.size(), dump.cpuMs / bare.cpuMs);
    dump.print("netlink: dump, IPv6 on a 2nd thread (default)", extra);
}

// The poll the app runs each tick: read + parse + freeze (dedup, counts) + tracker diff.
void benchPoll(int runs, const BenchClock &bare, NetlinkSource &netlink)
{
    ConnectionTracker tracker;
    size_t events = 0;
    auto pollOnce = [&] {
        SnapshotData d;
        d.timeMs = QDateTime::currentMSecsSinceEpoch();
        netlink.dump(d.sockets, d.problems);
        const Snapshot s(std::move(d));
        events = tracker.update(s).size();
    };
    pollOnce(); // the first poll reports every socket as new; steady state is what matters
    const BenchClock poll = BenchClock::measure(runs, pollOnce);
    char extra[160];
    std::snprintf(extra, sizeof extra, "  %.2fx bare dump, %zu events", poll.cpuMs / bare.cpuMs, events);
    poll.print("poll: netlink read + parse + snapshot + diff", extra);
    std::printf("RESULT bare_ms=%.2f poll_ms=%.2f ratio=%.2f target_ms=80 target_ratio=1.3\n", bare.cpuMs, poll.cpuMs,
        poll.cpuMs / bare.cpuMs);
}

// The counter files and both sources' whole poll (sockets + tunables, host, kernel).
void benchCountersAndSources(int runs)
{
    CountersReader counters;
    qint64 tw = 0;
    const BenchClock cost = BenchClock::measure(runs, [&] { tw = counters.read().timeWaitSockets(); });
    char extra[160];
    std::snprintf(extra, sizeof extra, "  sockstat tw %lld", tw);
    cost.print("counters: sockstat{,6} + snmp + netstat", extra);

    NetlinkSource full;
    BenchClock::measure(runs, [&] { full.poll(); }).print("NetlinkSource::poll (+ tunables, host, kernel)");
    ProcSource proc;
    BenchClock::measure(runs, [&] { proc.poll(); }).print("ProcSource::poll (+ tunables, host, kernel)");
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 15;
    benchProc(runs);
    const BenchClock bare = benchBareDump(runs);
    NetlinkSource netlink; // one source for both, as the app keeps one
    benchNetlinkDump(runs, bare, netlink);
    benchPoll(runs, bare, netlink);
    benchCountersAndSources(runs);
    return 0;
}
