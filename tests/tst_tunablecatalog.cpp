// The tunables' texts: every sysctl the reader reads is described, and the statements ip-sysctl.rst
// (Linux) and tcp(4) (FreeBSD) make are there. Defaults are checked against a real kernel.
#include "analysis/tunablecatalog.h"
#include "sources/local/tunablesreader.h"

#include <QTest>

class TestTunableCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyReadTunableIsDescribed();
    void bsdTunablesForTheBsdSource();
    void keyTruths_data();
    void keyTruths();
    void defaultsMatchARealKernel();
    void isDefault();
};

void TestTunableCatalog::everyReadTunableIsDescribed()
{
    for (const QString &n : Tunables::linuxNames()) {
        const TunableInfo *i = TunableCatalog::find(n);
        QVERIFY2(i, qPrintable(n));
        QCOMPARE(i->os, QStringLiteral("Linux"));
        QVERIFY(!i->does.isEmpty() && !i->doesNot.isEmpty() && !i->reference.isEmpty() && !i->defaultValue.isEmpty());
    }
    QCOMPARE(TunableCatalog::forOs(QStringLiteral("Linux")).front()->name, QStringLiteral("TCP_TIMEWAIT_LEN"));
    QVERIFY(!TunableCatalog::find(QStringLiteral("net.ipv4.no_such")));
}

void TestTunableCatalog::bsdTunablesForTheBsdSource()
{
    const QStringList names = { QStringLiteral("net.inet.tcp.msl"),
        QStringLiteral("net.inet.tcp.fast_finwait2_recycle"), QStringLiteral("net.inet.tcp.finwait2_timeout"),
        QStringLiteral("net.inet.tcp.maxtcptw"), QStringLiteral("net.inet.ip.portrange.first"),
        QStringLiteral("net.inet.ip.portrange.last"), QStringLiteral("net.inet.tcp.nolocaltimewait") };
    for (const QString &n : names) {
        const TunableInfo *i = TunableCatalog::find(n);
        QVERIFY2(i, qPrintable(n));
        QCOMPARE(i->os, QStringLiteral("FreeBSD"));
    }
    QCOMPARE(TunableCatalog::forOs(QStringLiteral("Darwin")).size(), size_t(names.size()));
}

void TestTunableCatalog::keyTruths_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("defaultValue");
    QTest::addColumn<QStringList>("mustSay");
    const auto row = [](const char *tag, const char *name, const char *def, std::initializer_list<const char *> say) {
        QStringList l;
        for (const char *s : say)
            l << QString::fromUtf8(s);
        QTest::newRow(tag) << QString::fromLatin1(name) << QString::fromUtf8(def) << l;
    };
    row("TIME_WAIT length", "TCP_TIMEWAIT_LEN", "60 s",
        { "fixed 60 s", "No sysctl shortens it", "tcp_tw_reuse_delay" });
    row("fin_timeout", "net.ipv4.tcp_fin_timeout", "60", { "orphaned FIN_WAIT_2", "Not the TIME_WAIT length" });
    row("tw_reuse", "net.ipv4.tcp_tw_reuse", "2",
        { "connect()", "timestamps", "2 loopback only", "4.18", "No effect on incoming connections",
            "does not shorten" });
    row("tw_reuse_delay", "net.ipv4.tcp_tw_reuse_delay", "1000", { "6.14", "Does not shorten TIME_WAIT" });
    row("tw_recycle", "net.ipv4.tcp_tw_recycle", "0 (removed in 4.12)", { "NAT", "Removed in 4.12" });
    row("max_tw_buckets", "net.ipv4.tcp_max_tw_buckets", "ehash entries / 2",
        { "skips TIME_WAIT", "TCPTimeWaitOverflow" });
    row("rfc1337", "net.ipv4.tcp_rfc1337", "0", { "0: an in-window RST", "backwards" });
    row("somaxconn", "net.core.somaxconn", "4096", { "128 before 5.4" });
    row("BSD msl", "net.inet.tcp.msl", "30000", { "TIME_WAIT lasts 2 x msl", "30 s" });
    row("BSD finwait2_timeout", "net.inet.tcp.finwait2_timeout", "60000", { "unless fast_finwait2_recycle is 1" });
}

void TestTunableCatalog::keyTruths()
{
    QFETCH(QString, name);
    QFETCH(QString, defaultValue);
    QFETCH(QStringList, mustSay);
    const TunableInfo *i = TunableCatalog::find(name);
    QVERIFY(i);
    QCOMPARE(i->defaultValue, defaultValue);
    const QString text = TunableCatalog::oneLine(*i);
    for (const QString &m : mustSay)
        QVERIFY2(
            text.contains(m), qPrintable(name + QStringLiteral(": missing \"") + m + QStringLiteral("\" in ") + text));
}

void TestTunableCatalog::defaultsMatchARealKernel()
{
    // tests/data/procroot/linux-6.18 was copied from /proc/sys on an untuned 6.18 kernel.
    const Tunables t = TunablesReader::read(QStringLiteral(TCPSCOPE_TEST_DATA "/procroot/linux-6.18"));
    int compared = 0;
    for (const QString &n : t.names()) {
        const TunableInfo *i = TunableCatalog::find(n);
        QVERIFY(i);
        if (i->defaultIsFormula)
            continue;
        QVERIFY2(TunableCatalog::isDefault(*i, t.value(n)), qPrintable(n + QStringLiteral(" = ") + t.value(n)));
        ++compared;
    }
    QVERIFY(compared >= 9);
}

void TestTunableCatalog::isDefault()
{
    const TunableInfo *reuse = TunableCatalog::find(QStringLiteral("net.ipv4.tcp_tw_reuse"));
    QVERIFY(TunableCatalog::isDefault(*reuse, QStringLiteral("2\n")));
    QVERIFY(!TunableCatalog::isDefault(*reuse, QStringLiteral("1")));
    const TunableInfo *range = TunableCatalog::find(QStringLiteral("net.ipv4.ip_local_port_range"));
    QVERIFY(TunableCatalog::isDefault(*range, QStringLiteral("32768\t60999")));
    QVERIFY(!TunableCatalog::isDefault(*range, QStringLiteral("1024\t60999")));
    QVERIFY(!TunableCatalog::isDefault(*TunableCatalog::find(QStringLiteral("net.ipv4.tcp_max_tw_buckets")),
        QStringLiteral("131072"))); // a formula is never claimed as the default
}

QTEST_GUILESS_MAIN(TestTunableCatalog)
#include "tst_tunablecatalog.moc"
