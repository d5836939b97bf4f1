#include "fixturefolder.h"
#include "parse/procnettcpparser.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

namespace {
const FixtureFolder fixture { QStringLiteral("proc") };

const SocketEntry *findLocal(const ProcParseResult &r, quint16 localPort, quint16 remotePort)
{
    for (const SocketEntry &e : r.sockets) {
        if (e.localPort == localPort && e.remotePort == remotePort)
            return &e;
    }
    return nullptr;
}
} // namespace

class TestProcNetTcpParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStateCode_data();
    void everyStateCode();
    void matchesSsOnTheSameCapture();
    void decodesColumns_data();
    void decodesColumns();
    void requestRetransmits();
    void decodesAddresses();
    void malformed_data();
    void malformed();
    void familyMismatchIsReported();
    void randomBytesNeverCrash();
    void mutatedLinesNeverCrash();
    void boundsSocketCount();
};

void TestProcNetTcpParser::everyStateCode_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("family");
    QTest::newRow("tcp") << QStringLiteral("linux-6.18-allstates/tcp") << 4;
    QTest::newRow("tcp6") << QStringLiteral("linux-6.18-allstates/tcp6") << 6;
}

void TestProcNetTcpParser::everyStateCode()
{
    QFETCH(QString, file);
    QFETCH(int, family);
    const auto r = ProcNetTcpParser::parse(fixture(file), AddressFamily(family), file);
    QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.items().value(0).toString()));
    QCOMPARE(qint64(r.sockets.size()), r.lines);
    std::map<TcpState, int> seen;
    for (const SocketEntry &e : r.sockets)
        ++seen[e.state];
    // The kernel prints every state but CLOSE (07) and the pseudo-states 0C/0D (include/net/tcp_states.h).
    for (unsigned code : { 0x01u, 0x02u, 0x03u, 0x04u, 0x05u, 0x06u, 0x08u, 0x09u, 0x0Au, 0x0Bu })
        QVERIFY2(seen[*TcpStates::fromCode(code)] > 0, qPrintable(QStringLiteral("no state %1").arg(code, 2, 16)));
}

void TestProcNetTcpParser::matchesSsOnTheSameCapture()
{
    // ss -tan -o was taken at the same moment: the per-state counts must agree.
    std::map<QString, int> ours, theirs;
    for (const char *f : { "linux-6.18-allstates/tcp", "linux-6.18-allstates/tcp6" }) {
        const QString name = QString::fromLatin1(f);
        const auto r = ProcNetTcpParser::parse(
            fixture(name), name.endsWith(QLatin1Char('6')) ? AddressFamily::IPv6 : AddressFamily::IPv4, name);
        for (const SocketEntry &e : r.sockets)
            ++ours[TcpStates::ssName(e.state)];
    }
    const QList<QByteArray> lines = fixture(QStringLiteral("linux-6.18-allstates/ss.txt")).split('\n');
    for (const QByteArray &l : lines.mid(1)) {
        const QByteArray state = l.simplified().split(' ').value(0);
        if (!state.isEmpty())
            ++theirs[QString::fromLatin1(state)];
    }
    QCOMPARE(ours, theirs);
}

void TestProcNetTcpParser::decodesColumns_data()
{
    // One row per socket of linux-6.18-allstates/tcp; -1 (or Unknown) means "not checked".
    QTest::addColumn<int>("local");
    QTest::addColumn<int>("remote");
    QTest::addColumn<TcpState>("state");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("timer");
    QTest::addColumn<qint64>("timerMs");
    QTest::addColumn<qint64>("inode");
    QTest::addColumn<int>("orphan");
    QTest::addColumn<qint64>("rxQueue");
    QTest::addColumn<qint64>("txQueue");
    using S = TcpState;
    const int tw = int(RowKind::TimeWaitSock), full = int(RowKind::Full), request = int(RowKind::Request);
    // "22: 0100007F:9856 0100007F:9C3B 06 ... 03:00001741": 0x1741 = 5953 ticks at 100 Hz.
    QTest::newRow("TIME_WAIT, tr 3") << 0x9856 << 0x9C3B << S::TimeWait << tw << int(TimerKind::TimeWait)
                                     << qint64(59530) << qint64(0) << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("orphaned FIN_WAIT2 from the timewait printer, st 05 tr 3")
        << 0x9858 << 0x9C3B << S::FinWait2 << tw << -1 << qint64(-1) << qint64(-1) << 1 << qint64(-1) << qint64(-1);
    QTest::newRow("FIN_WAIT2 after shutdown(SHUT_WR): a full row with an inode")
        << 0x985E << 0x9C3B << S::Unknown << full << -1 << qint64(-1) << qint64(13975) << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("request socket: st 03, tr 1, 12 fields")
        << 0x8FD7 << 0xBA82 << S::SynRecv << request << int(TimerKind::Retransmit) << qint64(540) << qint64(-1) << -1
        << qint64(-1) << qint64(-1);
    QTest::newRow("ESTABLISHED with 100 unread bytes (rx_queue 0x64)")
        << 0x9C3B << 0x9850 << S::Unknown << -1 << -1 << qint64(-1) << qint64(13968) << -1 << qint64(100) << qint64(-1);
    // 0xAFC4C ticks = 7199.48 s; ss shows 119min.
    QTest::newRow("keepalive timer, tr 2") << 0x9852 << 0x9C3B << S::Unknown << -1 << int(TimerKind::Keepalive)
                                           << qint64(7199480) << qint64(-1) << -1 << qint64(-1) << qint64(-1);
    QTest::newRow("LAST_ACK with unsent data and the zero-window probe timer, tr 4")
        << 0x99AB << 0xCE1C << S::LastAck << -1 << int(TimerKind::ZeroWindowProbe) << qint64(-1) << qint64(-1) << -1
        << qint64(-1) << qint64(0x1801);
    QTest::newRow("SYN_SENT: one byte (the SYN) in flight")
        << 0x8852 << 0xA66B << S::SynSent << -1 << -1 << qint64(-1) << qint64(-1) << -1 << qint64(-1) << qint64(1);
}

void TestProcNetTcpParser::decodesColumns()
{
    QFETCH(int, local);
    QFETCH(int, remote);
    QFETCH(TcpState, state);
    QFETCH(int, kind);
    QFETCH(int, timer);
    QFETCH(qint64, timerMs);
    QFETCH(qint64, inode);
    QFETCH(int, orphan);
    QFETCH(qint64, rxQueue);
    QFETCH(qint64, txQueue);
    const auto r = ProcNetTcpParser::parse(
        fixture(QStringLiteral("linux-6.18-allstates/tcp")), AddressFamily::IPv4, QStringLiteral("tcp"));
    const SocketEntry *e = findLocal(r, quint16(local), quint16(remote));
    QVERIFY(e);
    if (state != TcpState::Unknown)
        QCOMPARE(e->state, state);
    if (kind >= 0)
        QCOMPARE(int(e->kind), kind);
    if (timer >= 0)
        QCOMPARE(int(e->timer), timer);
    if (timerMs >= 0)
        QCOMPARE(qint64(e->timerMs), timerMs);
    if (inode >= 0)
        QCOMPARE(qint64(e->inode), inode);
    if (orphan >= 0)
        QCOMPARE(e->isOrphan(), orphan == 1);
    if (rxQueue >= 0)
        QCOMPARE(qint64(e->rxQueue), rxQueue);
    if (txQueue >= 0)
        QCOMPARE(qint64(e->txQueue), txQueue);
}

void TestProcNetTcpParser::requestRetransmits()
{
    // A request row's retransmits column is num_timeout (net/ipv4/tcp_ipv4.c get_openreq4).
    const auto doc = ProcNetTcpParser::parse(
        fixture(QStringLiteral("domaindoc-6.18/tcp")), AddressFamily::IPv4, QStringLiteral("tcp"));
    QCOMPARE(doc.sockets.size(), size_t(6));
    QCOMPARE(doc.sockets.back().retransmits, 1u);
    QCOMPARE(doc.sockets.back().kind, RowKind::Request);
}

void TestProcNetTcpParser::decodesAddresses()
{
    const auto v4 = ProcNetTcpParser::parse(
        fixture(QStringLiteral("domaindoc-6.18/tcp")), AddressFamily::IPv4, QStringLiteral("tcp"));
    QCOMPARE(v4.sockets[0].localText(), QStringLiteral("127.0.0.1:5000"));
    QCOMPARE(v4.sockets[0].remoteText(), QStringLiteral("0.0.0.0:*"));
    QCOMPARE(v4.sockets[1].remoteText(), QStringLiteral("127.0.0.1:54046"));
    const auto v6 = ProcNetTcpParser::parse(
        fixture(QStringLiteral("domaindoc-6.18/tcp6")), AddressFamily::IPv6, QStringLiteral("tcp6"));
    QVERIFY(v6.problems.isEmpty());
    QCOMPARE(v6.sockets[0].localText(), QStringLiteral("[::1]:6000"));
    QCOMPARE(v6.sockets[0].remoteText(), QStringLiteral("[::]:*"));
    QVERIFY(!v6.sockets[0].isV4Mapped());
    // Each 32-bit word is byte-swapped on its own: FFFF0000 0100007F is ::ffff:127.0.0.1.
    QCOMPARE(v6.sockets[3].localText(), QStringLiteral("[::ffff:127.0.0.1]:8000"));
    QCOMPARE(v6.sockets[3].remotePort, quint16(0xE5DA));
    QVERIFY(v6.sockets[3].isV4Mapped());
    // A big-endian printer writes the same address with the bytes in order.
    ProcNetTcpParser::Options be;
    be.bigEndianKernel = true;
    const auto b = ProcNetTcpParser::parse("   0: 7F000001:1388 00000000:0000 0A 00000000:00000000 00:00000000 "
                                           "00000000     0        0 1 1 0000000000000000 100 0 0 10 0\n",
        AddressFamily::IPv4, QStringLiteral("be"), be);
    QCOMPARE(b.sockets.at(0).localText(), QStringLiteral("127.0.0.1:5000"));
}

void TestProcNetTcpParser::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("sockets");
    QTest::addColumn<QList<qint64>>("problemLines");
    QTest::newRow("empty") << QStringLiteral("malformed/empty") << 0 << QList<qint64> { 0 };
    // 1275 bytes: the header and 7 padded v4 lines (150 bytes each), then half of line 9.
    QTest::newRow("truncated") << QStringLiteral("malformed/truncated") << 7 << QList<qint64> { 9 };
    QTest::newRow("overlong") << QStringLiteral("malformed/overlong") << 4 << QList<qint64> { 4 };
    QTest::newRow("garbage") << QStringLiteral("malformed/garbage") << 2 << QList<qint64> { 3, 4, 5, 6 };
}

void TestProcNetTcpParser::malformed()
{
    QFETCH(QString, file);
    QFETCH(int, sockets);
    QFETCH(QList<qint64>, problemLines);
    const auto r = ProcNetTcpParser::parse(fixture(file), AddressFamily::IPv4, file);
    QCOMPARE(int(r.sockets.size()), sockets);
    QList<qint64> lines;
    for (const Problem &p : r.problems.items()) {
        lines.append(p.line);
        QCOMPARE(p.source, file);
        QVERIFY(!p.message.isEmpty());
    }
    QCOMPARE(lines, problemLines);
}

void TestProcNetTcpParser::familyMismatchIsReported()
{
    const auto r = ProcNetTcpParser::parse(
        fixture(QStringLiteral("domaindoc-6.18/tcp6")), AddressFamily::IPv4, QStringLiteral("tcp"));
    QCOMPARE(r.sockets.size(), size_t(0));
    QCOMPARE(r.problems.total(), 4);
    QVERIFY(r.problems.items().at(0).message.contains(QLatin1String("local address")));
}

void TestProcNetTcpParser::randomBytesNeverCrash()
{
    QRandomGenerator rng(20261121);
    const QByteArray binary = fixture(QStringLiteral("malformed/binary"));
    auto r = ProcNetTcpParser::parse(binary, AddressFamily::IPv6, QStringLiteral("binary"));
    QCOMPARE(r.sockets.size(), size_t(0));
    QVERIFY(r.problems.total() > 0);
    QVERIFY(r.problems.items().size() <= ProblemList::MaxKept);
    for (int i = 0; i < 3000; ++i) {
        QByteArray junk(int(rng.bounded(600)), Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        auto j = ProcNetTcpParser::parse(junk, i % 2 ? AddressFamily::IPv4 : AddressFamily::IPv6, QStringLiteral("r"));
        QVERIFY(qint64(j.sockets.size()) <= j.lines);
    }
}

void TestProcNetTcpParser::mutatedLinesNeverCrash()
{
    QRandomGenerator rng(793);
    const QByteArray real = fixture(QStringLiteral("linux-6.18-allstates/tcp6"));
    const QByteArray alphabet = "0123456789ABCDEF: \n\t-xZ\xff";
    for (int i = 0; i < 3000; ++i) {
        QByteArray m = real;
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const int pos = int(rng.bounded(m.size()));
            switch (rng.bounded(3)) {
            case 0:
                m[pos] = alphabet[int(rng.bounded(alphabet.size()))];
                break;
            case 1:
                m.remove(pos, int(rng.bounded(20)));
                break;
            default:
                m.insert(pos, alphabet.mid(int(rng.bounded(alphabet.size())), 3));
            }
        }
        const auto r = ProcNetTcpParser::parse(m, AddressFamily::IPv6, QStringLiteral("m"));
        QVERIFY(r.sockets.size() <= 26);
        for (const SocketEntry &s : r.sockets)
            QVERIFY(s.state != TcpState::Unknown);
    }
}

void TestProcNetTcpParser::boundsSocketCount()
{
    ProcNetTcpParser::Options o;
    o.maxSockets = 5;
    const auto r = ProcNetTcpParser::parse(
        fixture(QStringLiteral("linux-6.18-allstates/tcp")), AddressFamily::IPv4, QStringLiteral("tcp"), o);
    QCOMPARE(r.sockets.size(), size_t(5));
    QCOMPARE(r.problems.total(), 1);
    QVERIFY(r.problems.items().at(0).message.contains(QLatin1String("more than 5 sockets")));
}

QTEST_GUILESS_MAIN(TestProcNetTcpParser)
#include "tst_procnettcpparser.moc"
