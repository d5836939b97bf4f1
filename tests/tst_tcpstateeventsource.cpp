#include "core/tcpstateevent.h"
#include "loopbackchurn.h"
#include "loopbackpairs.h"
#include "parse/inetdiagparser.h"
#include "sources/local/ebpf/tcpstateeventsource.h"
#include "testmain.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>

namespace {
using Events = std::vector<TcpStateEvent>;

// (local port, remote port) -> idiag_cookie of the TCP sockets in `states`, from one raw
// SOCK_DIAG_BY_FAMILY dump (sock_diag(7)): SocketEntry does not carry the cookie.
std::map<std::pair<quint16, quint16>, quint64> diagCookies(int family, quint32 states)
{
    std::map<std::pair<quint16, quint16>, quint64> cookies;
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    const QByteArray request = InetDiagParser::dumpRequest(family, states, 1);
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (fd < 0
        || ::sendto(
               fd, request.constData(), size_t(request.size()), 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel)
            < 0)
        return cookies;
    alignas(nlmsghdr) static char buffer[65536];
    for (bool done = false; !done;) {
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
                done = true;
                break;
            }
            const auto *m = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            cookies[{ ntohs(m->id.idiag_sport), ntohs(m->id.idiag_dport) }]
                = m->id.idiag_cookie[0] | (quint64(m->id.idiag_cookie[1]) << 32);
        }
    }
    ::close(fd);
    return cookies;
}

qsizetype countOf(const Events &events, TcpState from, TcpState to, const std::set<quint16> &localPorts)
{
    return std::count_if(events.cbegin(), events.cend(), [&](const TcpStateEvent &e) {
        return e.oldState == from && e.newState == to && localPorts.count(e.localPort) != 0;
    });
}

// One end is 127.0.0.lastOctet (a client connecting to 127.0.0.2 gets 127.0.0.1, the route's source).
bool touches(const TcpStateEvent &e, quint8 lastOctet)
{
    return e.family == AddressFamily::IPv4 && (e.localAddr[3] == lastOctet || e.remoteAddr[3] == lastOctet);
}

// What was drained, for a failure message: "old->new count" per transition (include/net/tcp_states.h
// numbers), and the ring buffer's losses.
QByteArray summary(const TcpStateEventSource &source, const Events &events)
{
    std::map<std::pair<int, int>, int> counts;
    for (const TcpStateEvent &e : events)
        ++counts[{ int(e.oldState), int(e.newState) }];
    QByteArray out = "lost " + QByteArray::number(source.lostEvents()) + ";";
    for (const auto &[hop, n] : counts)
        out += ' ' + QByteArray::number(hop.first) + "->" + QByteArray::number(hop.second) + ' '
            + QByteArray::number(n);
    return out;
}

// Drains until `until` holds or 15 s pass (a bound for a loaded machine, not a timing), in 50 ms
// batches as a pipeline would.
bool drainUntil(TcpStateEventSource &source, Events &events, const std::function<bool()> &until)
{
    const QDeadlineTimer deadline(15000);
    while (!until() && !deadline.hasExpired()) {
        const Expected<qsizetype> n = source.drain(events, 50);
        if (!n.ok()) {
            qWarning("drain: %s", qPrintable(n.error()));
            return false;
        }
    }
    return until();
}

// A child in a second network namespace makes `n` connections on 127.0.0.2 once told to.
struct SecondNamespace
{
    pid_t pid = -1;
    int ready[2] = { -1, -1 };
    int go[2] = { -1, -1 };

    bool start(int n)
    {
        if (::pipe(ready) < 0 || ::pipe(go) < 0 || (pid = ::fork()) < 0)
            return false;
        if (pid == 0) {
            // Gone with the test: a test that fails before release() must not leave this child
            // holding ctest's output pipe (ctest then waits for ever).
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(ready[0]);
            ::close(go[1]);
            char c = NetNamespace::enterNew().isEmpty() ? 'y' : 'n';
            (void)!::write(ready[1], &c, 1);
            (void)!::read(go[0], &c, 1);
            LoopbackPairs pairs(false, 0x7f000002);
            const bool ok = pairs.listen() && pairs.open(n);
            pairs.closeClients();
            ::usleep(50 * 1000); // the clients' FINs first, as in the parent
            pairs.closeServers();
            ::usleep(50 * 1000);
            c = ok ? 'd' : 'f';
            (void)!::write(ready[1], &c, 1);
            // Alive until released: a namespace freed now could give its inode number to another
            // test's new namespace, whose events the parent's source for this one would then see.
            (void)!::read(go[0], &c, 1);
            ::_exit(ok ? 0 : 1);
        }
        ::close(ready[1]); // the child's ends: its exit is an end of file here
        ::close(go[0]);
        ready[1] = go[0] = -1;
        char c = 'n';
        return ::read(ready[0], &c, 1) == 1 && c == 'y';
    }
    // Lets the child make its connections; true when they all worked.
    bool connect()
    {
        char c = 'g';
        (void)!::write(go[1], &c, 1);
        return ::read(ready[0], &c, 1) == 1 && c == 'd';
    }
    // Lets the child (and its namespace) go; its exit status.
    int release()
    {
        const char c = 'x';
        (void)!::write(go[1], &c, 1);
        int status = 0;
        ::waitpid(pid, &status, 0);
        for (int fd : { ready[0], go[1] })
            ::close(fd);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};
} // namespace

// Built without libbpf: a skip with the reason, except in CI (CI=true), which installs it (scripts/dev.sh).
#define REQUIRE_EBPF_BUILD()                                                                                           \
    do {                                                                                                               \
        if (!TcpStateEventSource::builtIn()) {                                                                         \
            const QString why_ = TcpStateEventSource().open().error();                                                 \
            if (NetNamespace::mustNotSkip())                                                                           \
                QFAIL(qPrintable(why_));                                                                               \
            QSKIP(qPrintable(why_));                                                                                   \
        }                                                                                                              \
    } while (false)

// Loads the source for this test's namespace; without privileges outside CI, skips saying why.
#define OPEN_OR_SKIP(source, ...)                                                                                      \
    do {                                                                                                               \
        TCPSCOPE_REQUIRE_NAMESPACE();                                                                                  \
        REQUIRE_EBPF_BUILD();                                                                                          \
        const Status opened_ = (source).open(__VA_ARGS__);                                                             \
        if (!opened_.ok() && !NetNamespace::mustNotSkip() && opened_.error().contains(QLatin1String("needs CAP_BPF"))) \
            QSKIP(qPrintable(QLatin1String("eBPF events cannot load here: ") + opened_.error()));                      \
        QVERIFY2(opened_.ok(), qPrintable(opened_.error()));                                                           \
    } while (false)

class TestTcpStateEventSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyClientFirstClose();
    void unprivilegedLoadIsRefused();
    void cookiesMatchSockDiag_data();
    void cookiesMatchSockDiag();
    void closedSourceSaysSo();
    void overflowIsCounted();
};

// 500 connections opened and closed client-first in one burst, between two drains: every client's
// ESTABLISHED -> FIN_WAIT1 and FIN_WAIT2 -> CLOSE (its TIME_WAIT entry) arrives, once, none lost;
// connections of another namespace do not.
void TestTcpStateEventSource::everyClientFirstClose()
{
    TcpStateEventSource source;
    OPEN_OR_SKIP(source);
    SecondNamespace other;
    QVERIFY(other.start(50));
    TcpStateEventSource otherSource;
    QVERIFY2(otherSource.open(QStringLiteral("/proc/%1/ns/net").arg(other.pid)).ok(), "second namespace");
    QVERIFY(other.connect());

    constexpr int N = 500;
    LoopbackPairs pairs;
    QVERIFY(pairs.listen());
    QElapsedTimer burst;
    burst.start();
    QVERIFY(pairs.open(N));
    const std::set<quint16> ports(pairs.clientPorts().cbegin(), pairs.clientPorts().cend());
    QCOMPARE(int(ports.size()), N);
    pairs.closeClients();
    Events events;
    QVERIFY2(
        drainUntil(source, events, [&] { return countOf(events, TcpState::FinWait1, TcpState::FinWait2, ports) >= N; }),
        summary(source, events).constData());
    pairs.closeServers();
    qInfo("%d connections opened and closed client-first in %lld ms", N, burst.elapsed());
    const std::set<quint16> server { pairs.listenerPort() };
    QVERIFY2(
        drainUntil(source, events, [&] { return countOf(events, TcpState::LastAck, TcpState::Close, server) >= N; }),
        summary(source, events).constData());
    source.drain(events); // anything still in flight would be a duplicate
    QCOMPARE(countOf(events, TcpState::Established, TcpState::FinWait1, ports), N);
    QCOMPARE(countOf(events, TcpState::FinWait1, TcpState::FinWait2, ports), N);
    QCOMPARE(countOf(events, TcpState::FinWait2, TcpState::Close, ports), N);
    QCOMPARE(countOf(events, TcpState::LastAck, TcpState::Close, server), N);
    QCOMPARE(source.lostEvents(), quint64(0));
    QVERIFY(std::none_of(events.cbegin(), events.cend(), [](const TcpStateEvent &e) { return touches(e, 2); }));

    // The other namespace's source saw its own 50 client closes, none of ours.
    Events theirs;
    const auto theirCloses = [&theirs] {
        return std::count_if(theirs.cbegin(), theirs.cend(), [](const TcpStateEvent &e) {
            return touches(e, 2) && e.oldState == TcpState::Established && e.newState == TcpState::FinWait1;
        });
    };
    QVERIFY(drainUntil(otherSource, theirs, [&] { return theirCloses() >= 50; }));
    QCOMPARE(theirCloses(), 50);
    QVERIFY(std::all_of(theirs.cbegin(), theirs.cend(), [](const TcpStateEvent &e) { return touches(e, 2); }));
    QCOMPARE(other.release(), 0);
}

// Without CAP_BPF and CAP_PERFMON the load fails with the reason and how to fix it, and nothing crashes.
void TestTcpStateEventSource::unprivilegedLoadIsRefused()
{
    REQUIRE_EBPF_BUILD();
    // A copy nobody can run: the build tree may not be readable by that user.
    QTemporaryDir dir;
    const QString probe = dir.filePath(QStringLiteral("tcpstatesprobe"));
    QVERIFY(QFile::copy(QStringLiteral(TCPSCOPE_TCPSTATESPROBE), probe));
    QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFile::ExeOther | QFile::ReadOther);
    QProcess p;
    // setpriv can drop to nobody only as root of the initial user namespace, whose uid_map is the identity.
    QFile uidMap(QStringLiteral("/proc/self/uid_map"));
    const bool realRoot = ::geteuid() == 0 && uidMap.open(QIODevice::ReadOnly)
        && uidMap.readAll().simplified() == QByteArrayLiteral("0 0 4294967295");
    if (realRoot) {
        p.start(QStringLiteral("setpriv"),
            { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                QStringLiteral("--inh-caps=-all"), QStringLiteral("--bounding-set=-all"), probe });
    } else {
        p.start(probe);
    }
    QVERIFY(p.waitForFinished(10000));
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput() + p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 1, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("needs CAP_BPF and CAP_PERFMON: run as root or `setcap cap_bpf,cap_perfmon+ep ")
                 + probe + QLatin1Char('`')),
        qPrintable(out));
}

void TestTcpStateEventSource::cookiesMatchSockDiag_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("IPv4") << false;
    QTest::newRow("IPv6") << true;
}

// The cookie of an event is sock_diag's cookie of the same socket, ESTABLISHED and in TIME_WAIT.
void TestTcpStateEventSource::cookiesMatchSockDiag()
{
    QFETCH(bool, ipv6);
    TcpStateEventSource source;
    OPEN_OR_SKIP(source);
    constexpr int N = 20;
    const int family = ipv6 ? AF_INET6 : AF_INET;
    LoopbackPairs pairs(ipv6);
    QVERIFY(pairs.listen());
    QVERIFY(pairs.open(N));
    const std::vector<quint16> ports = pairs.clientPorts();
    const std::set<quint16> portSet(ports.cbegin(), ports.cend());
    const quint16 server = pairs.listenerPort();
    Events events;
    QVERIFY(drainUntil(
        source, events, [&] { return countOf(events, TcpState::SynSent, TcpState::Established, portSet) >= N; }));

    const auto established = diagCookies(family, 1u << 1);
    const auto eventCookie = [&events](quint16 local, quint16 remote, TcpState to) {
        for (const TcpStateEvent &e : events) {
            if (e.localPort == local && e.remotePort == remote && e.newState == to)
                return e.cookie;
        }
        return quint64(0);
    };
    for (quint16 port : ports) {
        QVERIFY(established.count({ port, server }) && established.count({ server, port }));
        QCOMPARE(eventCookie(port, server, TcpState::Established), established.at({ port, server }));
        QCOMPARE(eventCookie(server, port, TcpState::Established), established.at({ server, port }));
    }

    pairs.closeClients();
    QVERIFY(
        drainUntil(source, events, [&] { return countOf(events, TcpState::FinWait2, TcpState::Close, portSet) >= N; }));
    pairs.closeServers();
    const std::set<quint16> serverSet { server };
    QVERIFY(drainUntil(
        source, events, [&] { return countOf(events, TcpState::LastAck, TcpState::Close, serverSet) >= N; }));
    const auto timeWait = diagCookies(family, 1u << 6);
    for (quint16 port : ports) {
        QVERIFY(timeWait.count({ port, server }));
        QCOMPARE(eventCookie(port, server, TcpState::Close), timeWait.at({ port, server }));
        QCOMPARE(timeWait.at({ port, server }), established.at({ port, server }));
    }
    const TcpStateEvent &any = events.back();
    QCOMPARE(any.family, ipv6 ? AddressFamily::IPv6 : AddressFamily::IPv4);
}

void TestTcpStateEventSource::closedSourceSaysSo()
{
    TcpStateEventSource source;
    Events events;
    QVERIFY(!source.isOpen());
    QVERIFY(!source.drain(events).ok());
    QCOMPARE(source.lostEvents(), quint64(0));
    if (!TcpStateEventSource::builtIn()) {
        QCOMPARE(source.open().error(),
            QStringLiteral("built without eBPF support (install libbpf-dev bpftool clang and rebuild)"));
    } else {
        const Status missing = source.open(QStringLiteral("/nonexistent/ns/net"));
        QVERIFY(missing.error().startsWith(QLatin1String("cannot read the network namespace /nonexistent/ns/net: ")));
    }
}

// A burst larger than the ring buffer (TCPSCOPE_RINGBUF_BYTES) with nobody draining: what did not
// fit is counted, not silently dropped; every change is either drained or counted as lost.
void TestTcpStateEventSource::overflowIsCounted()
{
    TcpStateEventSource source;
    OPEN_OR_SKIP(source);
    constexpr int N = 3000; // 10 changes each, 30,000 records: about twice what 1 MiB holds
    QVERIFY(LoopbackChurn::raiseFileLimit(2 * N + 1024));
    LoopbackPairs pairs;
    QVERIFY(pairs.listen());
    QVERIFY(pairs.open(N));
    pairs.closeClients();
    QTest::qWait(200); // the servers read the FINs first, so every pair closes client-first
    pairs.closeServers();
    QTest::qWait(200);
    Events events;
    for (;;) {
        const Expected<qsizetype> n = source.drain(events, 50);
        if (!n.ok() || n.value() == 0)
            break;
    }
    const quint16 port = pairs.listenerPort(); // each change of ours has it at one end
    const auto ours = quint64(std::count_if(events.cbegin(), events.cend(),
        [port](const TcpStateEvent &e) { return e.localPort == port || e.remotePort == port; }));
    // Per pair: the client CLOSE -> SYN_SENT -> ESTABLISHED -> FIN_WAIT1 -> FIN_WAIT2 -> CLOSE, the
    // server's child LISTEN -> SYN_RECV -> ESTABLISHED -> CLOSE_WAIT -> LAST_ACK -> CLOSE; the listener
    // CLOSE -> LISTEN once.
    qInfo("%d pairs: %llu changes drained, %llu lost", N, qulonglong(ours), qulonglong(source.lostEvents()));
    QVERIFY2(source.lostEvents() > 0, summary(source, events).constData());
    QVERIFY2(
        ours + source.lostEvents() == quint64(10 * N + 1), summary(source, events).constData()); // 16,383 + 13,618 here
}

TCPSCOPE_TEST_MAIN(TestTcpStateEventSource, QCoreApplication, TestMain::Isolated)
#include "tst_tcpstateeventsource.moc"
