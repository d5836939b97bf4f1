// `tcpscope --snapshot` end to end: real sockets in a private network namespace, compared with ss.
#include "childrun.h"
#include "core/tcpstate.h"
#include "fixture.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace {

using Run = ChildRun;

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
{
    return ChildRun::of(program, args, env);
}

// ss -tan state column, mapped to the kernel's names (sstate_name[] in iproute2 misc/ss.c).
std::map<QString, int> ssCounts()
{
    const Run r = run(QStringLiteral("ss"), { QStringLiteral("-tan") });
    std::map<QString, int> counts;
    const QList<QByteArray> lines = r.out.split('\n');
    for (const QByteArray &l : lines.mid(1)) {
        const QByteArray name = l.simplified().split(' ').value(0);
        if (name.isEmpty())
            continue;
        const auto s = TcpStates::fromSsName(QString::fromLatin1(name));
        ++counts[s ? TcpStates::kernelName(*s) : QString::fromLatin1(name)];
    }
    return counts;
}
} // namespace

class TestSnapshotCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsMatchSsInANamespace();
    void textOutputNeedsNoDisplay();
    void exitCodes_data();
    void exitCodes();
    void fixtureRootWithSockets();
};

void TestSnapshotCommand::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
}

void TestSnapshotCommand::countsMatchSsInANamespace()
{
    std::vector<std::unique_ptr<LoopbackLab>> labs;
    for (AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
        auto lab = std::make_unique<LoopbackLab>(f);
        LoopbackLab::Mix mix;
        mix.established = 3;
        mix.timeWait = 4;
        mix.closeWait = 2;
        mix.finWait2 = mix.synRecv = 1;
        const Status made = lab->populate(mix);
        QVERIFY2(made.ok(), qPrintable(made.error()));
        labs.push_back(std::move(lab));
    }
    QTest::qWait(100); // let loopback FIN/ACK processing settle

    const Run r = run(QStringLiteral(TCPSCOPE_BINARY), { QStringLiteral("--snapshot"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const std::map<QString, int> ss = ssCounts();
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject counts = doc.value(QStringLiteral("counts")).toObject();

    std::map<QString, int> ours;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it.value().toInt() > 0)
            ours[it.key()] = it.value().toInt();
    }
    QCOMPARE(ours, ss);
    // Both families carry each state the test made: LISTEN, ESTABLISHED, TIME_WAIT, CLOSE_WAIT, FIN_WAIT2.
    const QJsonObject byFamily = doc.value(QStringLiteral("countsByFamily")).toObject();
    for (const char *fam : { "ipv4", "ipv6" }) {
        const QJsonObject c = byFamily.value(QLatin1String(fam)).toObject();
        QCOMPARE(c.value(QStringLiteral("LISTEN")).toInt(), 2);
        QCOMPARE(c.value(QStringLiteral("ESTABLISHED")).toInt(), 3 * 2 + 1); // + the deferred client
        QCOMPARE(c.value(QStringLiteral("TIME_WAIT")).toInt(), 4);
        QCOMPARE(c.value(QStringLiteral("CLOSE_WAIT")).toInt(), 3);
        QCOMPARE(c.value(QStringLiteral("FIN_WAIT2")).toInt(), 3);
        QCOMPARE(c.value(QStringLiteral("SYN_RECV")).toInt(), 1);
    }
    QCOMPARE(doc.value(QStringLiteral("total")).toInt(), 2 * (2 + 7 + 4 + 3 + 3 + 1));
    QVERIFY(doc.value(QStringLiteral("tunables")).toObject().contains(QStringLiteral("net.ipv4.tcp_tw_reuse")));
    QVERIFY(doc.value(QStringLiteral("tunables")).toObject().value(QStringLiteral("net.ipv4.tcp_tw_recycle")).isNull());

    // --sockets lists each one with the documented fields.
    const Run s = run(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--sockets") });
    const QJsonArray sockets = QJsonDocument::fromJson(s.out).object().value(QStringLiteral("sockets")).toArray();
    QCOMPARE(sockets.size(), 40);
    int timeWaitWithTimer = 0;
    for (const QJsonValue &v : sockets) {
        const QJsonObject o = v.toObject();
        for (const char *key : { "family", "local", "remote", "state", "timer", "timerMs", "sendQ", "recvQ", "uid",
                 "inode", "retransmits" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        if (o.value(QStringLiteral("state")).toString() == QLatin1String("TIME_WAIT")
            && o.value(QStringLiteral("timer")).toString() == QLatin1String("timewait")
            && o.value(QStringLiteral("timerMs")).toInt() > 50000)
            ++timeWaitWithTimer;
    }
    QCOMPARE(timeWaitWithTimer, 8);
}

void TestSnapshotCommand::textOutputNeedsNoDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const Run r = run(QStringLiteral(TCPSCOPE_BINARY), { QStringLiteral("--snapshot") }, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("TIME_WAIT"));
    QVERIFY(r.out.contains("net.ipv4.tcp_fin_timeout"));
}

void TestSnapshotCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    static QTemporaryDir empty;
    QTest::newRow("unknown option") << QStringList { QStringLiteral("--snapshot"), QStringLiteral("--bogus") } << 2
                                    << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("json without snapshot")
        << QStringList { QStringLiteral("--json") } << 2 << QStringLiteral("--json and --sockets go with --snapshot");
    QTest::newRow("no such root") << QStringList { QStringLiteral("--snapshot"), QStringLiteral("--proc-root"),
        QStringLiteral("/nonexistent") }
                                  << 2 << QStringLiteral("no such directory");
    QTest::newRow("bad interval") << QStringList { QStringLiteral("--interval"), QStringLiteral("10") } << 2
                                  << QStringLiteral("100 or more");
    QTest::newRow("unreadable table") << QStringList { QStringLiteral("--snapshot"), QStringLiteral("--proc-root"),
        empty.path() } << 1 << empty.path() + QStringLiteral("/net/tcp: No such file or directory");
}

void TestSnapshotCommand::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const Run r = run(QStringLiteral(TCPSCOPE_BINARY), args, env);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(QString::fromLocal8Bit(r.err).contains(message), r.err.constData());
}

void TestSnapshotCommand::fixtureRootWithSockets()
{
    const Run r = run(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--proc-root"),
            Fixture::path(QStringLiteral("procroot/linux-6.18")) });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QStringLiteral("host")).toString(), QStringLiteral("fixture-host"));
    QCOMPARE(doc.value(QStringLiteral("total")).toInt(), 51);
    QCOMPARE(doc.value(QStringLiteral("counts")).toObject().value(QStringLiteral("CLOSING")).toInt(), 2);
    QCOMPARE(doc.value(QStringLiteral("tunables")).toObject().value(QStringLiteral("net.ipv4.ip_local_port_range")),
        QJsonValue(QStringLiteral("32768 60999")));
}

TCPSCOPE_TEST_MAIN(TestSnapshotCommand, QCoreApplication, TestMain::Isolated)

#include "tst_snapshotcommand.moc"
