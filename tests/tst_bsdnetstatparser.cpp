#include "core/socketkey.h"
#include "parse/bsdnetstatparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <map>

namespace {
QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(TCPSCOPE_TEST_DATA "/bsd/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

std::map<TcpState, int> stateCounts(const BsdNetstatResult &r)
{
    std::map<TcpState, int> m;
    for (const SocketEntry &e : r.sockets)
        ++m[e.state];
    return m;
}

const SocketEntry *find(const BsdNetstatResult &r, quint16 localPort, quint16 remotePort, AddressFamily f)
{
    for (const SocketEntry &e : r.sockets) {
        if (e.localPort == localPort && e.remotePort == remotePort && e.family == f)
            return &e;
    }
    return nullptr;
}

QString firstProblem(const BsdNetstatResult &r)
{
    return r.problems.items().value(0).toString();
}
} // namespace

class TestBsdNetstatParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyBsdState_data();
    void everyBsdState();
    void capturedFiles_data();
    void capturedFiles();
    void decodesFreeBsdCapture();
    void wildcardsAndDualStack();
    void zoneIdsAreDropped();
    void truncatedIpv6HostsAreKeptAndFlagged();
    void fullAddressesAreNotFlagged();
    void verboseColumnsAndOtherSections();
    void withoutNumericFlagEveryRowIsReported();
    void malformedRowsAreSkippedWithLineNumbers();
    void stateNamesAndNumbers();
    void pcbAddressColumnIsSkipped();
    void reusePortListenersStayDistinct();
    void dialectFromRowLayout();
    void rowsAreNeverOrphans();
    void randomBytesNeverCrash();
};

void TestBsdNetstatParser::everyBsdState_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("freebsd") << QStringLiteral("rendered-freebsd-allstates.txt");
    QTest::newRow("macos") << QStringLiteral("rendered-macos-allstates.txt");
}

void TestBsdNetstatParser::everyBsdState()
{
    QFETCH(QString, file);
    const auto r = BsdNetstatParser::parse(fixture(file), file);
    QVERIFY2(r.problems.isEmpty(), qPrintable(firstProblem(r)));
    QCOMPARE(r.sockets.size(), size_t(20));
    const auto seen = stateCounts(r);
    // All eleven tcp_fsm.h states, CLOSED included.
    for (TcpState s : TcpStates::rfcStates)
        QVERIFY2(seen.count(s) && seen.at(s) > 0, qPrintable(TcpStates::rfcName(s)));
    QCOMPARE(seen.at(TcpState::Established), 5);
    QCOMPARE(seen.at(TcpState::Listen), 3);
    int v6 = 0;
    for (const SocketEntry &e : r.sockets)
        v6 += e.family == AddressFamily::IPv6;
    QCOMPARE(v6, 8); // 6 tcp6 rows + ::1 listener + the tcp46 listener
}

void TestBsdNetstatParser::capturedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("sockets");
    QTest::addColumn<int>("listen");
    QTest::addColumn<int>("established");
    QTest::addColumn<int>("timeWait");
    QTest::newRow("freebsd milter-manager") << QStringLiteral("freebsd-milter-manager.txt") << 12 << 0 << 4 << 4;
    QTest::newRow("freebsd poison") << QStringLiteral("freebsd-poison.txt") << 8 << 7 << 1 << 0;
    QTest::newRow("freebsd elk -p tcp") << QStringLiteral("freebsd-elk-p-tcp.txt") << 4 << 4 << 0 << 0;
    QTest::newRow("macos close-wait") << QStringLiteral("macos-close-wait.txt") << 3 << 1 << 0 << 0;
    QTest::newRow("macos 2008") << QStringLiteral("macos-forum-2008.txt") << 13 << 9 << 4 << 0;
    QTest::newRow("macos time-wait v6") << QStringLiteral("macos-time-wait-v6.txt") << 9 << 0 << 0 << 9;
    QTest::newRow("macos -anv sections") << QStringLiteral("macos-anv-sections.txt") << 2 << 0 << 2 << 0;
}

void TestBsdNetstatParser::capturedFiles()
{
    QFETCH(QString, file);
    QFETCH(int, sockets);
    QFETCH(int, listen);
    QFETCH(int, established);
    QFETCH(int, timeWait);
    const auto r = BsdNetstatParser::parse(fixture(file), file);
    QCOMPARE(int(r.sockets.size()), sockets);
    QCOMPARE(r.lines, qint64(sockets)); // udp, icm6 and UNIX rows are not TCP rows
    auto seen = stateCounts(r);
    QCOMPARE(seen[TcpState::Listen], listen);
    QCOMPARE(seen[TcpState::Established], established);
    QCOMPARE(seen[TcpState::TimeWait], timeWait);
    // Only the truncated-host note may appear, never a rejected row.
    QVERIFY2(r.problems.total() == (r.truncatedHostLines.empty() ? 0 : 1), qPrintable(firstProblem(r)));
}

void TestBsdNetstatParser::decodesFreeBsdCapture()
{
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("freebsd-milter-manager.txt")), QString());
    const SocketEntry *syn = find(r, 22, 62353, AddressFamily::IPv4);
    QVERIFY(syn);
    QCOMPARE(syn->state, TcpState::SynRecv);
    QCOMPARE(syn->localText(), QStringLiteral("192.168.28.10:22"));
    QCOMPARE(syn->remoteText(), QStringLiteral("192.168.40.236:62353"));
    const SocketEntry *est = find(r, 443, 53978, AddressFamily::IPv4);
    QVERIFY(est);
    QCOMPARE(est->txQueue, 1154u); // Send-Q
    QCOMPARE(est->rxQueue, 0u);
    QCOMPARE(find(r, 22, 54099, AddressFamily::IPv4)->state, TcpState::LastAck);
    // Wide (not truncated) IPv6 hosts of 24 characters decode exactly.
    const SocketEntry *fw2 = find(r, 54765, 62269, AddressFamily::IPv6);
    QVERIFY(fw2);
    QCOMPARE(fw2->state, TcpState::FinWait2);
    QCOMPARE(fw2->localText(), QStringLiteral("[fe80::215:f2ff:fedb:e04c]:54765"));
    QCOMPARE(find(r, 62269, 54765, AddressFamily::IPv6)->state, TcpState::CloseWait);
    QVERIFY(r.truncatedHostLines.empty());
}

void TestBsdNetstatParser::wildcardsAndDualStack()
{
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("macos-forum-2008.txt")), QString());
    const SocketEntry *vnc = find(r, 5900, 0, AddressFamily::IPv6);
    QVERIFY(vnc); // tcp46 *.5900: an IPv6 socket that also accepts IPv4
    QCOMPARE(vnc->state, TcpState::Listen);
    QCOMPARE(vnc->localText(), QStringLiteral("[::]:5900"));
    QCOMPARE(vnc->remoteText(), QStringLiteral("[::]:*"));
    const SocketEntry *ssh4 = find(r, 22, 0, AddressFamily::IPv4);
    QVERIFY(ssh4);
    QCOMPARE(ssh4->localText(), QStringLiteral("0.0.0.0:22"));
    QCOMPARE(find(r, 631, 0, AddressFamily::IPv6)->localText(), QStringLiteral("[::1]:631"));

    // A tcp46 row with an IPv4 peer is stored v4-mapped, as Linux shows it in /proc/net/tcp6.
    const auto m = BsdNetstatParser::parse("tcp46      0      0  127.0.0.1.5000         127.0.0.1.6000         "
                                           "ESTABLISHED\n",
        QString());
    QCOMPARE(m.sockets.size(), size_t(1));
    QVERIFY(m.sockets[0].isV4Mapped());
    QCOMPARE(m.sockets[0].family, AddressFamily::IPv6);
}

void TestBsdNetstatParser::zoneIdsAreDropped()
{
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("rendered-freebsd-allstates.txt")), QString());
    const SocketEntry *ll = find(r, 5003, 54060, AddressFamily::IPv6);
    QVERIFY(ll);
    QCOMPARE(ll->localAddressText(), QStringLiteral("fe80::1"));
    // A FreeBSD link-local peer with its zone (%em0, netstat(1)), with a 16-character truncated local host.
    const auto d = BsdNetstatParser::parse(
        "tcp6       0      0 fe80::21e:52ff:f.22    fe80::1%em0.50133      ESTABLISHED\n", QString());
    QCOMPARE(d.sockets.size(), size_t(1));
    QCOMPARE(d.sockets[0].remoteAddressText(), QStringLiteral("fe80::1"));
    QCOMPARE(d.truncatedHostLines, std::vector<qint64> { 1 });
}

void TestBsdNetstatParser::truncatedIpv6HostsAreKeptAndFlagged()
{
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("macos-time-wait-v6.txt")), QStringLiteral("ns"));
    QCOMPARE(r.sockets.size(), size_t(9));
    QCOMPARE(r.truncatedHostLines, (std::vector<qint64> { 1, 2 }));
    // "2001:f40:925:dc8" is not an address by itself: the shown groups are kept, the rest zero.
    const SocketEntry *a = find(r, 61797, 443, AddressFamily::IPv6);
    QVERIFY(a);
    QCOMPARE(a->localAddressText(), QStringLiteral("2001:f40:925:dc8::"));
    QCOMPARE(a->remoteAddressText(), QStringLiteral("2404:6800:4001:8::"));
    QCOMPARE(a->state, TcpState::TimeWait);
    // One note for the whole input, pointing at the first such line.
    QCOMPARE(r.problems.total(), qint64(1));
    QCOMPARE(r.problems.items()[0].line, qint64(1));
    QVERIFY(r.problems.items()[0].message.contains(QLatin1String("-W")));

    // "fe80::21e:52ff:f" parses as an address, but it is 16 characters: still flagged.
    const auto m = BsdNetstatParser::parse(fixture(QStringLiteral("macos-forum-2008.txt")), QString());
    QCOMPARE(m.truncatedHostLines, (std::vector<qint64> { 7, 8 }));
}

void TestBsdNetstatParser::fullAddressesAreNotFlagged()
{
    BsdNetstatParser::Options o;
    o.fullAddresses = true;
    const auto r = BsdNetstatParser::parse(
        "tcp6       0      0 2001:db8:1:2::10.22    ::1.50133              ESTABLISHED\n", QString(), o);
    QCOMPARE(r.sockets.size(), size_t(1));
    QVERIFY(r.truncatedHostLines.empty());
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.sockets[0].localAddressText(), QStringLiteral("2001:db8:1:2::10"));
}

void TestBsdNetstatParser::verboseColumnsAndOtherSections()
{
    // macOS -anv: extra columns after the state (a process name with a space), then MPTCP, UNIX and
    // kernel-socket sections whose rows are not TCP rows.
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("macos-anv-sections.txt")), QString());
    QCOMPARE(r.sockets.size(), size_t(2));
    QCOMPARE(r.truncatedHostLines, std::vector<qint64> { 4 });
    const SocketEntry *v6 = find(r, 49194, 64524, AddressFamily::IPv6);
    QVERIFY(v6);
    // Cut after a colon: "fe80::142d:1153:" keeps the groups before it.
    QCOMPARE(v6->remoteAddressText(), QStringLiteral("fe80::142d:1153"));
    QCOMPARE(v6->localAddressText(), QStringLiteral("fe80::c34:4384:6"));
    QCOMPARE(r.dialect, NetstatDialect::Darwin);
}

void TestBsdNetstatParser::withoutNumericFlagEveryRowIsReported()
{
    // A real `netstat` without -n: service names and host names cannot be decoded.
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("macos-without-n.txt")), QStringLiteral("f"));
    QCOMPARE(r.sockets.size(), size_t(0));
    QCOMPARE(r.lines, qint64(13));
    QCOMPARE(r.problems.total(), qint64(13));
    QVERIFY2(r.problems.items()[0].message.contains(QLatin1String("run netstat with -n")), qPrintable(firstProblem(r)));
    QCOMPARE(r.problems.items()[0].line, qint64(3));
}

void TestBsdNetstatParser::malformedRowsAreSkippedWithLineNumbers()
{
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("malformed.txt")), QStringLiteral("m"));
    QCOMPARE(r.sockets.size(), size_t(3)); // lines 3, 13 and 16
    QCOMPARE(r.sockets[0].localPort, quint16(22));
    QCOMPARE(r.sockets[1].family, AddressFamily::IPv6);
    QCOMPARE(r.sockets[2].localPort, quint16(5901));
    QList<qint64> lines;
    for (const Problem &p : r.problems.items())
        lines << p.line;
    QCOMPARE(lines, (QList<qint64> { 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15 }));
    const auto &items = r.problems.items();
    QVERIFY(items[0].message.contains(QLatin1String("expected 6 fields")));
    QVERIFY(items[1].message.contains(QLatin1String("bad port")));
    QVERIFY(items[2].message.contains(QLatin1String("unknown state")));
    QVERIFY(items[3].message.contains(QLatin1String("IPv6 address on a tcp4 row")));
    QVERIFY(items[4].message.contains(QLatin1String("not a numeric address")));
    QVERIFY(items[5].message.contains(QLatin1String("not a netstat row")));
    QVERIFY(items[6].message.contains(QLatin1String("unknown protocol")));
    QVERIFY(items[7].message.contains(QLatin1String("Recv-Q")));
    QVERIFY(items[8].message.contains(QLatin1String("no host.port")));
    QVERIFY(items[9].message.contains(QLatin1String("too long")));
    QVERIFY(items[10].message.contains(QLatin1String("changed while it was read")));
    QCOMPARE(items[0].source, QStringLiteral("m"));
}

void TestBsdNetstatParser::stateNamesAndNumbers()
{
    QCOMPARE(BsdNetstatParser::stateFromBsdName("SYN_RCVD").value_or(TcpState::Unknown), TcpState::SynRecv);
    QCOMPARE(BsdNetstatParser::stateFromBsdName("CLOSED").value_or(TcpState::Unknown), TcpState::Close);
    QCOMPARE(BsdNetstatParser::stateFromBsdName("FIN_WAIT_1").value_or(TcpState::Unknown), TcpState::FinWait1);
    QCOMPARE(BsdNetstatParser::stateFromBsdName("FIN_WAIT_2").value_or(TcpState::Unknown), TcpState::FinWait2);
    // netstat prints the number when a state has no name: tcp_fsm.h numbering, not Linux's.
    QCOMPARE(BsdNetstatParser::stateFromBsdName("7").value_or(TcpState::Unknown), TcpState::Closing);
    QCOMPARE(BsdNetstatParser::stateFromBsdName("10").value_or(TcpState::Unknown), TcpState::TimeWait);
    QVERIFY(!BsdNetstatParser::stateFromBsdName("11"));
    QVERIFY(!BsdNetstatParser::stateFromBsdName("SYN_RECV")); // Linux spelling
    QVERIFY(!BsdNetstatParser::stateFromBsdName("FIN_WAIT1"));
    QVERIFY(!BsdNetstatParser::stateFromBsdName(""));
}

void TestBsdNetstatParser::pcbAddressColumnIsSkipped()
{
    const auto r = BsdNetstatParser::parse(
        "fffff80003b4e7a0 tcp4       0      0 127.0.0.1.25           *.*                    LISTEN\n", QString());
    QCOMPARE(r.sockets.size(), size_t(1));
    QCOMPARE(r.sockets[0].localPort, quint16(25));
}

void TestBsdNetstatParser::reusePortListenersStayDistinct()
{
    const QByteArray row = "tcp4       0      0 *.80                   *.*                    LISTEN\n";
    const auto r = BsdNetstatParser::parse(QByteArray(row + row + row), QString());
    QCOMPARE(r.sockets.size(), size_t(3));
    QCOMPARE(r.sockets[0].inode, quint64(0));
    QCOMPARE(r.sockets[2].inode, quint64(2));
    QVERIFY(!(SocketKey::of(r.sockets[0]) == SocketKey::of(r.sockets[1])));
}

void TestBsdNetstatParser::dialectFromRowLayout()
{
    QCOMPARE(BsdNetstatParser::parse(fixture(QStringLiteral("freebsd-poison.txt")), QString()).dialect,
        NetstatDialect::FreeBSD);
    QCOMPARE(BsdNetstatParser::parse(fixture(QStringLiteral("macos-forum-2008.txt")), QString()).dialect,
        NetstatDialect::Darwin);
    QCOMPARE(BsdNetstatParser::parse("", QString()).dialect, NetstatDialect::Unknown);
}

void TestBsdNetstatParser::rowsAreNeverOrphans()
{
    // netstat knows no owner; a BSD row must not look like a Linux orphan (inode 0).
    const auto r = BsdNetstatParser::parse(fixture(QStringLiteral("rendered-macos-allstates.txt")), QString());
    for (const SocketEntry &e : r.sockets) {
        QCOMPARE(e.kind, RowKind::BsdPcb);
        QVERIFY(!e.isOrphan());
    }
}

void TestBsdNetstatParser::randomBytesNeverCrash()
{
    const QByteArray base = fixture(QStringLiteral("rendered-freebsd-allstates.txt"));
    QRandomGenerator rng(7);
    for (int round = 0; round < 300; ++round) {
        QByteArray b = base;
        for (int k = 0; k < 8; ++k)
            b[rng.bounded(int(b.size()))] = char(rng.bounded(256));
        const auto r = BsdNetstatParser::parse(b, QString());
        QVERIFY(qint64(r.sockets.size()) <= r.lines);
    }
}

QTEST_GUILESS_MAIN(TestBsdNetstatParser)
#include "tst_bsdnetstatparser.moc"
