// Every advisor rule against a --proc-root fixture that triggers it and a near miss that must not
// (tests/data/advisor, synthesised in the kernel's own line format), plus real loopback sockets in a
// private network namespace for the server-closes-first rule.
#include "analysis/advisor.h"
#include "analysis/portpressure.h"
#include "fixture.h"
#include "snapshotbuilder.h"
#include "sources/local/procsource.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

Snapshot fixture(const QString &name)
{
    ProcSource src(Fixture::path(name));
    return src.poll();
}

QStringList ids(const std::vector<Advisory> &advisories)
{
    QStringList out;
    for (const Advisory &a : advisories)
        out << a.id;
    return out;
}

const Advisory *byId(const std::vector<Advisory> &advisories, const QString &id)
{
    for (const Advisory &a : advisories) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

// The same snapshot seen at another time: for driving the tracker's ages.
Snapshot at(const Snapshot &s, qint64 timeMs)
{
    return Snapshot(SnapshotBuilder::copyAt(s, timeMs));
}
} // namespace

class TestAdvisor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void finWait2SpeaksBsdOnBsd();
    void rules_data();
    void rules();
    void evidenceCarriesNumbers();
    void portPressurePerDestination();
    void portPressureOnMacosIsPerLocalAddress();
    void reservedPortsInRange();
    void closeWaitAgeingNeedsTracker();
    void jsonOutputHasStableIds();
    void serverClosesFirstWithRealSockets();
};

void TestAdvisor::finWait2SpeaksBsdOnBsd()
{
    SnapshotData d;
    d.os = QStringLiteral("FreeBSD");
    d.timeMs = 1;
    for (int i = 0; i < 60; ++i) {
        SocketEntry e;
        e.kind = RowKind::BsdPcb;
        e.state = TcpState::FinWait2;
        e.localPort = quint16(40000 + i);
        e.remotePort = 80;
        d.sockets.push_back(e);
    }
    d.tunables.set(QStringLiteral("net.inet.tcp.fast_finwait2_recycle"), QStringLiteral("0"));
    d.tunables.set(QStringLiteral("net.inet.tcp.finwait2_timeout"), QStringLiteral("60000"));
    const auto all = Advisor::evaluate(Snapshot(std::move(d)), nullptr);
    const auto it = std::find_if(
        all.begin(), all.end(), [](const Advisory &a) { return a.id == QLatin1String("fin-wait2-piling"); });
    QVERIFY(it != all.end());
    QVERIFY(it->evidence.contains(QLatin1String("fast_finwait2_recycle = 0")));
    QVERIFY(it->evidence.contains(QLatin1String("60 s")));
    QVERIFY(!it->explanation.contains(QLatin1String("tcp_fin_timeout")));
    // Without fast_finwait2_recycle the 2MSL timer still drops an idle one (tcp_timer.c tcp_timer_2msl).
    QVERIFY(it->explanation.contains(QLatin1String("TP_MAXIDLE (8 x 75 s = 10 min)")));
    QVERIFY(!it->explanation.contains(QLatin1String("only when")));
    QVERIFY(it->reference.contains(QLatin1String("tcp(4)")));
}

void TestAdvisor::rules_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QStringList>("expected"); // exactly these ids fire, nothing else
    QTest::addColumn<QString>("severity"); // of the first one
    const auto row = [](const char *tag, const char *dir, const char *id, const char *severity) {
        QTest::newRow(tag) << QString::fromLatin1(dir)
                           << (*id ? QStringList { QString::fromLatin1(id) } : QStringList())
                           << QString::fromLatin1(severity);
    };
    row("real 6.18 capture: quiet", "procroot/linux-6.18", "", "");
    row("tw-recycle on (4.9)", "advisor/tw-recycle-on", "tw-recycle-enabled", "critical");
    row("tw-recycle present but 0", "advisor/tw-recycle-off", "", "");
    row("tw-reuse=1, all TIME_WAIT inbound", "advisor/tw-reuse-inbound", "tw-reuse-inbound-only", "info");
    row("tw-reuse=1, TIME_WAIT outbound", "advisor/tw-reuse-outbound", "", "");
    row("tw-reuse=1, timestamps off", "advisor/tw-reuse-no-timestamps", "tw-reuse-no-timestamps", "warning");
    row("190 of 200 tw buckets", "advisor/tw-buckets-near-limit", "tw-buckets-near-limit", "critical");
    row("190 of 400 tw buckets", "advisor/tw-buckets-ok", "", "");
    row("850 of 1000 ports to one destination", "advisor/port-pressure", "ephemeral-port-pressure", "critical");
    row("850 ports over four destinations", "advisor/port-pressure-spread", "", "");
    row("150 TIME_WAIT on listening 8080", "advisor/server-closes-first", "server-closes-first", "info");
    row("150 TIME_WAIT toward remote 8080", "advisor/client-closes-first", "", "");
    row("60 CLOSE_WAIT", "advisor/close-wait", "close-wait-piling", "warning");
    row("5 CLOSE_WAIT", "advisor/close-wait-few", "", "");
    row("80 FIN_WAIT2", "advisor/fin-wait2", "fin-wait2-piling", "warning");
    row("3 FIN_WAIT2", "advisor/fin-wait2-few", "", "");
}

void TestAdvisor::rules()
{
    QFETCH(QString, dir);
    QFETCH(QStringList, expected);
    QFETCH(QString, severity);
    const Snapshot s = fixture(dir);
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    QVERIFY(s.sockets().size() >= 2);
    const std::vector<Advisory> found = Advisor::evaluate(s);
    QCOMPARE(ids(found), expected);
    for (const Advisory &a : found) {
        QVERIFY(Advisor::ruleIds().contains(a.id));
        QVERIFY(!a.title.isEmpty() && !a.evidence.isEmpty() && !a.explanation.isEmpty() && !a.action.isEmpty());
        QVERIFY(a.state != TcpState::Unknown);
    }
    if (!found.empty())
        QCOMPARE(Advisory::severityName(found.front().severity), severity);
}

void TestAdvisor::evidenceCarriesNumbers()
{
    const auto buckets = Advisor::evaluate(fixture(QStringLiteral("advisor/tw-buckets-near-limit")));
    QVERIFY(byId(buckets, QStringLiteral("tw-buckets-near-limit")));
    QCOMPARE(byId(buckets, QStringLiteral("tw-buckets-near-limit"))->evidence,
        QStringLiteral("190 timewait sockets of a maximum 200 (95%)"));
    // /proc/slabinfo on 6.18: tw_sock_TCP objects are 256 bytes.
    QVERIFY(
        byId(buckets, QStringLiteral("tw-buckets-near-limit"))->action.contains(QLatin1String("256-byte tw_sock_TCP")));

    const auto fin = Advisor::evaluate(fixture(QStringLiteral("advisor/fin-wait2")));
    const Advisory *f = byId(fin, QStringLiteral("fin-wait2-piling"));
    QVERIFY(f);
    // 80 rows: every 16th is a full socket still held by its program (st 05, tr 0, inode set).
    QVERIFY2(f->evidence.startsWith(QStringLiteral("80 FIN_WAIT2 sockets: 75 orphaned")), qPrintable(f->evidence));
    QCOMPARE(f->state, TcpState::FinWait2);

    const auto cw = Advisor::evaluate(fixture(QStringLiteral("advisor/close-wait")));
    QVERIFY(byId(cw, QStringLiteral("close-wait-piling"))->evidence.contains(QStringLiteral("local ports: 8080 (60)")));
}

void TestAdvisor::portPressurePerDestination()
{
    const PortPressure::Result p = PortPressure::compute(fixture(QStringLiteral("advisor/port-pressure")));
    QVERIFY(p.valid);
    QCOMPARE(p.first, 60000);
    QCOMPARE(p.last, 60999);
    QCOMPARE(p.capacity, 1000);
    QCOMPARE(p.top.size(), size_t(1));
    QCOMPARE(p.top[0].remote, QStringLiteral("127.0.0.2:5432"));
    QCOMPARE(p.top[0].localAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(p.top[0].used, 850);

    const PortPressure::Result spread = PortPressure::compute(fixture(QStringLiteral("advisor/port-pressure-spread")));
    QCOMPARE(spread.top.size(), size_t(4));
    QCOMPARE(spread.top[0].used, 213);
    QCOMPARE(spread.top[3].used, 212);
    // The listener on port 22 and its accepted connection are outside the range: not counted.
    const PortPressure::Result quiet = PortPressure::compute(fixture(QStringLiteral("procroot/linux-6.18")));
    QVERIFY(quiet.valid);
    QCOMPARE(quiet.capacity + quiet.listenersInRange, 60999 - 32768 + 1);
}

// 60 TIME_WAIT sockets from 10.0.0.1, 15 to each of 4 servers, in a 100-port range.
static Snapshot spreadOver4Servers(const QString &os)
{
    SnapshotData d;
    d.os = os;
    d.timeMs = 1;
    d.tunables.set(QStringLiteral("net.inet.ip.portrange.first"), QStringLiteral("49152"));
    d.tunables.set(QStringLiteral("net.inet.ip.portrange.last"), QStringLiteral("49251"));
    for (int i = 0; i < 60; ++i) {
        SocketEntry e;
        e.kind = RowKind::BsdPcb;
        e.state = TcpState::TimeWait;
        e.localAddr = { 10, 0, 0, 1 };
        e.remoteAddr = { 10, 0, 1, quint8(1 + i % 4) };
        e.localPort = quint16(49152 + i);
        e.remotePort = 443;
        d.sockets.push_back(e);
    }
    return Snapshot(std::move(d));
}

void TestAdvisor::portPressureOnMacosIsPerLocalAddress()
{
    // xnu bsd/netinet/in_pcb.c in_pcbbind: a free port is looked up by local address and port only, so on
    // macOS every destination draws from the same range; FreeBSD 13+ and Linux count per destination.
    const PortPressure::Result mac = PortPressure::compute(spreadOver4Servers(QStringLiteral("Darwin")));
    QVERIFY(mac.valid && mac.perLocalAddress);
    QCOMPARE(mac.capacity, 100);
    QCOMPARE(mac.top.size(), size_t(1));
    QCOMPARE(mac.top[0].localAddress, QStringLiteral("10.0.0.1"));
    QCOMPARE(mac.top[0].used, 60);
    QVERIFY(mac.top[0].remote.isEmpty());
    const PortPressure::Result bsd = PortPressure::compute(spreadOver4Servers(QStringLiteral("FreeBSD")));
    QVERIFY(!bsd.perLocalAddress);
    QCOMPARE(bsd.top.size(), size_t(4));
    QCOMPARE(bsd.top[0].used, 15);

    const auto macAdvice = Advisor::evaluate(spreadOver4Servers(QStringLiteral("Darwin")));
    const Advisory *a = byId(macAdvice, QStringLiteral("ephemeral-port-pressure"));
    QVERIFY(a);
    QVERIFY2(
        a->title.contains(QLatin1String("10.0.0.1")) && a->title.contains(QLatin1String("60%")), qPrintable(a->title));
    QVERIFY(a->evidence.contains(QLatin1String("per local address, shared by every destination")));
    QVERIFY(a->evidence.contains(QLatin1String("10.0.0.1 -> any destination: 60 sockets")));
    QVERIFY(a->explanation.contains(QLatin1String("30 s")));
    QVERIFY(!a->action.contains(QLatin1String("ip_local_port_range")));
    QVERIFY(a->reference.contains(QLatin1String("in_pcbbind")));
    QVERIFY(!byId(
        Advisor::evaluate(spreadOver4Servers(QStringLiteral("FreeBSD"))), QStringLiteral("ephemeral-port-pressure")));
}

void TestAdvisor::reservedPortsInRange()
{
    QCOMPARE(PortPressure::reservedInRange(QStringLiteral("8080,60000-60009,60005"), 60000, 60999), 10);
    QCOMPARE(PortPressure::reservedInRange(QString(), 1, 10), 0);
    QCOMPARE(PortPressure::reservedInRange(QStringLiteral("5-20"), 1, 10), 6);
    QCOMPARE(PortPressure::reservedInRange(QStringLiteral("junk,3"), 1, 10), 1);
}

void TestAdvisor::closeWaitAgeingNeedsTracker()
{
    // Five CLOSE_WAIT sockets stay under the count threshold; seen for 3 minutes they are ageing.
    const Snapshot few = fixture(QStringLiteral("advisor/close-wait-few"));
    ConnectionTracker tracker;
    tracker.update(at(few, 1'000'000));
    const Snapshot later = at(few, 1'000'000 + 180'000);
    tracker.update(later);
    QVERIFY(!Advisor::closeWaitPiling(later, nullptr));
    const auto a = Advisor::closeWaitPiling(later, &tracker);
    QVERIFY(a);
    QCOMPARE(a->title, QStringLiteral("CLOSE_WAIT sockets are ageing"));
    QVERIFY2(
        a->evidence.contains(QStringLiteral("oldest: 3 min (127.0.0.1:8080 -> 127.0.0.4:")), qPrintable(a->evidence));

    ConnectionTracker fresh;
    fresh.update(later);
    QVERIFY(!Advisor::closeWaitPiling(later, &fresh)); // just appeared: not ageing
}

void TestAdvisor::jsonOutputHasStableIds()
{
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--proc-root"),
            Fixture::path(QStringLiteral("advisor/port-pressure")) });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonArray a
        = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("advisories")).toArray();
    QCOMPARE(a.size(), 1);
    const QJsonObject o = a.at(0).toObject();
    QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("ephemeral-port-pressure"));
    QCOMPARE(o.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("TIME_WAIT"));
    QVERIFY(o.value(QStringLiteral("evidence"))
                .toString()
                .contains(QStringLiteral("127.0.0.1 -> 127.0.0.2:5432: 850 sockets (85%)")));
}

void TestAdvisor::serverClosesFirstWithRealSockets()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    LoopbackLab lab;
    QVERIFY(lab.listen().ok());
    const Status clientClosed = lab.clientClosesFirst(120);
    QVERIFY2(clientClosed.ok(), qPrintable(clientClosed.error()));
    ProcSource proc;
    QVERIFY(!Advisor::serverClosesFirst(proc.poll())); // TIME_WAIT on the client side only

    LoopbackLab server;
    QVERIFY(server.listen().ok());
    const Status serverClosed = server.serverClosesFirst(120);
    QVERIFY2(serverClosed.ok(), qPrintable(serverClosed.error()));
    const auto a = Advisor::serverClosesFirst(proc.poll());
    QVERIFY(a);
    QVERIFY2(
        a->title.contains(QStringLiteral("on listening port %1").arg(server.lastListenPort())), qPrintable(a->title));
}

TCPSCOPE_TEST_MAIN(TestAdvisor, QCoreApplication, TestMain::Isolated)

#include "tst_advisor.moc"
