// accept-queue-overflow against real loopback sockets in a private network namespace, read by the
// source the GUI uses (SourceFactory: sock_diag, or /proc without it) and polled twice, as the pipeline
// does: a listener with backlog 1 that never calls accept() overflows (include/net/sock.h
// sk_acceptq_is_full), one that accepts does not.
#include "analysis/advisor.h"
#include "sources/snapshotsource.h"
#include "sources/sourcefactory.h"
#include "sources/sourcespec.h"
#include "testmain.h"

#include <QCoreApplication>
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

const Advisory *overflow(const std::vector<Advisory> &all)
{
    for (const Advisory &a : all) {
        if (a.id == QLatin1String("accept-queue-overflow"))
            return &a;
    }
    return nullptr;
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

TCPSCOPE_TEST_MAIN(TestAdvisorLive, QCoreApplication, TestMain::Isolated)

#include "tst_advisorlive.moc"
