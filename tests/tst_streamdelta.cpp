// Stream format 2 (docs/stream-format.md, "Version 2: keyframes and deltas"): rows written from
// sock_diag read back as the kernel's would, a delta stream rebuilds every snapshot exactly, timers
// count down on the reader, a lost delta waits for the next keyframe, and a reader's keyframe
// stands in for the frames before it.
#include "parse/procnettcpparser.h"
#include "stream/proclineformatter.h"
#include "stream/streamdeltawriter.h"
#include "stream/streamframedecoder.h"
#include "stream/streamtable.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <random>

namespace {
const QString Fixture = QStringLiteral(TCPSCOPE_SOURCE_DIR "/tests/data/proc/linux-6.18-allstates/");

std::vector<SocketEntry> fixtureSockets()
{
    std::vector<SocketEntry> out;
    for (const auto &[file, family] : { std::pair { "tcp", AddressFamily::IPv4 }, { "tcp6", AddressFamily::IPv6 } }) {
        QFile f(Fixture + QLatin1String(file));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("fixture %s missing", file);
        const ProcParseResult r = ProcNetTcpParser::parse(f.readAll(), family, QLatin1String(file));
        out.insert(out.end(), r.sockets.begin(), r.sockets.end());
    }
    return out;
}

QString summary(const ProblemList &problems)
{
    QStringList out;
    for (const Problem &p : problems.items())
        out.append(p.toString());
    return out.join(QLatin1Char('\n'));
}

// Fields a reader shows; timers to the 10 ms tick.
QByteArray fingerprint(SocketEntry e)
{
    e.timerMs = e.timerMs / 10 * 10;
    return ProcLineFormatter::key(e) + ' ' + QByteArray::number(int(e.state)) + ' ' + QByteArray::number(int(e.kind))
        + ' ' + QByteArray::number(int(e.timer)) + ' ' + QByteArray::number(e.timerMs / 20) + ' '
        + QByteArray::number(e.txQueue) + ' ' + QByteArray::number(e.rxQueue) + ' ' + QByteArray::number(e.retransmits)
        + ' ' + QByteArray::number(e.uid) + ' ' + QByteArray::number(e.probes) + ' ' + QByteArray::number(e.cookie);
}

QList<QByteArray> fingerprints(const std::vector<SocketEntry> &sockets)
{
    QList<QByteArray> out;
    for (const SocketEntry &e : sockets)
        out.append(fingerprint(e));
    std::sort(out.begin(), out.end());
    return out;
}

// The kernel's side of a second passing: timers run down.
void tick(std::vector<SocketEntry> &sockets, quint32 ms)
{
    for (SocketEntry &e : sockets)
        e.timerMs = e.timerMs > ms ? e.timerMs - ms : 0;
}

Snapshot snapshotOf(std::vector<SocketEntry> sockets, qint64 timeMs, const QString &finTimeout = QStringLiteral("60"))
{
    SnapshotData d;
    d.host = QStringLiteral("web1");
    d.kernel = QStringLiteral("6.18.0");
    d.timeMs = timeMs;
    d.sockets = std::move(sockets);
    d.tunables.set(QStringLiteral("net.ipv4.tcp_fin_timeout"), finTimeout);
    d.tunables.set(QStringLiteral("net.ipv4.ip_local_port_range"), QStringLiteral("32768\t60999"));
    d.tunables.set(QStringLiteral("net.ipv4.ip_local_reserved_ports"), QString());
    return Snapshot(std::move(d));
}

// A socket on 10.0.0.1:port -> 10.0.0.2:443, ESTABLISHED, with a cookie.
SocketEntry connection(quint16 port, quint64 cookie)
{
    SocketEntry e;
    e.localAddr = { 10, 0, 0, 1 };
    e.remoteAddr = { 10, 0, 0, 2 };
    e.localPort = port;
    e.remotePort = 443;
    e.state = TcpState::Established;
    e.inode = 100000 + port;
    e.cookie = cookie;
    return e;
}
} // namespace

class TestStreamDelta : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsReadBackAsTheKernelsDo();
    void deltasRebuildEverySnapshot();
    void deltasAreSmall();
    void timersCountDownOnTheReader();
    void lostDeltaWaitsForKeyframe();
    void readerKeyframeStandsInForTheFramesBefore();
    void eventsAndSysctlsTravel();
    void versionOneStillReads();
};

void TestStreamDelta::rowsReadBackAsTheKernelsDo()
{
    const std::vector<SocketEntry> sockets = fixtureSockets();
    QVERIFY(sockets.size() > 10);
    QByteArray v4(ProcLineFormatter::header(AddressFamily::IPv4).toByteArray());
    QByteArray v6(ProcLineFormatter::header(AddressFamily::IPv6).toByteArray());
    int row = 0;
    for (const SocketEntry &e : sockets)
        ProcLineFormatter::append(e.family == AddressFamily::IPv4 ? v4 : v6, e, row++);
    ProcParseResult back = ProcNetTcpParser::parse(v4, AddressFamily::IPv4, QStringLiteral("v4"));
    const ProcParseResult back6 = ProcNetTcpParser::parse(v6, AddressFamily::IPv6, QStringLiteral("v6"));
    QVERIFY2(back.problems.isEmpty() && back6.problems.isEmpty(), qPrintable(summary(back.problems)));
    back.sockets.insert(back.sockets.end(), back6.sockets.begin(), back6.sockets.end());
    QCOMPARE(fingerprints(back.sockets), fingerprints(sockets));
    // Every kind of row survives: the parser tells them apart by tr and the field count.
    QVERIFY(
        std::any_of(back.sockets.begin(), back.sockets.end(), [](auto &e) { return e.kind == RowKind::TimeWaitSock; }));
    QVERIFY(std::any_of(back.sockets.begin(), back.sockets.end(), [](auto &e) { return e.kind == RowKind::Request; }));
}

void TestStreamDelta::deltasRebuildEverySnapshot()
{
    std::mt19937 random(7);
    std::vector<SocketEntry> live = fixtureSockets();
    StreamDeltaWriter writer(50);
    StreamTable table;
    quint16 nextPort = 20000;
    for (int frame = 1; frame <= 120; ++frame) {
        tick(live, 1000);
        // Churn: close some, open some, change queues and states of others.
        for (int i = 0; i < 5 && !live.empty(); ++i)
            live.erase(live.begin() + long(random() % live.size()));
        for (int i = 0; i < 7; ++i)
            live.push_back(connection(nextPort++, random()));
        for (int i = 0; i < 4; ++i) {
            SocketEntry &e = live[random() % live.size()];
            e.rxQueue += 100;
            if (e.state == TcpState::Established)
                e.state = TcpState::CloseWait;
        }
        const Snapshot s = snapshotOf(live, 1'000'000 + frame * 1000);
        ProblemList problems;
        QVERIFY(table.feed({ frame, writer.frame(s) }, problems));
        QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
        QCOMPARE(writer.lastWasKey(), frame == 1 || frame % 50 == 1);
        QCOMPARE(table.lastWasDelta(), !writer.lastWasKey());
        const SnapshotData d = table.data();
        QCOMPARE(fingerprints(d.sockets), fingerprints(live));
        QCOMPARE(d.tunables, s.tunables());
        QCOMPARE(d.host, QStringLiteral("web1"));
        QCOMPARE(d.timeMs, s.timeMs());
    }
    QCOMPARE(table.keyframes(), 3);
    QCOMPARE(table.deltas(), 117);
}

void TestStreamDelta::deltasAreSmall()
{
    std::vector<SocketEntry> live;
    for (quint16 p = 1; p <= 10000; ++p)
        live.push_back(connection(p, p));
    StreamDeltaWriter writer;
    const QByteArray key = writer.frame(snapshotOf(live, 1000));
    for (int i = 0; i < 100; ++i) // 1% of the rows change
        live[size_t(i * 97)].txQueue = 5;
    const QByteArray delta = writer.frame(snapshotOf(live, 2000));
    QVERIFY(delta.contains("\n@delta\n"));
    // Only the changed rows and their cookies (local address 10.0.0.1, as the kernel prints it).
    QCOMPARE(delta.count("0100000A:"), 200);
    QVERIFY2(delta.size() * 50 < key.size(), qPrintable(QStringLiteral("%1 vs %2").arg(delta.size()).arg(key.size())));
    const QByteArray idle = writer.frame(snapshotOf(live, 3000));
    QVERIFY2(idle.size() < 200, idle.constData()); // nothing changed: the header and @end
}

void TestStreamDelta::timersCountDownOnTheReader()
{
    SocketEntry tw = connection(5000, 9);
    tw.state = TcpState::TimeWait;
    tw.kind = RowKind::TimeWaitSock;
    tw.timer = TimerKind::TimeWait;
    tw.timerMs = 60000;
    tw.inode = 0;
    StreamDeltaWriter writer;
    StreamTable table;
    ProblemList problems;
    table.feed({ 1, writer.frame(snapshotOf({ tw }, 10'000)) }, problems);
    tw.timerMs = 58990; // the kernel's own countdown: not re-sent
    const QByteArray delta = writer.frame(snapshotOf({ tw }, 11'010));
    QVERIFY(!delta.contains("0100000A:"));
    table.feed({ 2, delta }, problems);
    QCOMPARE(table.data().sockets.at(0).timerMs, 58990u);
    tw.timerMs = 70000; // re-armed (a FIN in TIME_WAIT, RFC 9293 3.10.7.4): sent again
    QVERIFY(writer.frame(snapshotOf({ tw }, 12'000)).contains("0100000A:"));
}

void TestStreamDelta::lostDeltaWaitsForKeyframe()
{
    std::vector<SocketEntry> live { connection(1, 1) };
    StreamDeltaWriter writer(4);
    StreamTable table;
    ProblemList problems;
    QVERIFY(table.feed({ 1, writer.frame(snapshotOf(live, 1000)) }, problems));
    live.push_back(connection(2, 2));
    writer.frame(snapshotOf(live, 2000)); // lost on the way
    live.push_back(connection(3, 3));
    QVERIFY(!table.feed({ 3, writer.frame(snapshotOf(live, 3000)) }, problems));
    QVERIFY2(summary(problems).contains(QLatin1String("frame 3: a frame before this delta was lost")),
        qPrintable(summary(problems)));
    QVERIFY(!table.synced());
    QVERIFY(!table.feed({ 4, writer.frame(snapshotOf(live, 4000)) }, problems));
    QVERIFY(table.feed({ 5, writer.frame(snapshotOf(live, 5000)) }, problems)); // every 4th: a keyframe
    QCOMPARE(fingerprints(table.data().sockets), fingerprints(live));
    QCOMPARE(problems.total(), 1); // reported once, not per frame
}

void TestStreamDelta::readerKeyframeStandsInForTheFramesBefore()
{
    std::vector<SocketEntry> live = fixtureSockets();
    StreamDeltaWriter writer;
    StreamTable table;
    ProblemList problems;
    table.feed({ 1, writer.frame(snapshotOf(live, 1000)) }, problems);
    tick(live, 1000);
    live.push_back(connection(7, 77));
    live.erase(live.begin());
    table.feed({ 2, writer.frame(snapshotOf(live, 2000, QStringLiteral("30"))) }, problems);
    const QByteArray key = table.keyframe("@owners unchanged\n");
    QVERIFY(!key.contains("\n@delta\n"));
    QVERIFY(key.contains("\n@seq 2\n"));
    QVERIFY(key.contains("\n@owners unchanged\n@end\n"));
    StreamTable fresh;
    QVERIFY(fresh.feed({ 1, key }, problems));
    QCOMPARE(fingerprints(fresh.data().sockets), fingerprints(table.data().sockets));
    QCOMPARE(fresh.data().tunables.value(QStringLiteral("net.ipv4.tcp_fin_timeout")), QStringLiteral("30"));
    // The writer's next delta applies to the stand-in as to the original.
    tick(live, 1000);
    live.push_back(connection(8, 88));
    const QByteArray next = writer.frame(snapshotOf(live, 3000));
    QVERIFY(fresh.feed({ 2, next }, problems));
    QCOMPARE(fingerprints(fresh.data().sockets), fingerprints(live));
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
}

void TestStreamDelta::eventsAndSysctlsTravel()
{
    StreamDeltaWriter writer;
    StreamTable table;
    ProblemList problems;
    auto events = std::make_shared<StateEvents>();
    TcpStateEvent e;
    e.timeNs = 123456789;
    e.cookie = 4242;
    e.localAddr = { 127, 0, 0, 1 };
    e.remoteAddr = { 127, 0, 0, 1 };
    e.localPort = 40000;
    e.remotePort = 8080;
    e.oldState = TcpState::FinWait2;
    e.newState = TcpState::Close;
    events->changes = { e, e };
    events->lostTotal = 5;
    events->lostSincePrevious = 2;
    table.feed({ 1, writer.frame(snapshotOf({}, 1000).withStateEvents(events)) }, problems);
    const QByteArray delta = writer.frame(snapshotOf({}, 2000, QStringLiteral("15")));
    QCOMPARE(delta.count("@sysctl "), 1); // only the changed one
    table.feed({ 2, delta }, problems);
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
    QCOMPARE(table.data().tunables.value(QStringLiteral("net.ipv4.tcp_fin_timeout")), QStringLiteral("15"));
    QCOMPARE(
        table.data().tunables.value(QStringLiteral("net.ipv4.ip_local_port_range")), QStringLiteral("32768\t60999"));
    QVERIFY(table.data().tunables.has(QStringLiteral("net.ipv4.ip_local_reserved_ports")));
    const auto got = table.takeEvents();
    QVERIFY(got);
    QCOMPARE(got->changes.size(), size_t(2));
    QCOMPARE(got->changes[1].cookie, quint64(4242));
    QCOMPARE(got->changes[1].localPort, quint16(40000));
    QCOMPARE(got->changes[1].oldState, TcpState::FinWait2);
    QCOMPARE(got->changes[1].newState, TcpState::Close);
    QCOMPARE(got->changes[1].timeNs, qint64(123456789));
    QCOMPARE(got->lostTotal, quint64(5));
    QCOMPARE(got->lostSincePrevious, quint64(2));
    QVERIFY(!table.takeEvents());
}

void TestStreamDelta::versionOneStillReads()
{
    QFile f(QStringLiteral(TCPSCOPE_SOURCE_DIR "/tests/data/stream/linux-frame.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const StreamFrame frame { 1, f.readAll() };
    QVERIFY(frame.text.startsWith("@tcpscope 1\n"));
    StreamTable table;
    ProblemList problems;
    QVERIFY(table.feed(frame, problems));
    const SnapshotData v1 = StreamFrameDecoder::decode(frame);
    QCOMPARE(fingerprints(table.data().sockets), fingerprints(v1.sockets));
    QCOMPARE(table.data().tunables, v1.tunables);
}

QTEST_GUILESS_MAIN(TestStreamDelta)
#include "tst_streamdelta.moc"
