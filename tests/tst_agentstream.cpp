// tcpscope-agent on stream format 2: its --stdout, read on netlink in a private namespace and decoded
// with StreamTable, holds exactly the namespace's sockets after churn; a --listen client that joins
// late gets a keyframe and then deltas that apply; a delta of a quiet host is small.
#include "smallclient.h"
#include "sources/local/netlinksource.h"
#include "stream/streamframereader.h"
#include "stream/streamtable.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// Frames of one output, applied in order as a live reader applies them.
struct Decoded
{
    StreamFrameReader reader;
    StreamTable table;
    ProblemList problems;
    qint64 keyframes = 0;
    qint64 deltas = 0;
    qint64 keyBytes = 0;
    qint64 deltaBytes = 0;
    qint64 lastDeltaBytes = 0;
    QList<bool> kinds; // true: a delta, in order
    bool applied = true;

    void feed(QByteArrayView bytes)
    {
        reader.feed(bytes);
        while (reader.hasFrame()) {
            const StreamFrame f = reader.takeFrame();
            const bool delta = f.text.contains("\n@delta\n");
            kinds << delta;
            (delta ? deltas : keyframes) += 1;
            (delta ? deltaBytes : keyBytes) += f.text.size();
            // A quiet delta: the header and little else; one that carries a full owner table (every
            // OwnerSection::FullEvery frames) is not quiet, so it does not count.
            if (delta && !f.text.contains("\n@owners full"))
                lastDeltaBytes = f.text.size();
            applied = table.feed(f, problems) && applied;
        }
    }
};

// What both sides must agree on: the row's addresses, state and inode (timers and queues move).
QSet<QString> rows(const std::vector<SocketEntry> &sockets)
{
    QSet<QString> out;
    for (const SocketEntry &s : sockets)
        out.insert(QStringLiteral("%1 %2 %3 %4")
                       .arg(s.localText(), s.remoteText(), TcpStates::kernelName(s.state))
                       .arg(s.inode));
    return out;
}

QString firstProblem(const ProblemList &problems)
{
    return problems.items().empty() ? QString() : problems.items().front().toString();
}

QSet<QString> namespaceRows()
{
    NetlinkSource netlink;
    return rows(netlink.poll().sockets());
}

// Opens, closes and resets connections: rows appear, change state and vanish between frames.
Status churn(LoopbackLab &lab, int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        for (const Status &s :
            { lab.established(20), lab.clientClosesFirst(10), lab.halfClosed(5, true), lab.reset(10) })
            if (!s.ok())
                return s;
        QTest::qWait(150); // one or two frames at --interval 100
    }
    return {};
}

// What a client has received so far, without waiting.
QByteArray readSome(int fd)
{
    QByteArray out;
    char buf[65536];
    pollfd p { fd, POLLIN, 0 };
    while (::poll(&p, 1, 0) > 0) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        out.append(buf, n);
    }
    return out;
}

bool waitFor(const std::function<void()> &pump, const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        pump();
        if (done())
            return true;
        QTest::qWait(20);
    }
    return false;
}
} // namespace

class TestAgentStream : public QObject
{
    Q_OBJECT
private:
    LoopbackLab m_lab;
    bool listen(QProcess &agent, quint16 *port);

private Q_SLOTS:
    void initTestCase();
    void stdoutOnNetlinkMatchesTheNamespace();
    void lateClientGetsAKeyframeThenDeltas();
    void clientThatMissedFramesGetsAKeyframe();
};

void TestAgentStream::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    QVERIFY(m_lab.listen().ok());
    QVERIFY(m_lab.established(500).ok());
}

void TestAgentStream::stdoutOnNetlinkMatchesTheNamespace()
{
    QProcess agent;
    agent.start(QStringLiteral(TCPSCOPE_AGENT),
        { QStringLiteral("--stdout"), QStringLiteral("--interval"), QStringLiteral("100") });
    QVERIFY(agent.waitForStarted());
    Decoded out;
    QByteArray err;
    const auto pump = [&] {
        agent.waitForReadyRead(10);
        out.feed(agent.readAllStandardOutput());
        err += agent.readAllStandardError();
    };
    QVERIFY(waitFor(
        pump, [&] { return out.keyframes > 0; }, 10000));
    QVERIFY2(err.contains("netlink sock_diag"), err.constData()); // it says which reader it uses
    const Status churned = churn(m_lab, 10);
    QVERIFY2(churned.ok(), qPrintable(churned.error()));
    // The stream catches up with the namespace within a few frames of the churn ending.
    QSet<QString> expected;
    const bool same = waitFor(
        pump, [&] { return out.table.synced() && rows(out.table.data().sockets) == (expected = namespaceRows()); },
        5000);
    if (!same) {
        const QSet<QString> got = rows(out.table.data().sockets);
        qWarning("missing %lld, extra %lld", qint64((expected - got).size()), qint64((got - expected).size()));
    }
    QVERIFY(same);
    QVERIFY2(out.applied && out.problems.total() == 0, qPrintable(firstProblem(out.problems)));
    QCOMPARE(out.keyframes, 1); // the first frame only: 300 frames are 30 s at 100 ms
    QVERIFY(out.deltas >= 10);
    QVERIFY(!out.kinds.first());
    // A quiet host: a delta is the header and little else, while the keyframe holds every row.
    QVERIFY(waitFor(
        pump, [&] { return out.deltas >= 30; }, 10000));
    qInfo("%lld sockets: keyframe %lld bytes, mean delta %lld bytes, last (quiet) delta %lld bytes",
        qint64(expected.size()), out.keyBytes, out.deltaBytes / out.deltas, out.lastDeltaBytes);
    QVERIFY2(out.lastDeltaBytes < 1024, qPrintable(QString::number(out.lastDeltaBytes)));
    QVERIFY(out.keyBytes > 100 * out.lastDeltaBytes);
    agent.kill();
    agent.waitForFinished();
}

bool TestAgentStream::listen(QProcess &agent, quint16 *port)
{
    agent.start(QStringLiteral(TCPSCOPE_AGENT),
        { QStringLiteral("--listen"), QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("100") });
    static const QRegularExpression re(QStringLiteral("listening on \\S+ port (\\d+)"));
    QByteArray err;
    const auto pump = [&] {
        agent.waitForReadyRead(10);
        err += agent.readAllStandardError();
    };
    const bool up = waitFor(
        pump, [&] { return re.match(QString::fromUtf8(err)).hasMatch(); }, 10000);
    if (up)
        *port = quint16(re.match(QString::fromUtf8(err)).captured(1).toUInt());
    return up;
}

void TestAgentStream::lateClientGetsAKeyframeThenDeltas()
{
    QProcess agent;
    quint16 port = 0;
    QVERIFY(listen(agent, &port));
    QTcpSocket early, late;
    Decoded a, b;
    early.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(early.waitForConnected(3000));
    const auto pump = [&] {
        early.waitForReadyRead(5);
        a.feed(early.readAll());
        if (late.state() == QAbstractSocket::ConnectedState) {
            late.waitForReadyRead(5);
            b.feed(late.readAll());
        }
    };
    QVERIFY(waitFor(
        pump, [&] { return a.deltas >= 3; }, 10000));
    QVERIFY(churn(m_lab, 3).ok());
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(late.waitForConnected(3000));
    QVERIFY(waitFor(
        pump, [&] { return b.deltas >= 3; }, 10000));
    QCOMPARE(b.kinds.first(), false); // its first frame is a keyframe of its own
    QCOMPARE(b.keyframes, 1);
    QCOMPARE(a.keyframes, 1); // and the early client was not sent one for it
    QVERIFY(churn(m_lab, 3).ok());
    // Both follow the same deltas to the namespace's state.
    const bool same = waitFor(
        pump,
        [&] {
            const QSet<QString> now = namespaceRows();
            return rows(a.table.data().sockets) == now && rows(b.table.data().sockets) == now;
        },
        5000);
    QVERIFY(same);
    QVERIFY(a.applied && b.applied);
    QCOMPARE(b.problems.total(), 0);
    QCOMPARE(a.problems.total(), 0);
    agent.kill();
    agent.waitForFinished();
}

void TestAgentStream::clientThatMissedFramesGetsAKeyframe()
{
    QProcess agent;
    quint16 port = 0;
    QVERIFY(listen(agent, &port));
    const int fd = SmallClient::connect(port);
    QVERIFY(fd >= 0);
    Decoded d;
    QByteArray err;
    const auto pump = [&] {
        d.feed(readSome(fd));
        agent.waitForReadyRead(5);
        err += agent.readAllStandardError();
    };
    QVERIFY(waitFor(
        pump, [&] { return d.deltas >= 3; }, 10000));
    // It stops reading while the sockets change: the agent skips the deltas it would have missed.
    QElapsedTimer stalled;
    stalled.start();
    while (stalled.elapsed() < 2500) {
        QVERIFY(churn(m_lab, 1).ok());
        agent.waitForReadyRead(5);
        err += agent.readAllStandardError();
    }
    QVERIFY2(err.contains("is not reading"), err.constData());
    // Reading again, it gets a keyframe of its own before any delta: nothing is lost.
    QVERIFY(waitFor(
        pump, [&] { return d.keyframes == 2 && d.kinds.size() > d.kinds.lastIndexOf(false) + 3; }, 10000));
    QVERIFY(d.applied);
    QVERIFY2(d.problems.total() == 0, qPrintable(firstProblem(d.problems)));
    QVERIFY(waitFor(
        pump, [&] { return rows(d.table.data().sockets) == namespaceRows(); }, 5000));
    ::close(fd);
    agent.kill();
    agent.waitForFinished();
}

TCPSCOPE_TEST_MAIN(TestAgentStream, QCoreApplication, TestMain::Isolated)

#include "tst_agentstream.moc"
