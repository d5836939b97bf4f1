// Runs every live-lab pattern on real loopback sockets inside a private network namespace and reads
// the real /proc/net/tcp to check the kernel states each pattern must produce.
#include "labfeed.h"
#include "sources/local/procsource.h"
#include "teaching/labpanel.h"
#include "teaching/labsession.h"
#include "testmain.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <functional>

namespace {
enum class Side { Client, Server };

// Lab sockets in `state` on one side: the server end has the lab port as its local port.
int countOn(const LabSession &lab, Side side, TcpState state)
{
    ProcSource source;
    const Snapshot snap = source.poll();
    int n = 0;
    for (const SocketEntry &s : snap.sockets()) {
        if (!lab.owns(s) || s.state != state)
            continue;
        const bool serverEnd = s.localPort == lab.serverPort();
        if ((side == Side::Server) == serverEnd)
            ++n;
    }
    return n;
}

// Loopback processing is synchronous, but allow the kernel a moment (e.g. a delayed ACK).
bool eventually(const std::function<bool()> &check)
{
    for (int i = 0; i < 100; ++i) {
        if (check())
            return true;
        QThread::msleep(20);
    }
    return check();
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }

    void patternNames()
    {
        for (const QString &n : LabSession::names())
            QCOMPARE(LabSession::name(*LabSession::parse(n)), n);
        QVERIFY(!LabSession::parse(u"nonsense"));
    }

    void clientFirst()
    {
        LabSession lab(LabSession::Pattern::ClientFirst, 3);
        const Status opened = lab.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const Status first = lab.closeFirst();
        QVERIFY2(first.ok(), qPrintable(first.error()));
        // The passive side sits in CLOSE_WAIT until its application closes.
        QVERIFY(eventually([&] { return countOn(lab, Side::Server, TcpState::CloseWait) == 3; }));
        // The FIN's ACK may be delayed (the passive end enters pingpong mode on CLOSE_WAIT), so the
        // client can sit in FIN_WAIT1 for a moment after the server shows CLOSE_WAIT.
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::FinWait2) == 3; }));
        QVERIFY(lab.closeSecond().ok());
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::TimeWait) == 3; }));
        QCOMPARE(countOn(lab, Side::Server, TcpState::TimeWait), 0);
        QCOMPARE(countOn(lab, Side::Server, TcpState::CloseWait), 0);
    }

    void serverFirst()
    {
        LabSession lab(LabSession::Pattern::ServerFirst, 2);
        const Status opened = lab.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const Status first = lab.closeFirst();
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::CloseWait) == 2; }));
        QVERIFY(lab.closeSecond().ok());
        QVERIFY(eventually([&] { return countOn(lab, Side::Server, TcpState::TimeWait) == 2; }));
        QCOMPARE(countOn(lab, Side::Client, TcpState::TimeWait), 0);
    }

    void simultaneous()
    {
        LabSession lab(LabSession::Pattern::Simultaneous, 2);
        const Status opened = lab.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const Status first = lab.closeFirst();
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::Closing) == 2; }));
        QVERIFY(lab.closeSecond().ok());
        // Both ends closed first, so both wait: a TIME_WAIT pair per connection.
        QVERIFY(eventually([&] {
            return countOn(lab, Side::Client, TcpState::TimeWait) == 2
                && countOn(lab, Side::Server, TcpState::TimeWait) == 2;
        }));
    }

    void halfClose()
    {
        LabSession lab(LabSession::Pattern::HalfClose, 1);
        const Status opened = lab.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        const Status first = lab.closeFirst();
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::FinWait2) == 1; }));
        QCOMPARE(countOn(lab, Side::Server, TcpState::CloseWait), 1);
        QVERIFY(lab.closeSecond().ok());
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::TimeWait) == 1; }));
        QCOMPARE(countOn(lab, Side::Server, TcpState::TimeWait), 0);
    }

    void reset()
    {
        LabSession lab(LabSession::Pattern::Reset, 3);
        const Status ran = lab.run();
        QVERIFY2(ran.ok(), qPrintable(ran.error()));
        QThread::msleep(50);
        for (TcpState s : { TcpState::TimeWait, TcpState::Established, TcpState::CloseWait, TcpState::FinWait2 }) {
            QCOMPARE(countOn(lab, Side::Client, s), 0);
            QCOMPARE(countOn(lab, Side::Server, s), 0);
        }
    }

    void burst()
    {
        LabSession lab(LabSession::Pattern::Burst, 25);
        const Status ran = lab.run();
        QVERIFY2(ran.ok(), qPrintable(ran.error()));
        QVERIFY(eventually([&] { return countOn(lab, Side::Client, TcpState::TimeWait) == 25; }));
    }

    void panelListsRealStates()
    {
        // The lesson window's lab panel runs the stages itself and lists what /proc says.
        LabPanel panel;
        new LabFeed(&panel); // what the window and --lesson attach
        panel.setPattern(LabSession::Pattern::ClientFirst, 2);
        QSignalSpy seen(&panel, &LabPanel::labSockets);
        panel.run();
        auto has = [&](TcpState state, int n) {
            if (seen.isEmpty())
                return false;
            const auto sockets = seen.last().at(0).value<std::vector<SocketEntry>>();
            return std::count_if(sockets.begin(), sockets.end(), [&](const SocketEntry &s) { return s.state == state; })
                == n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(TcpState::CloseWait, 2), 8000);
        QTRY_VERIFY_WITH_TIMEOUT(has(TcpState::TimeWait, 2), 8000);
        QVERIFY(panel.findChildren<QLabel *>().size() >= 3);
    }

    void commandLineRunsAPattern()
    {
        // The child process inherits this test's private network namespace.
        QProcess p;
        p.start(QStringLiteral(TCPSCOPE_BINARY),
            { QStringLiteral("--lab"), QStringLiteral("burst"), QStringLiteral("--count"), QStringLiteral("7"),
                QStringLiteral("--snapshot"), QStringLiteral("--json") });
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject counts
            = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QLatin1String("counts")).toObject();
        QVERIFY(counts.value(QLatin1String("TIME_WAIT")).toInt() >= 7);
        QCOMPARE(counts.value(QLatin1String("LISTEN")).toInt(), 0); // the lab closed its listener
    }

    void cleansUp()
    {
        LabSession lab(LabSession::Pattern::ClientFirst, 2);
        QVERIFY(lab.open().ok());
        const quint16 port = lab.serverPort();
        lab.cleanUp();
        QThread::msleep(50);
        QCOMPARE(countOn(lab, Side::Server, TcpState::Listen), 0);
        QCOMPARE(countOn(lab, Side::Server, TcpState::Established), 0);
        QVERIFY(port != 0);
    }
};

TCPSCOPE_TEST_MAIN(TestLab, QApplication, TestMain::Isolated)

#include "tst_lab.moc"
