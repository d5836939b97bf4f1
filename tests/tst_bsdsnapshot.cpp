#include "fixturefolder.h"
#include "parse/bsdsnapshot.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
const FixtureFolder fixture { QStringLiteral("bsd") };

// A host's captured netstat and sysctl output; BsdSnapshot::Input only views them.
struct Captured
{
    Captured(const char *netstatFile, const char *sysctlFile)
        : netstat(fixture(QLatin1String(netstatFile)))
        , sysctl(fixture(QLatin1String(sysctlFile)))
    { }
    BsdSnapshot::Input input(QByteArrayView uname) const
    {
        BsdSnapshot::Input in;
        in.netstat = netstat;
        in.sysctl = sysctl;
        in.uname = uname;
        return in;
    }
    QByteArray netstat;
    QByteArray sysctl;
};

// uname lines are rendered in the `uname -a` layout (sysname nodename release ...), not captured.
const QByteArray freebsdUname = "FreeBSD mail.example 14.1-RELEASE FreeBSD 14.1-RELEASE GENERIC amd64";
const QByteArray darwinUname = "Darwin mac.local 23.5.0 Darwin Kernel Version 23.5.0 arm64";
} // namespace

class TestBsdSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freebsdHost();
    void macosHost();
    void macosTunedMsl();
    void withoutUnameTheLayoutDecides();
    void emptyInputIsReportedNotFatal();
    void snapshotCommandReadsBsdFiles();
};

void TestBsdSnapshot::freebsdHost()
{
    const Captured host("freebsd-milter-manager.txt", "sysctl-freebsd15-net.inet.tcp-excerpt.txt");
    BsdSnapshot::Input in = host.input(freebsdUname);
    in.timeMs = 1'700'000'000'000;
    const Snapshot s(BsdSnapshot::build(in));
    QVERIFY(s.isValid());
    QCOMPARE(s.os(), QStringLiteral("FreeBSD"));
    QCOMPARE(s.host(), QStringLiteral("mail.example"));
    QCOMPARE(s.kernel(), QStringLiteral("14.1-RELEASE"));
    QCOMPARE(s.timeMs(), qint64(1'700'000'000'000));
    QVERIFY2(s.problems().isEmpty(), qPrintable(s.problems().items().value(0).toString()));
    QCOMPARE(int(s.sockets().size()), 12);
    QCOMPARE(s.count(TcpState::TimeWait), 4);
    QCOMPARE(s.count(TcpState::SynRecv), 1);
    QCOMPARE(s.count(TcpState::LastAck), 1);
    QCOMPARE(s.counts(AddressFamily::IPv6)[TcpStates::index(TcpState::FinWait2)], 1);
    // net.inet.tcp.msl is 30000 ms: TIME_WAIT lasts 2 x MSL = 60 s (tcp_timer.c).
    QCOMPARE(s.tunables().value(QStringLiteral("net.inet.tcp.msl")), QStringLiteral("30000"));
    QCOMPARE(s.timeWaitLengthMs(), qint64(60'000));
    // Only the sysctls the panel shows are kept.
    QVERIFY(!s.tunables().has(QStringLiteral("net.inet.tcp.cc.algorithm")));
    QVERIFY(s.tunables().has(QStringLiteral("net.inet.tcp.fast_finwait2_recycle")));
    QVERIFY(s.tunables().has(QStringLiteral("net.inet.tcp.states")));
}

void TestBsdSnapshot::macosHost()
{
    const Captured host("rendered-macos-allstates.txt", "sysctl-macos-msl.txt");
    BsdSnapshot::Input in = host.input(darwinUname);
    const Snapshot s(BsdSnapshot::build(in));
    QCOMPARE(s.os(), QStringLiteral("Darwin"));
    QCOMPARE(int(s.sockets().size()), 20);
    for (TcpState st : TcpStates::rfcStates)
        QVERIFY2(s.count(st) > 0, qPrintable(TcpStates::rfcName(st)));
    // XNU: TCPTV_MSL 15 s, add_to_time_wait(tp, 2 * tcp_msl): 30 s.
    QCOMPARE(s.timeWaitLengthMs(), qint64(30'000));
}

void TestBsdSnapshot::macosTunedMsl()
{
    const Captured host("macos-time-wait-v6.txt", "sysctl-macos-w.txt");
    BsdSnapshot::Input in = host.input(darwinUname);
    const Snapshot s(BsdSnapshot::build(in));
    QCOMPARE(s.timeWaitLengthMs(), qint64(2'000)); // after `sysctl -w net.inet.tcp.msl=1000`
    QCOMPARE(s.count(TcpState::TimeWait), 9);
    QCOMPARE(s.duplicatesDropped(), 0); // truncated hosts still differ by port
    QCOMPARE(s.problems().total(), qint64(1)); // the truncation note only
}

void TestBsdSnapshot::withoutUnameTheLayoutDecides()
{
    const QByteArray mac = fixture(QStringLiteral("macos-forum-2008.txt"));
    BsdSnapshot::Input in;
    in.netstat = mac;
    const SnapshotData d = BsdSnapshot::build(in);
    QCOMPARE(d.os, QStringLiteral("Darwin"));
    const Snapshot s { SnapshotData(d) };
    QCOMPARE(s.timeWaitLengthMs(), qint64(30'000)); // no msl: the macOS default

    const QByteArray bsd = fixture(QStringLiteral("freebsd-poison.txt"));
    in.netstat = bsd;
    in.uname = "Linux box 6.1.0";
    const SnapshotData f = BsdSnapshot::build(in);
    QCOMPARE(f.os, QStringLiteral("FreeBSD"));
    bool reported = false;
    for (const Problem &p : f.problems.items())
        reported |= p.message.contains(QLatin1String("not FreeBSD or Darwin"));
    QVERIFY(reported);
}

void TestBsdSnapshot::emptyInputIsReportedNotFatal()
{
    BsdSnapshot::Input in;
    in.uname = freebsdUname;
    const SnapshotData d = BsdSnapshot::build(in);
    QVERIFY(d.status.ok());
    QVERIFY(d.sockets.empty());
    QCOMPARE(d.problems.total(), qint64(1));
    QCOMPARE(Snapshot(d).timeWaitLengthMs(), qint64(60'000)); // FreeBSD default without msl
}

void TestBsdSnapshot::snapshotCommandReadsBsdFiles()
{
    // The headless path end to end: tcpscope --snapshot --json --bsd-netstat F --bsd-sysctl G.
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--bsd-netstat"),
            Fixture::path(QStringLiteral("bsd/freebsd-milter-manager.txt")), QStringLiteral("--bsd-sysctl"),
            Fixture::path(QStringLiteral("bsd/sysctl-freebsd15-net.inet.tcp-excerpt.txt")) });
    QVERIFY(p.waitForFinished(30'000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(o.value(QStringLiteral("os")).toString(), QStringLiteral("FreeBSD"));
    QCOMPARE(o.value(QStringLiteral("timeWaitLengthMs")).toInteger(), 60'000);
    QCOMPARE(o.value(QStringLiteral("total")).toInteger(), 12);
    const QJsonObject counts = o.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("TIME_WAIT")).toInt(), 4);
    QCOMPARE(counts.value(QStringLiteral("SYN_RECV")).toInt(), 1);
    const QJsonObject t = o.value(QStringLiteral("tunables")).toObject();
    QCOMPARE(t.value(QStringLiteral("net.inet.tcp.msl")).toString(), QStringLiteral("30000"));
    QVERIFY(t.value(QStringLiteral("net.inet.tcp.maxtcptw")).isNull()); // listed, absent on FreeBSD 15

    QProcess bad;
    bad.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--bsd-netstat"), QStringLiteral("/nonexistent/netstat.txt") });
    QVERIFY(bad.waitForFinished(30'000));
    QVERIFY(bad.exitCode() != 0);
}

QTEST_GUILESS_MAIN(TestBsdSnapshot)
#include "tst_bsdsnapshot.moc"
