// Every advisor rule against a --proc-root fixture (or a pair of polls) that triggers it and a near miss
// that must not (tests/data/advisor, synthesised in the kernel's own line format), real loopback sockets
// in a private network namespace for the server-closes-first rule, and every rule's texts under the
// zh_TW translator. accept-queue-overflow on real sockets: tst_advisorlive.
#include "analysis/advisor.h"
#include "analysis/portpressure.h"
#include "fixture.h"
#include "pipeline/trackerworker.h"
#include "report/snapshotjson.h"
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
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

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

// One poll of a Linux host with a listener on 127.0.0.1:8080 holding `waiting` unaccepted connections.
Snapshot listenerPoll(qint64 timeMs, qint64 overflows, quint32 waiting = 2)
{
    SnapshotData d;
    d.timeMs = timeMs;
    SocketEntry l;
    l.state = TcpState::Listen;
    l.localAddr = { 127, 0, 0, 1 };
    l.localPort = 8080;
    l.rxQueue = waiting;
    d.sockets.push_back(l);
    d.counters.set(QStringLiteral("TcpExt.ListenOverflows"), overflows);
    d.counters.set(QStringLiteral("TcpExt.ListenDrops"), overflows + 1);
    return Snapshot(std::move(d));
}

// 60 FIN_WAIT_2 sockets on FreeBSD.
Snapshot bsdFinWait2()
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
    return Snapshot(std::move(d));
}

bool hasCjk(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
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
    void acceptQueueOverflowNeedsGrowth();
    void trackerWorkerPassesThePreviousPoll();
    void everyRuleSpeaksTraditionalChinese();
    void jsonOutputHasStableIds();
    void serverClosesFirstWithRealSockets();
};

void TestAdvisor::finWait2SpeaksBsdOnBsd()
{
    const auto all = Advisor::evaluate(bsdFinWait2(), nullptr);
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
    // There at the first poll: the age is a lower bound.
    QVERIFY2(a->evidence.contains(QStringLiteral("oldest: \u2265 3 min (127.0.0.1:8080 -> 127.0.0.4:")),
        qPrintable(a->evidence));

    ConnectionTracker fresh;
    fresh.update(later);
    QVERIFY(!Advisor::closeWaitPiling(later, &fresh)); // just appeared: not ageing
}

void TestAdvisor::acceptQueueOverflowNeedsGrowth()
{
    const Snapshot before = listenerPoll(1'000, 40), after = listenerPoll(3'000, 46);
    QVERIFY(!Advisor::acceptQueueOverflow(after, Snapshot())); // 46 since boot says nothing about now
    QVERIFY(!Advisor::acceptQueueOverflow(after, listenerPoll(1'000, 46))); // no growth
    QVERIFY(!Advisor::acceptQueueOverflow(after, listenerPoll(1'000, 90))); // counters restarted
    QVERIFY(!Advisor::acceptQueueOverflow(before, after)); // out of order
    const auto a = Advisor::acceptQueueOverflow(after, before);
    QVERIFY(a);
    QCOMPARE(a->title, QStringLiteral("Accept queue of port 8080 overflowed (6 times in 2 s)"));
    QCOMPARE(a->evidence,
        QStringLiteral("TcpExt.ListenOverflows +6, TcpExt.ListenDrops +6 in 2 s\n"
                       "listening on 127.0.0.1:8080: Recv-Q 2 (connections waiting for accept())"));
    QVERIFY(ids(Advisor::evaluate(after, before)).contains(QStringLiteral("accept-queue-overflow")));
    QVERIFY(!ids(Advisor::evaluate(after)).contains(QStringLiteral("accept-queue-overflow")));
    const auto drained = Advisor::acceptQueueOverflow(listenerPoll(3'000, 46, 0), before);
    QVERIFY(drained);
    QCOMPARE(drained->title, QStringLiteral("Accept queues overflowed 6 times in 2 s"));
    QVERIFY(drained->evidence.endsWith(QLatin1String("no listener has connections waiting now")));
}

// The pipeline's advisor call sees the last poll of the same generation, never one of another host.
void TestAdvisor::trackerWorkerPassesThePreviousPoll()
{
    TrackerWorker worker;
    std::vector<Advisory> last;
    connect(&worker, &TrackerWorker::tracked, this, [&last](const TrackerResultPtr &r) { last = r->advisories; });
    worker.track(listenerPoll(1'000, 40), 1);
    QVERIFY(!ids(last).contains(QStringLiteral("accept-queue-overflow")));
    worker.track(listenerPoll(2'000, 46), 1);
    QVERIFY(ids(last).contains(QStringLiteral("accept-queue-overflow")));
    worker.track(listenerPoll(3'000, 52), 2); // another host: its counters start from nothing
    QVERIFY(!ids(last).contains(QStringLiteral("accept-queue-overflow")));
    worker.track(listenerPoll(4'000, 52), 2);
    QVERIFY(!ids(last).contains(QStringLiteral("accept-queue-overflow")));
}

// Every rule's texts exist in Traditional Chinese (resources/translations/tcpscope_zh_TW.ts), and the
// JSON report stays English under the same translator.
void TestAdvisor::everyRuleSpeaksTraditionalChinese()
{
    Q_INIT_RESOURCE(resources);
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/tcpscope_zh_TW.qm")));
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    std::vector<Advisory> all;
    const auto add = [&all](const std::vector<Advisory> &found) { all.insert(all.end(), found.begin(), found.end()); };
    for (const char *dir : { "tw-recycle-on", "tw-reuse-inbound", "tw-reuse-no-timestamps", "tw-buckets-near-limit",
             "port-pressure", "server-closes-first", "close-wait", "fin-wait2" })
        add(Advisor::evaluate(fixture(QStringLiteral("advisor/") + QLatin1String(dir))));
    add(Advisor::evaluate(listenerPoll(3'000, 46), listenerPoll(1'000, 40)));
    add(Advisor::evaluate(spreadOver4Servers(QStringLiteral("Darwin"))));
    add(Advisor::evaluate(bsdFinWait2()));
    QStringList seen;
    for (const Advisory &a : all) {
        seen << a.id;
        QVERIFY2(hasCjk(a.title), qPrintable(a.id + QLatin1Char(' ') + a.title)); // evidence may be all sysctl names
        QVERIFY2(hasCjk(a.explanation) && hasCjk(a.action), qPrintable(a.id + QLatin1Char(' ') + a.explanation));
        QVERIFY2(!hasCjk(a.id) && !hasCjk(a.reference), qPrintable(a.id));
    }
    seen.removeDuplicates();
    QStringList rules = Advisor::ruleIds();
    seen.sort();
    rules.sort();
    QCOMPARE(seen, rules);

    const QJsonArray json = SnapshotJson::toJson(fixture(QStringLiteral("advisor/port-pressure")), false)
                                .value(QStringLiteral("advisories"))
                                .toArray();
    QCOMPARE(json.size(), 1);
    const QJsonObject o = json.at(0).toObject();
    QVERIFY2(o.value(QStringLiteral("title")).toString().startsWith(QLatin1String("Ephemeral ports toward")),
        qPrintable(o.value(QStringLiteral("title")).toString()));
    for (const char *key : { "title", "evidence", "explanation", "action" })
        QVERIFY(!hasCjk(o.value(QLatin1String(key)).toString()));
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
