// ss(8) filter expressions end to end: real sockets in a private network namespace, and for each
// expression the socket count of `tcpscope --snapshot --json EXPR` against `ss -tanH EXPR | wc -l`.
// Owner terms (process, pid: ss has none) against the users:(("NAME",pid=N,...)) column of ss -tanpH.
#include "childrun.h"
#include "namedchild.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace {
using Run = ChildRun;

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
{
    return ChildRun::of(program, args, env);
}

// Listeners and connections on fixed, well-known ports, which LoopbackLab's kernel-chosen ports are not.
class FixedPorts
{
public:
    ~FixedPorts()
    {
        for (int fd : m_fds)
            ::close(fd);
    }
    // Listens on addr:port and makes `pairs` connections to it (2 sockets each), then serverClosesFirst
    // more that leave TIME_WAIT on the server side.
    bool serve(const char *addr, quint16 port, int pairs, int serverClosesFirst = 0)
    {
        const int af = std::strchr(addr, ':') ? AF_INET6 : AF_INET;
        sockaddr_storage ss {};
        socklen_t len = 0;
        if (af == AF_INET) {
            auto *a = reinterpret_cast<sockaddr_in *>(&ss);
            a->sin_family = AF_INET;
            a->sin_port = htons(port);
            inet_pton(AF_INET, addr, &a->sin_addr);
            len = sizeof(sockaddr_in);
        } else {
            auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
            a->sin6_family = AF_INET6;
            a->sin6_port = htons(port);
            inet_pton(AF_INET6, addr, &a->sin6_addr);
            len = sizeof(sockaddr_in6);
        }
        const int l = keep(::socket(af, SOCK_STREAM, 0));
        const auto *sa = reinterpret_cast<const sockaddr *>(&ss);
        if (l < 0 || ::bind(l, sa, len) != 0 || ::listen(l, 64) != 0) {
            qWarning("listen on %s port %u: %s", addr, port, std::strerror(errno));
            return false;
        }
        for (int i = 0; i < pairs + serverClosesFirst; ++i) {
            const int c = connectTo(af, sa, len);
            if (c < 0) {
                qWarning("connect to %s port %u: %s", addr, port, std::strerror(errno));
                return false;
            }
            const int s = ::accept(l, nullptr, nullptr);
            if (s < 0)
                return false;
            if (i < pairs) {
                keep(c);
                keep(s);
                continue;
            }
            ::close(s); // the server closes first: TIME_WAIT on the well-known port
            if (!LoopbackLab::readToEof(c))
                return false;
            ::close(c);
        }
        return true;
    }

private:
    // A new address's route can lag behind `ip addr add` (ENETUNREACH for a moment): retry up to 2 s.
    static int connectTo(int af, const sockaddr *sa, socklen_t len)
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const int c = ::socket(af, SOCK_STREAM, 0);
            if (c < 0 || ::connect(c, sa, len) == 0)
                return c;
            const int why = errno;
            ::close(c);
            if (why != ENETUNREACH)
                break;
            QTest::qSleep(20);
        }
        return -1;
    }
    int keep(int fd)
    {
        if (fd >= 0)
            m_fds.push_back(fd);
        return fd;
    }
    std::vector<int> m_fds;
};

int tcpscopeCount(const QString &expression, QByteArray *err)
{
    QStringList args { QStringLiteral("--snapshot"), QStringLiteral("--json") };
    if (!expression.isEmpty())
        args << expression; // one argument; ss below gets the words
    const Run r = run(QStringLiteral(TCPSCOPE_BINARY), args);
    *err = r.err;
    if (r.exitCode != 0)
        return -1;
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("total")).toInt(-1);
}

int ssCount(const QString &expression, QByteArray *err)
{
    QStringList args { QStringLiteral("-tanH") };
    args << expression.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const Run r = run(QStringLiteral("ss"), args);
    *err = r.err;
    if (r.exitCode != 0)
        return -1;
    return int(r.out.count('\n'));
}

// Lines of `ss -tanpH EXPR` whose users:(...) column contains `holder` (or not, when invert).
int ssHeldCount(const QString &expression, const QByteArray &holder, bool invert, QByteArray *err)
{
    QStringList args { QStringLiteral("-tanpH") };
    args << expression.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const Run r = run(QStringLiteral("ss"), args);
    *err = r.err;
    if (r.exitCode != 0)
        return -1;
    int n = 0;
    for (const QByteArray &line : r.out.split('\n')) {
        if (!line.isEmpty() && line.contains(holder) != invert)
            ++n;
    }
    return n;
}

// A named process that listens, connects to itself `pairs` times and, if `otherPort`, once to that port.
std::unique_ptr<NamedChild> selfConnected(const char *name, int pairs, quint16 otherPort, quint16 &port)
{
    auto c = std::make_unique<NamedChild>(name, [pairs, otherPort](NamedChild &self) {
        quint16 p = 0;
        const int l = NamedChild::listenLoopback(p);
        bool ok = l >= 0;
        for (int i = 0; i < pairs && ok; ++i)
            ok = NamedChild::connectLoopback(p) >= 0 && ::accept(l, nullptr, nullptr) >= 0;
        if (ok && otherPort)
            ok = NamedChild::connectLoopback(otherPort) >= 0;
        self.report(ok ? p : 0);
    });
    port = quint16(c->next());
    return c;
}
} // namespace

class TestSsFilterLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameCountAsSs_data();
    void sameCountAsSs();
    void ownerTermsAsSsUsers_data();
    void ownerTermsAsSsUsers();
    void syntaxErrorExitsTwo();

private:
    // Forked before any other socket of this test exists, so they hold only their own.
    std::unique_ptr<NamedChild> m_alpha;
    std::unique_ptr<NamedChild> m_beta;
    quint16 m_alphaPort = 0;
    quint16 m_betaPort = 0;
    std::vector<std::unique_ptr<LoopbackLab>> m_labs;
    FixedPorts m_fixed;
    int m_total = 0;
};

void TestSsFilterLive::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    if (QStandardPaths::findExecutable(QStringLiteral("ss")).isEmpty())
        QSKIP("ss (iproute2) is not installed");
    QElapsedTimer clock;
    clock.start();
    m_alpha = selfConnected("tsf-alpha", 2, 0, m_alphaPort);
    m_beta = selfConnected("tsf-beta", 1, m_alphaPort, m_betaPort);
    QVERIFY(m_alphaPort && m_betaPort);
    // lo is up (NetNamespace); ::1 comes with it unless IPv6 is off. Two more addresses for prefixes.
    const QStringList lo { QStringLiteral("dev"), QStringLiteral("lo") };
    const QString ip = QStringLiteral("ip");
    if (!run(ip, QStringList { QStringLiteral("-6"), QStringLiteral("addr"), QStringLiteral("show") } + lo)
             .out.contains("::1"))
        run(ip,
            QStringList {
                QStringLiteral("-6"), QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("::1/128") }
                + lo);
    const Run added = run(QStringLiteral("ip"),
        { QStringLiteral("-6"), QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("fd00::5/128"),
            QStringLiteral("dev"), QStringLiteral("lo"), QStringLiteral("nodad") });
    QVERIFY2(added.exitCode == 0, added.err.constData());

    for (AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
        auto lab = std::make_unique<LoopbackLab>(f);
        LoopbackLab::Mix mix;
        mix.established = 3;
        mix.timeWait = 3;
        mix.serverTimeWait = 2;
        mix.closeWait = 2;
        mix.finWait2 = 2;
        mix.synRecv = 1;
        const Status made = lab->populate(mix);
        QVERIFY2(made.ok(), qPrintable(made.error()));
        m_labs.push_back(std::move(lab));
    }
    QVERIFY(m_fixed.serve("127.0.0.1", 443, 3));
    QVERIFY(m_fixed.serve("127.0.0.1", 80, 2, 2));
    QVERIFY(m_fixed.serve("127.0.0.1", 22, 1));
    QVERIFY(m_fixed.serve("127.0.0.2", 8080, 2));
    QVERIFY(m_fixed.serve("::1", 443, 2, 1));
    QVERIFY(m_fixed.serve("fd00::5", 8080, 1));
    QTest::qWait(100); // let loopback FIN/ACK processing settle
    QByteArray err;
    m_total = ssCount({}, &err);
    QVERIFY2(m_total > 40 && m_total < 200, err.constData());
    QVERIFY(clock.elapsed() < 10000);
}

void TestSsFilterLive::sameCountAsSs_data()
{
    QTest::addColumn<QString>("expression");
    const char *expressions[] = {
        "",
        "state established",
        "state time-wait",
        "state listening",
        "state syn-recv",
        "state fin-wait-2 state close-wait",
        "exclude listening",
        "exclude bucket exclude listening",
        "state connected",
        "state synchronized",
        "state bucket",
        "state big",
        "state all",
        "sport = :443",
        "sport = :https",
        "dport == :http",
        "sport eq 22",
        "sport != :22",
        "sport > :1024",
        "sport < :1024",
        "dport >= :1024 and dport <= :65535",
        "sport ge :80 sport le :443",
        "dport gt :http",
        "src [::1]",
        "src [::1]:443",
        "src [::/0]",
        "src [fd00::/8]",
        "src [fd00::5]:8080",
        "dst 127.0.0.1",
        "src 127.0.0.0/8",
        "src 127.0.0.2",
        "src 127.0.0.0/24:https",
        "src *:80",
        "src inet6:*:443",
        "! sport = :22",
        "! src [::/0]",
        "! src 127.0.0.1",
        "not dst 0.0.0.0/0",
        "not ( sport = :443 or sport = :80 )",
        "state established ( dport = :443 or sport = :https )",
        "state time-wait ( sport = :http or dport = :https )",
        "sport = :22 or sport = :443 dport > :0",
        "src 127.0.0.1 || dst [::1]",
        "dst [::1] && dport ge :1024",
        "! ( src [::/0] | sport < :1024 ) & dport > :1024",
    };
    for (const char *e : expressions)
        QTest::newRow(*e ? e : "(none)") << QString::fromLatin1(e);
}

void TestSsFilterLive::sameCountAsSs()
{
    QFETCH(QString, expression);
    if (expression.contains(QLatin1String("http")) && !getservbyname("https", "tcp"))
        QSKIP("no services database (/etc/services): ss cannot resolve names");
    QByteArray ourErr;
    QByteArray ssErr;
    const int ours = tcpscopeCount(expression, &ourErr);
    const int theirs = ssCount(expression, &ssErr);
    QVERIFY2(theirs >= 0, ssErr.constData());
    QVERIFY2(ours >= 0, ourErr.constData());
    QCOMPARE(ours, theirs);
}

void TestSsFilterLive::ownerTermsAsSsUsers_data()
{
    QTest::addColumn<QString>("expression"); // ours
    QTest::addColumn<QString>("ssExpression");
    QTest::addColumn<QByteArray>("holder"); // in ss's users:(...) column
    QTest::addColumn<bool>("invert");
    QTest::addColumn<int>("expected");
    const QByteArray alpha = QByteArrayLiteral("((\"tsf-alpha\",");
    const QByteArray beta = QByteArrayLiteral("((\"tsf-beta\",");
    const QString a = QString::number(m_alphaPort);
    QTest::newRow("process") << "process tsf-alpha" << QString() << alpha << false << 5; // listener, 2 pairs
    QTest::newRow("process prefix") << "process tsf-*" << QString() << QByteArrayLiteral("((\"tsf-") << false << 9;
    QTest::newRow("pid") << QStringLiteral("pid %1").arg(m_beta->pid()) << QString()
                         << QStringLiteral(",pid=%1,").arg(m_beta->pid()).toLatin1() << false << 4;
    QTest::newRow("not process") << "not process tsf-alpha" << QString() << alpha << true << -1;
    QTest::newRow("process and dport") << QStringLiteral("process tsf-alpha and dport = :%1").arg(a)
                                       << QStringLiteral("dport = :%1").arg(a) << alpha << false << 2;
    QTest::newRow("other process and dport") << QStringLiteral("process tsf-beta dport = :%1").arg(a)
                                             << QStringLiteral("dport = :%1").arg(a) << beta << false << 1;
    QTest::newRow("state and not process") << "state established not process tsf-beta"
                                           << "state established" << beta << true << -1;
}

void TestSsFilterLive::ownerTermsAsSsUsers()
{
    QFETCH(QString, expression);
    QFETCH(QString, ssExpression);
    QFETCH(QByteArray, holder);
    QFETCH(bool, invert);
    QFETCH(int, expected);
    QByteArray ourErr;
    QByteArray ssErr;
    const int ours = tcpscopeCount(expression, &ourErr);
    const int theirs = ssHeldCount(ssExpression, holder, invert, &ssErr);
    QVERIFY2(theirs >= 0, ssErr.constData());
    QVERIFY2(ours >= 0, ourErr.constData());
    QCOMPARE(ours, theirs);
    if (expected >= 0)
        QCOMPARE(ours, expected);
}

void TestSsFilterLive::syntaxErrorExitsTwo()
{
    const Run r = run(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("state"), QStringLiteral("time-wait"), QStringLiteral("dport"),
            QStringLiteral("="), QStringLiteral(":") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("column 25: expected a port after ':'"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

TCPSCOPE_TEST_MAIN(TestSsFilterLive, QCoreApplication, TestMain::Isolated)
#include "tst_ssfilterlive.moc"
