// accept-queue-overflow against real loopback sockets in a private network namespace, read by the
// source the GUI uses (SourceFactory: sock_diag, or /proc without it) and polled twice, as the pipeline
// does: a listener with backlog 1 that never calls accept() overflows (include/net/sock.h
// sk_acceptq_is_full), one that accepts does not. Then named processes: a client that closes first
// leaves TIME_WAIT the advisor names it for (remembered), a server that never closes, CLOSE_WAIT.
#include "analysis/advisor.h"
#include "namedchild.h"
#include "sources/snapshotsource.h"
#include "sources/sourcefactory.h"
#include "sources/sourcespec.h"
#include "testmain.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QFile>
#include <QScopeGuard>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace {
constexpr int Clients = 8;

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

// Closes every socket it opened, so one test's sockets never reach the next.
class Sockets
{
public:
    ~Sockets()
    {
        for (int fd : m_fds)
            ::close(fd);
    }
    // A listener on 127.0.0.1 (any port) with this backlog; 0 on failure.
    quint16 listen(int backlog)
    {
        const int fd = open(0);
        sockaddr_in a = loopback(0);
        socklen_t len = sizeof a;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&a), len) < 0 || ::listen(fd, backlog) < 0
            || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) < 0)
            return 0;
        m_listener = fd;
        return ntohs(a.sin_port);
    }
    // Non-blocking: a client whose SYN the full queue drops stays in SYN_SENT instead of blocking.
    bool connectClients(quint16 port)
    {
        for (int i = 0; i < Clients; ++i) {
            const sockaddr_in a = loopback(port);
            const int fd = open(SOCK_NONBLOCK);
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a) < 0 && errno != EINPROGRESS)
                return false;
        }
        return true;
    }
    // accept() until `n` connections came or two seconds passed.
    int acceptAll(int n)
    {
        ::fcntl(m_listener, F_SETFL, ::fcntl(m_listener, F_GETFL) | O_NONBLOCK);
        int got = 0;
        for (int tries = 0; got < n && tries < 200; ++tries) {
            const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0) {
                m_fds.push_back(fd);
                ++got;
            } else {
                QTest::qWait(10);
            }
        }
        return got;
    }

private:
    int open(int flags)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | flags, 0);
        m_fds.push_back(fd);
        return fd;
    }
    std::vector<int> m_fds;
    int m_listener = -1;
};

const Advisory *byId(const std::vector<Advisory> &all, const char *id)
{
    for (const Advisory &a : all) {
        if (a.id == QLatin1String(id))
            return &a;
    }
    return nullptr;
}

const Advisory *overflow(const std::vector<Advisory> &all)
{
    return byId(all, "accept-queue-overflow");
}

// One poll with its owners scanned first, as tcpscope --snapshot does (app/snapshotcommand.cpp).
Snapshot ownedPoll(SnapshotSource &source)
{
    Snapshot s = source.poll();
    if (const std::shared_ptr<OwnerLookup> owners = source.ownerLookup()) {
        owners->scan(s);
        s = s.withOwners(owners->attach(s));
    }
    return s;
}

int count(const Snapshot &s, const std::function<bool(const SocketEntry &)> &which)
{
    return int(std::count_if(s.sockets().begin(), s.sockets().end(), which));
}

// net.ipv4.tcp_max_tw_buckets of this network namespace (net/ipv4/sysctl_net_ipv4.c: per namespace).
const QString kTwBuckets = QStringLiteral("/proc/sys/net/ipv4/tcp_max_tw_buckets");
QByteArray readSysctl()
{
    QFile f(kTwBuckets);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}
bool writeSysctl(const QByteArray &value)
{
    QFile f(kTwBuckets);
    return f.open(QIODevice::WriteOnly) && f.write(value) == value.size();
}
} // namespace

class TestAdvisorLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }
    // First: the namespace's ListenOverflows counter is still 0 here.
    void acceptingListenerIsQuiet();
    void overflowNamesThePort();
    void closingClientIsRemembered();
    void leakyServerIsNamed();
};

void TestAdvisorLive::acceptingListenerIsQuiet()
{
    const auto source = SourceFactory::create(SourceSpec());
    Sockets s;
    const quint16 port = s.listen(16);
    QVERIFY(port);
    const Snapshot before = source->poll();
    QVERIFY2(before.counters().listenOverflows() >= 0, "no TcpExt.ListenOverflows in /proc/net/netstat");
    QVERIFY(s.connectClients(port));
    QCOMPARE(s.acceptAll(Clients), Clients);
    QTest::qWait(50);
    const Snapshot after = source->poll();
    QVERIFY(after.isValid());
    QCOMPARE(after.counters().listenOverflows(), before.counters().listenOverflows());
    QVERIFY(!overflow(Advisor::evaluate(after, before)));
}

void TestAdvisorLive::overflowNamesThePort()
{
    const auto source = SourceFactory::create(SourceSpec());
    Sockets s;
    const quint16 port = s.listen(1); // the queue holds 2 (full when sk_ack_backlog > sk_max_ack_backlog)
    QVERIFY(port);
    const Snapshot before = source->poll();
    QVERIFY(s.connectClients(port));
    QTest::qWait(200); // loopback handshakes are done in microseconds; the later SYNs are dropped
    const Snapshot after = source->poll();
    QVERIFY2(after.isValid(), qPrintable(after.status().error()));
    QVERIFY(after.counters().listenOverflows() > before.counters().listenOverflows());

    QVERIFY(!overflow(Advisor::evaluate(after))); // one poll: a since-boot counter alone never fires
    const std::vector<Advisory> all = Advisor::evaluate(after, before);
    const Advisory *a = overflow(all);
    QVERIFY(a);
    QCOMPARE(a->severity, Advisory::Severity::Warning);
    QCOMPARE(a->state, TcpState::Listen);
    QVERIFY2(a->title.contains(QStringLiteral("port %1").arg(port)), qPrintable(a->title));
    QVERIFY2(
        a->evidence.contains(QStringLiteral("listening on 127.0.0.1:%1: Recv-Q 2").arg(port)), qPrintable(a->evidence));
    QVERIFY2(a->evidence.contains(QLatin1String("TcpExt.ListenOverflows +")), qPrintable(a->evidence));
    QVERIFY(a->action.contains(QLatin1String("net.core.somaxconn")));
}

// "tsclient" closes 20 connections first: their TIME_WAIT sockets (inode 0) near a lowered
// tcp_max_tw_buckets are named for it, remembered by the tracker from when they were open.
void TestAdvisorLive::closingClientIsRemembered()
{
    quint16 port = 0;
    const int l = NamedChild::listenLoopback(port);
    QVERIFY(l >= 0);
    NamedChild client("tsclient", [port](NamedChild &self) {
        for (int i = 0; i < 20; ++i)
            self.report(NamedChild::connectLoopback(port) >= 0 ? 1 : 0);
    });
    std::vector<int> accepted;
    const auto closeAll = qScopeGuard([&] {
        for (int fd : accepted)
            ::close(fd);
        ::close(l);
    });
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(client.next(), 1u);
        accepted.push_back(::accept(l, nullptr, nullptr));
    }
    const auto source = SourceFactory::create(SourceSpec());
    ConnectionTracker tracker;
    const Snapshot open = ownedPoll(*source);
    tracker.update(open);
    const auto toPort = [port](const SocketEntry &e) { return e.remotePort == port; };
    QCOMPARE(count(open, toPort), 20);

    // Room for 4 more than these 20: the rule fires at 80% (AdvisorThresholds::twBucketsWarn).
    const int before = count(open, [](const SocketEntry &e) { return e.kind == RowKind::TimeWaitSock; });
    const QByteArray old = readSysctl();
    QVERIFY(!old.isEmpty());
    QVERIFY(writeSysctl(QByteArray::number(before + 24)));
    const auto restore = qScopeGuard([&old] { writeSysctl(old); });

    client.finish(); // its descriptors close: FIN first from the client
    for (int fd : accepted)
        ::close(fd);
    accepted.clear();
    const auto timeWait
        = [port](const SocketEntry &e) { return e.remotePort == port && e.state == TcpState::TimeWait; };
    Snapshot closed;
    QTRY_VERIFY_WITH_TIMEOUT(
        (closed = ownedPoll(*source), tracker.update(closed), count(closed, timeWait) == 20), 3000);

    const std::vector<Advisory> all = Advisor::evaluate(closed, &tracker);
    const Advisory *a = byId(all, "tw-buckets-near-limit");
    QVERIFY(a);
    QVERIFY(!a->processes.empty());
    QCOMPARE(a->processes[0].name, QStringLiteral("tsclient"));
    QCOMPARE(a->processes[0].count, 20);
    QVERIFY(a->processes[0].remembered);
    QVERIFY2(a->evidence.contains(QStringLiteral("tsclient (pid %1): 20 timewait sockets (remembered: they were "
                                                 "tsclient's when last owned)")
                                      .arg(a->processes[0].pid)),
        qPrintable(a->evidence));
    // One snapshot alone cannot know: no inode, so it says why.
    const auto once = Advisor::twBucketsNearLimit(closed);
    QVERIFY(once && once->processes.empty());
    QVERIFY2(once->evidence.contains(QLatin1String("owners unknown: no process holds them any more (inode 0)")),
        qPrintable(once->evidence));
}

// "leaky" accepts 25 connections and never closes them; the clients close: CLOSE_WAIT named for leaky.
void TestAdvisorLive::leakyServerIsNamed()
{
    NamedChild leaky("leaky", [](NamedChild &self) {
        quint16 p = 0;
        const int l = NamedChild::listenLoopback(p);
        self.report(p);
        for (int i = 0; i < 25; ++i)
            [[maybe_unused]] const int fd = ::accept(l, nullptr, nullptr); // never closed: the leak
        self.report(1);
    });
    const auto port = quint16(leaky.next());
    QVERIFY(port != 0);
    for (int i = 0; i < 25; ++i) {
        const int fd = NamedChild::connectLoopback(port);
        QVERIFY(fd >= 0);
        ::close(fd); // the peer closes first: leaky's end waits in CLOSE_WAIT for a close() that never comes
    }
    QCOMPARE(leaky.next(), 1u);
    const auto source = SourceFactory::create(SourceSpec());
    const auto closeWait
        = [port](const SocketEntry &e) { return e.localPort == port && e.state == TcpState::CloseWait; };
    Snapshot s;
    QTRY_VERIFY_WITH_TIMEOUT((s = ownedPoll(*source), count(s, closeWait) == 25), 3000);

    const std::vector<Advisory> all = Advisor::evaluate(s);
    const Advisory *a = byId(all, "close-wait-piling");
    QVERIFY(a);
    QCOMPARE(a->processes.size(), size_t(1));
    QCOMPARE(a->processes[0].name, QStringLiteral("leaky"));
    QCOMPARE(a->processes[0].pid, leaky.pid());
    QCOMPARE(a->processes[0].count, 25);
    QVERIFY(!a->processes[0].remembered);
    const QString named = QStringLiteral("leaky (pid %1)").arg(leaky.pid());
    QVERIFY2(a->evidence.contains(named + QLatin1String(" holds 25 CLOSE_WAIT sockets")), qPrintable(a->evidence));
    QVERIFY2(a->action.startsWith(QLatin1String("Fix ") + named), qPrintable(a->action));
}

TCPSCOPE_TEST_MAIN(TestAdvisorLive, QCoreApplication, TestMain::Isolated)

#include "tst_advisorlive.moc"
