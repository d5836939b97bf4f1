#include "fixturefolder.h"
#include "parse/countersparser.h"
#include "sources/local/countersreader.h"
#include "sources/local/netlinksource.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QTest>

namespace {

const FixtureFolder load { QStringLiteral("counters") };
} // namespace

// The counters path: pure parsers on captured files (tests/data/counters/README.md), then the
// reader on a live namespace, checked against the sockets netlink lists.
class TestCounters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturedNamespace()
    {
        Counters c;
        ProblemList p;
        CountersParser::parseSockstat(load(QStringLiteral("sockstat")), c, p, QStringLiteral("sockstat"));
        CountersParser::parseSockstat(load(QStringLiteral("sockstat6")), c, p, QStringLiteral("sockstat6"));
        CountersParser::parseTable(load(QStringLiteral("snmp")), c, p, QStringLiteral("snmp"));
        CountersParser::parseTable(load(QStringLiteral("netstat")), c, p, QStringLiteral("netstat"));
        QVERIFY2(p.isEmpty(), qPrintable(p.items().value(0).toString()));
        QCOMPARE(c.timeWaitSockets(), 20); // 14 TIME_WAIT + 6 orphaned FIN_WAIT2 minisockets
        QCOMPARE(c.value(u"TCP.inuse"), 15);
        QCOMPARE(c.inUse(), 30);
        QCOMPARE(c.orphans(), 0);
        QCOMPARE(c.activeOpens(), 30);
        QCOMPARE(c.passiveOpens(), 30);
        QCOMPARE(c.value(u"Tcp.MaxConn"), -1); // signed field
        QCOMPARE(c.timeWaitsStarted(), 20);
        QCOMPARE(c.timeWaitReused(), 0);
        QCOMPARE(c.timeWaitOverflows(), 0);
        QVERIFY(c.has(u"TcpExt.ListenOverflows"));
        QVERIFY(c.has(u"IpExt.InOctets"));
        QVERIFY(!c.has(u"TcpExt.NoSuchCounter"));
        QCOMPARE(c.value(u"TcpExt.NoSuchCounter"), -1);
    }

    void capturedHost()
    {
        Counters c;
        ProblemList p;
        for (const char *f : { "host/sockstat", "host/sockstat6" })
            CountersParser::parseSockstat(load(QLatin1String(f)), c, p, QLatin1String(f));
        for (const char *f : { "host/snmp", "host/netstat" })
            CountersParser::parseTable(load(QLatin1String(f)), c, p, QLatin1String(f));
        QVERIFY2(p.isEmpty(), qPrintable(p.items().value(0).toString()));
        QVERIFY(c.values.size() > 150);
        QVERIFY(c.activeOpens() >= 0 && c.timeWaitsStarted() >= 0 && c.timeWaitOverflows() >= 0);
    }

    void malformedIsReported()
    {
        Counters c;
        ProblemList p;
        CountersParser::parseTable(
            "Tcp: A B C\nTcp: 1 2\nTcpExt: X\nTcpExt: nope\nbare line\nIp: Z\n", c, p, QStringLiteral("t"));
        QCOMPARE(c.value(u"Tcp.A"), 1);
        QCOMPARE(c.value(u"Tcp.B"), 2);
        QVERIFY(!c.has(u"Tcp.C"));
        QVERIFY(!c.has(u"TcpExt.X"));
        QCOMPARE(p.total(), 4); // count mismatch, bad value, no prefix, header without values
        CountersParser::parseSockstat("TCP: inuse 3 orphan\nTCP: tw x\n", c, p, QStringLiteral("s"));
        QCOMPARE(p.total(), 6);
    }

    void crlfAndNoFinalNewline()
    {
        // Line numbers count blank lines; a '\r' before the newline is white space; the last line needs no '\n'.
        Counters c;
        ProblemList p;
        CountersParser::parseTable("Tcp: A B\r\n\r\nTcp: 1 2\r\nIp: X\r\nIp: z", c, p, QStringLiteral("t"));
        QCOMPARE(c.value(u"Tcp.A"), 1);
        QCOMPARE(c.value(u"Tcp.B"), 2);
        QCOMPARE(p.total(), 1);
        QCOMPARE(p.items()[0].line, qint64(5)); // "Ip: z": bad value
        CountersParser::parseSockstat("\nTCP: inuse 3\r\nTCP: tw", c, p, QStringLiteral("s"));
        QCOMPARE(c.value(u"TCP.inuse"), 3);
        QCOMPARE(p.total(), 2);
        QCOMPARE(p.items()[1].line, qint64(3));
    }

    void liveMatchesSockets()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackLab v4(AddressFamily::IPv4), v6(AddressFamily::IPv6);
        QVERIFY(v4.listen().ok());
        QVERIFY(v4.clientClosesFirst(5).ok());
        QVERIFY(v4.halfClosed(2, true).ok());
        QVERIFY(v4.established(3).ok());
        QVERIFY(v6.listen().ok());
        QVERIFY(v6.clientClosesFirst(4).ok());
        QTest::qWait(100); // loopback segments are processed in softirq: let the last FINs and ACKs land
        CountersReader reader;
        ProblemList p;
        const Counters c = reader.read(&p);
        QVERIFY2(p.isEmpty(), qPrintable(p.items().value(0).toString()));
        NetlinkSource netlink;
        const Snapshot s = netlink.poll();
        QVERIFY(s.isValid());
        int minisockets = 0;
        for (const SocketEntry &e : s.sockets())
            minisockets += e.kind == RowKind::TimeWaitSock;
        QCOMPARE(minisockets, 11);
        QCOMPARE(c.timeWaitSockets(), qint64(minisockets));
        QCOMPARE(c.activeOpens(), 5 + 2 + 3 + 4);
        QCOMPARE(c.passiveOpens(), 5 + 2 + 3 + 4);
    }
};

TCPSCOPE_TEST_MAIN(TestCounters, QCoreApplication, TestMain::Isolated)

#include "tst_counters.moc"
