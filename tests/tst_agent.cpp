// tcpscope-agent: streams to two loopback clients at once, refuses non-loopback addresses
// without --allow-remote, and a client that stops reading does not stall the others.
#include "smallclient.h"
#include "stream/streamframereader.h"
#include "stream/streamtable.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define TCPSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TCPSCOPE_ASAN 1
#endif
#endif

namespace {

// Reads frames from a socket and applies them in order, as tcpscope --connect does: `valid` counts
// those that applied (a keyframe, or a delta that follows its frame).
struct Reader
{
    QTcpSocket socket;
    StreamFrameReader frames;
    StreamTable table;
    ProblemList problems;
    int valid = 0;
    int total = 0;
    qint64 bytes = 0;
    void pump()
    {
        const QByteArray b = socket.readAll();
        bytes += b.size();
        frames.feed(b);
        while (frames.hasFrame()) {
            ++total;
            valid += table.feed(frames.takeFrame(), problems);
        }
    }
};
} // namespace

class TestAgent : public QObject
{
    Q_OBJECT
private:
    QProcess m_agent;
    quint16 m_port = 0;
    LoopbackLab m_lab;
    bool startAgent(QProcess &agent, const QStringList &args, quint16 *port);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoClientsAtOnce();
    void slowClientDoesNotStallOthers();
    void refusesRemoteWithoutAllowRemote();
    void connectionLimitAndStallTimeout();
    void stdoutPipesIntoTcpscope();
    void connectOption();
    void linksNoGuiLibraries();
};

bool TestAgent::startAgent(QProcess &agent, const QStringList &args, quint16 *port)
{
    agent.start(QStringLiteral(TCPSCOPE_AGENT), args);
    if (!agent.waitForStarted())
        return false;
    static const QRegularExpression re(QStringLiteral("listening on \\S+ port (\\d+)"));
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        agent.waitForReadyRead(200);
        err += agent.readAllStandardError();
        const auto m = re.match(QString::fromUtf8(err));
        if (m.hasMatch()) {
            *port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    qWarning("agent: %s", err.constData());
    return false;
}

void TestAgent::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    rlimit r {};
    getrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
    // Enough sockets that each frame is ~600 KB, so a reader that stops fills its buffers quickly.
    QVERIFY(m_lab.listen().ok());
    const Status opened = m_lab.established(2000);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_agent.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef TCPSCOPE_ASAN
    // ASan keeps freed memory in a quarantine (256 MB by default): keep it small, so RSS measures the backlog.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=4"));
    m_agent.setProcessEnvironment(env);
#endif
    QVERIFY(startAgent(m_agent,
        { QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("100") },
        &m_port));
}

void TestAgent::cleanupTestCase()
{
    m_agent.kill();
    m_agent.waitForFinished();
}

void TestAgent::twoClientsAtOnce()
{
    Reader a, b;
    a.socket.connectToHost(QHostAddress::LocalHost, m_port);
    b.socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(a.socket.waitForConnected(3000));
    QVERIFY(b.socket.waitForConnected(3000));
    a.socket.write("rm -rf /\n$(reboot)\n"); // read and ignored
    QElapsedTimer t;
    t.start();
    while ((a.valid < 5 || b.valid < 5) && t.elapsed() < 15000) {
        a.socket.waitForReadyRead(50);
        b.socket.waitForReadyRead(50);
        a.pump();
        b.pump();
    }
    QVERIFY2(a.valid >= 5 && b.valid >= 5, qPrintable(QStringLiteral("%1 %2").arg(a.valid).arg(b.valid)));
    QCOMPARE(a.total, a.valid);
    QCOMPARE(m_agent.state(), QProcess::Running);
}

void TestAgent::slowClientDoesNotStallOthers()
{
    // A client that connects with a tiny receive buffer and never reads.
    const int stuck = SmallClient::connect(m_port);
    QVERIFY(stuck >= 0);

    Reader fast;
    fast.socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(fast.socket.waitForConnected(3000));
    QByteArray agentErr;
    // 100 frames at 100 ms: ~60 MB offered to the stuck client, far over its 4 MiB backlog.
    QElapsedTimer t;
    t.start();
    while (fast.valid < 100 && t.elapsed() < 60000) {
        fast.socket.waitForReadyRead(50);
        fast.pump();
        agentErr += m_agent.readAllStandardError();
    }
    QVERIFY2(fast.valid >= 100, qPrintable(QString::number(fast.valid)));
    QTRY_VERIFY_WITH_TIMEOUT((agentErr += m_agent.readAllStandardError()).contains("is not reading"), 10000);
    // The agent kept its memory bounded instead of queueing every frame for the stuck client.
    QFile status(QStringLiteral("/proc/%1/status").arg(m_agent.processId()));
    QVERIFY(status.open(QIODevice::ReadOnly));
    const QByteArray s = status.readAll();
    const qsizetype at = s.indexOf("VmRSS:");
    const qint64 rssKb = s.mid(at + 6, s.indexOf('\n', at) - at - 6).trimmed().split(' ').first().toLongLong();
    qInfo(
        "agent RSS %lld kB after %d frames of %lld bytes", rssKb, fast.valid, qint64(fast.bytes / qMax(1, fast.total)));
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 limitKb = 3 * 48 * 1024; // AddressSanitizer's shadow memory and quarantine: the same agent, larger
#else
    constexpr qint64 limitKb = 48 * 1024;
#endif
    QVERIFY2(rssKb > 0 && rssKb < limitKb, qPrintable(QString::number(rssKb)));
    ::close(stuck);
}

void TestAgent::refusesRemoteWithoutAllowRemote()
{
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_AGENT), { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") });
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--allow-remote"));
    // Inside this private namespace, 0.0.0.0 only reaches loopback: allowed when asked for.
    QProcess q;
    quint16 port = 0;
    QVERIFY(startAgent(
        q, { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--allow-remote") }, &port));
    QVERIFY(port > 0);
    q.kill();
    q.waitForFinished();
}

void TestAgent::connectionLimitAndStallTimeout()
{
    QProcess agent;
    quint16 port = 0;
    QVERIFY(startAgent(agent,
        { QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("100"),
            QStringLiteral("--max-clients"), QStringLiteral("2"), QStringLiteral("--stall-timeout"),
            QStringLiteral("1000") },
        &port));
    // A client that never reads, with a tiny buffer: it fills its backlog and is dropped after ~1 s.
    const int stuck = SmallClient::connect(port);
    QVERIFY(stuck >= 0);
    Reader one, extra;
    one.socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(one.socket.waitForConnected(3000));
    QTest::qWait(300); // the agent accepted both before the third arrives
    extra.socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(extra.socket.waitForConnected(3000));
    QByteArray err;
    // The third is over --max-clients 2: closed at once, while the first keeps receiving frames.
    QTRY_VERIFY_WITH_TIMEOUT((err += agent.readAllStandardError()).contains("refusing client"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(extra.socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_VERIFY_WITH_TIMEOUT((err += agent.readAllStandardError()).contains("dropping client"), 30000);
    QElapsedTimer t;
    t.start();
    while (one.valid < 5 && t.elapsed() < 10000) {
        one.socket.waitForReadyRead(50);
        one.pump();
    }
    QVERIFY(one.valid >= 5);
    // With the stuck one gone, there is room again.
    Reader again;
    again.socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(again.socket.waitForConnected(3000));
    t.restart();
    while (again.valid < 1 && t.elapsed() < 10000) {
        again.socket.waitForReadyRead(50);
        again.pump();
    }
    QCOMPARE(again.valid, 1);
    ::close(stuck);
    agent.kill();
    agent.waitForFinished();
}

void TestAgent::stdoutPipesIntoTcpscope()
{
    QProcess agent, app;
    agent.setStandardOutputProcess(&app);
    agent.start(QStringLiteral(TCPSCOPE_AGENT),
        { QStringLiteral("--stdout"), QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--interval"),
            QStringLiteral("100") });
    app.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--stdin") });
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitCode(), 0);
    QVERIFY(app.waitForFinished(20000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
    const QJsonObject j = QJsonDocument::fromJson(app.readAllStandardOutput()).object();
    QVERIFY(j.value(QStringLiteral("counts")).toObject().value(QStringLiteral("ESTABLISHED")).toInt() >= 4000);
    QCOMPARE(j.value(QStringLiteral("source")).toString(), QStringLiteral("stdin"));
    // The agent names the holders (its "@owners" section): the lab's 4000 sockets are this process's.
    const QJsonObject owners = j.value(QStringLiteral("owners")).toObject();
    QVERIFY2(owners.value(QStringLiteral("known")).toInt() >= 4000, QJsonDocument(owners).toJson().constData());
    bool found = false;
    for (const QJsonValue &p : j.value(QStringLiteral("processes")).toArray())
        found = found || p.toObject().value(QStringLiteral("pid")).toInt() == int(::getpid());
    QVERIFY(found);
}

void TestAgent::connectOption()
{
    QProcess app;
    app.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--connect"),
            QStringLiteral("127.0.0.1:%1").arg(m_port) });
    QVERIFY(app.waitForFinished(20000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
    const QJsonObject j = QJsonDocument::fromJson(app.readAllStandardOutput()).object();
    QVERIFY(j.value(QStringLiteral("counts")).toObject().value(QStringLiteral("LISTEN")).toInt() >= 2);
    // A client that joins a running agent gets a full owner table in its first frame.
    QVERIFY(j.value(QStringLiteral("owners")).toObject().value(QStringLiteral("known")).toInt() >= 4000);
    // Nothing listens on the next port: a clear message, exit 1.
    QProcess bad;
    bad.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--connect"), QStringLiteral("127.0.0.1:1") });
    QVERIFY(bad.waitForFinished(20000));
    QCOMPARE(bad.exitCode(), 1);
    QVERIFY(bad.readAllStandardError().contains("tcpscope-agent"));
}

void TestAgent::linksNoGuiLibraries()
{
    QFile maps(QStringLiteral("/proc/%1/maps").arg(m_agent.processId()));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray m = maps.readAll();
    QVERIFY(m.contains("libQt6Core"));
    QVERIFY(!m.contains("libQt6Gui"));
    QVERIFY(!m.contains("libQt6Widgets"));
}

TCPSCOPE_TEST_MAIN(TestAgent, QCoreApplication, TestMain::Isolated)

#include "tst_agent.moc"
