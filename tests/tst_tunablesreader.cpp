#include "fixture.h"
#include "parse/sysctlparser.h"
#include "sources/local/procsource.h"
#include "sources/local/tunablesreader.h"

#include <QTemporaryDir>
#include <QTest>

static const QString root = Fixture::path(QStringLiteral("procroot/linux-6.18"));

class TestTunablesReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsFixtureTree();
    void missingSysctlIsNotPresentNotAnError();
    void parsesValues();
    void readsLiveProc();
    void procSourceOnFixture();
    void unreadableTableIsFatalWithFileName();
};

void TestTunablesReader::readsFixtureTree()
{
    ProblemList problems;
    const Tunables t = TunablesReader::read(root, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(t.value(QStringLiteral("net.ipv4.tcp_tw_reuse")), QStringLiteral("2"));
    QCOMPARE(t.intValue(QStringLiteral("net.ipv4.tcp_fin_timeout")), 60);
    QCOMPARE(t.intValue(QStringLiteral("net.ipv4.ip_local_port_range"), 0), 32768);
    QCOMPARE(t.intValue(QStringLiteral("net.ipv4.ip_local_port_range"), 1), 60999);
    QCOMPARE(t.intValue(QStringLiteral("net.core.somaxconn")), 4096);
    QVERIFY(t.has(QStringLiteral("net.ipv4.tcp_tw_reuse_delay")));
    QCOMPARE(t.value(QStringLiteral("net.ipv4.ip_local_reserved_ports")), QString());
    QVERIFY(t.has(QStringLiteral("net.ipv4.ip_local_reserved_ports"))); // present but empty
    QCOMPARE(TunablesReader::readKernelRelease(root), QStringLiteral("6.18.44-fc-v669"));
    QCOMPARE(TunablesReader::readHostName(root), QStringLiteral("fixture-host"));
}

void TestTunablesReader::missingSysctlIsNotPresentNotAnError()
{
    ProblemList problems;
    const Tunables t = TunablesReader::read(root, &problems);
    QVERIFY(!t.has(QStringLiteral("net.ipv4.tcp_tw_recycle"))); // removed in Linux 4.12
    QVERIFY(!t.intValue(QStringLiteral("net.ipv4.tcp_tw_recycle")));
    QVERIFY(problems.isEmpty());
    QCOMPARE(Tunables::linuxProcPath(QStringLiteral("net.core.somaxconn")), QStringLiteral("sys/net/core/somaxconn"));
}

void TestTunablesReader::parsesValues()
{
    QCOMPARE(SysctlParser::parseLinuxValue("32768\t60999\n"), QStringLiteral("32768\t60999"));
    QCOMPARE(SysctlParser::parseLinuxValue("\n"), QString());
    QCOMPARE(SysctlParser::parseLinuxValue(""), QString());
    // Over the bound: cut at MaxValueBytes, and a newline just before the cut is still trimmed
    // (regression: tests/fuzz/regressions/fuzz_sysctl/parsevalue-newline-at-cut).
    QByteArray big(SysctlParser::MaxValueBytes - 1, 'x');
    big += "\nmore";
    QCOMPARE(SysctlParser::parseLinuxValue(big), QString(SysctlParser::MaxValueBytes - 1, QLatin1Char('x')));
}

void TestTunablesReader::readsLiveProc()
{
    const Tunables t = TunablesReader::read(QStringLiteral("/proc"));
    QVERIFY(t.has(QStringLiteral("net.ipv4.tcp_fin_timeout")));
    QVERIFY(t.intValue(QStringLiteral("net.ipv4.tcp_fin_timeout")).value_or(-1) >= 0);
    QVERIFY(!TunablesReader::readKernelRelease(QStringLiteral("/proc")).isEmpty());
}

void TestTunablesReader::procSourceOnFixture()
{
    ProcSource source(root);
    const Snapshot s = source.poll();
    QVERIFY(s.isValid());
    QCOMPARE(s.host(), QStringLiteral("fixture-host"));
    QCOMPARE(s.sockets().size(), size_t(51));
    QCOMPARE(s.count(TcpState::Closing), 2);
    QCOMPARE(s.counts(AddressFamily::IPv4)[TcpStates::index(TcpState::Listen)], 4); // the dual-stack one is in tcp6
    QCOMPARE(s.timeWaitLengthMs(), 60000);
    QVERIFY(s.problems().isEmpty());
}

void TestTunablesReader::unreadableTableIsFatalWithFileName()
{
    QTemporaryDir dir;
    ProcSource source(dir.path());
    const Snapshot s = source.poll();
    QVERIFY(!s.isValid());
    QVERIFY(s.status().error().contains(dir.path() + QLatin1String("/net/tcp")));
    QVERIFY(s.status().error().contains(QLatin1String("No such file")));
}

QTEST_GUILESS_MAIN(TestTunablesReader)
#include "tst_tunablesreader.moc"
