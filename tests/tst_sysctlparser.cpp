#include "fixturefolder.h"
#include "parse/sysctlparser.h"

#include <QTest>

namespace {
const FixtureFolder fixture { QStringLiteral("bsd") };
} // namespace

class TestSysctlParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void colonFormFromFreeBsd();
    void multiLineValues();
    void equalsFormFromSysctlConf();
    void writeFormKeepsTheNewValue();
    void linuxSpacedEquals();
    void badLinesAreReported();
    void crlfAndNoFinalNewline();
    void bsdNamesCoverTeardown();
};

void TestSysctlParser::colonFormFromFreeBsd()
{
    const auto r = SysctlParser::parse(
        fixture(QStringLiteral("sysctl-freebsd15-net.inet.tcp-excerpt.txt")), QStringLiteral("sysctl"));
    QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.items().value(0).toString()));
    const Tunables &t = r.tunables;
    QCOMPARE(t.intValue(QStringLiteral("net.inet.tcp.msl")), std::optional<qint64>(30000));
    QCOMPARE(t.value(QStringLiteral("net.inet.tcp.fast_finwait2_recycle")), QStringLiteral("0"));
    QCOMPARE(t.intValue(QStringLiteral("net.inet.tcp.finwait2_timeout")), std::optional<qint64>(60000));
    QCOMPARE(t.value(QStringLiteral("net.inet.tcp.nolocaltimewait")), QStringLiteral("1"));
    // Per-state counts in tcp_fsm.h order: 19 LISTEN, 2 ESTABLISHED.
    QCOMPARE(t.intValue(QStringLiteral("net.inet.tcp.states"), 1), std::optional<qint64>(19));
    QCOMPARE(t.intValue(QStringLiteral("net.inet.tcp.states"), 4), std::optional<qint64>(2));
    QCOMPARE(t.value(QStringLiteral("net.inet.tcp.cc.algorithm")), QStringLiteral("cubic"));
    QVERIFY(!t.has(QStringLiteral("net.inet.tcp.maxtcptw"))); // gone from FreeBSD 15
}

void TestSysctlParser::multiLineValues()
{
    const auto r = SysctlParser::parse(fixture(QStringLiteral("sysctl-freebsd15-net.inet.tcp-excerpt.txt")), {});
    const QString stacks = r.tunables.value(QStringLiteral("net.inet.tcp.functions_available"));
    QVERIFY(stacks.startsWith(QLatin1String("Stack")));
    QCOMPARE(stacks.count(QLatin1Char('\n')), 3);
    QVERIFY(stacks.contains(QLatin1String("rack")));
    // The line after the table's blank line is a sysctl again.
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.functions_default")), QStringLiteral("freebsd"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.cc.available")).count(QLatin1Char('\n')), 7);
}

void TestSysctlParser::equalsFormFromSysctlConf()
{
    const auto r = SysctlParser::parse(fixture(QStringLiteral("sysctl-conf-freebsd.txt")), {});
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.tunables.names().size(), 4); // comments are not settings
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.fast_finwait2_recycle")), QStringLiteral("1"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.finwait2_timeout")), QStringLiteral("3000"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.nolocaltimewait")), QStringLiteral("1"));
}

void TestSysctlParser::writeFormKeepsTheNewValue()
{
    const auto r = SysctlParser::parse(fixture(QStringLiteral("sysctl-macos-w.txt")), {});
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.msl")), QStringLiteral("1000"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.ip.portrange.first")), QStringLiteral("32768"));
    const auto m = SysctlParser::parse(fixture(QStringLiteral("sysctl-macos-msl.txt")), {});
    QCOMPARE(m.tunables.intValue(QStringLiteral("net.inet.tcp.msl")), std::optional<qint64>(15000));
}

void TestSysctlParser::linuxSpacedEquals()
{
    const auto r = SysctlParser::parse("net.ipv4.ip_local_port_range = 32768\t60999\n", {});
    QCOMPARE(r.tunables.intValue(QStringLiteral("net.ipv4.ip_local_port_range"), 1), std::optional<qint64>(60999));
}

void TestSysctlParser::badLinesAreReported()
{
    const auto r = SysctlParser::parse("net.inet.tcp.msl: 30000\n"
                                       "garbage without separator\n"
                                       "sysctl: unknown oid 'net.inet.tcp.maxtcptw'\n"
                                       "=5\n"
                                       "net.inet.tcp.keepcnt: 8\n",
        QStringLiteral("s"));
    QCOMPARE(r.tunables.names().size(), 2);
    QCOMPARE(r.problems.total(), qint64(3));
    QCOMPARE(r.problems.items()[0].line, qint64(2));
    QVERIFY(r.problems.items()[1].message.contains(QLatin1String("unknown oid")));
    QCOMPARE(r.problems.items()[2].line, qint64(4));
}

void TestSysctlParser::crlfAndNoFinalNewline()
{
    // A sysctl.conf saved on Windows, its last line without a newline: the '\r' is not part of any value.
    const auto r = SysctlParser::parse("net.inet.tcp.msl=30000\r\n"
                                       "\r\n"
                                       "bad line\r\n"
                                       "net.inet.tcp.keepcnt: 8",
        QStringLiteral("s"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.msl")), QStringLiteral("30000"));
    QCOMPARE(r.tunables.value(QStringLiteral("net.inet.tcp.keepcnt")), QStringLiteral("8"));
    QCOMPARE(r.problems.total(), qint64(1));
    QCOMPARE(r.problems.items()[0].line, qint64(3)); // blank lines count
}

void TestSysctlParser::bsdNamesCoverTeardown()
{
    const QStringList &n = Tunables::bsdNames();
    for (const char *name : { "net.inet.tcp.msl", "net.inet.tcp.fast_finwait2_recycle", "net.inet.tcp.finwait2_timeout",
             "net.inet.tcp.maxtcptw", "net.inet.tcp.nolocaltimewait", "net.inet.ip.portrange.first",
             "net.inet.ip.portrange.last", "net.inet.ip.portrange.hifirst", "net.inet.ip.portrange.hilast" })
        QVERIFY2(n.contains(QLatin1String(name)), name);
    QCOMPARE(QSet<QString>(n.begin(), n.end()).size(), n.size());
}

QTEST_GUILESS_MAIN(TestSysctlParser)
#include "tst_sysctlparser.moc"
