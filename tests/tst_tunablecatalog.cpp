// The tunables' texts: every sysctl the reader reads is described, and the statements the kernel sources
// and man pages support (tcp(7), ip-sysctl.rst, tcp(4)) are there. Defaults are checked against a real kernel.
#include "analysis/tunablecatalog.h"
#include "fixture.h"
#include "sources/local/tunablesreader.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
// True when text has a CJK ideograph (U+4E00..U+9FFF): a translation, not a copy of the English.
bool hasCjk(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}
} // namespace

class TestTunableCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resourceLoadsEveryEntry();
    void badCatalogIsRefused_data();
    void badCatalogIsRefused();
    void everyEntryHasChinese();
    void chineseKeepsNumbersAndNames();
    void textFollowsTheLanguage();
    void uiLanguageFromTheLocale();
    void everyReadTunableIsDescribed();
    void bsdTunablesForTheBsdSource();
    void macosHasItsOwnDefaults();
    void keyTruths_data();
    void keyTruths();
    void defaultsMatchARealKernel();
    void isDefault();
};

void TestTunableCatalog::resourceLoadsEveryEntry()
{
    QFile f(QString::fromLatin1(TunableCatalog::ResourcePath));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    const Expected<std::vector<TunableInfo>> loaded = TunableCatalog::fromJson(f.readAll());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    const std::vector<TunableInfo> &entries = *loaded;
    QCOMPARE(entries.size(), size_t(33)); // 23 Linux, 7 FreeBSD, 3 macOS
    QCOMPARE(TunableCatalog::all().size(), entries.size());
    QSet<QString> names;
    for (size_t i = 0; i < entries.size(); ++i) {
        const TunableInfo &e = entries[i];
        QVERIFY2(!e.name.isEmpty() && !e.defaultValue.isEmpty() && !e.does.isEmpty() && !e.doesNot.isEmpty()
                && !e.reference.isEmpty(),
            qPrintable(e.name));
        QVERIFY(e.os == QLatin1String("Linux") || e.os == QLatin1String("FreeBSD") || e.os == QLatin1String("macOS"));
        const QString key = e.os + QLatin1Char('/') + e.name; // one entry per name and OS
        QVERIFY2(!names.contains(key), qPrintable(key));
        names.insert(key);
        QCOMPARE(TunableCatalog::all()[i].name, e.name); // display order is the file's
    }
    QCOMPARE(TunableCatalog::forOs(QStringLiteral("Linux")).size(), size_t(23));
    // The flags come through: the kernel constant is read-only, the memory-sized caps are formulas.
    QVERIFY(TunableCatalog::find(QStringLiteral("TCP_TIMEWAIT_LEN"))->readOnly);
    QVERIFY(!TunableCatalog::find(QStringLiteral("TCP_TIMEWAIT_LEN"))->defaultIsFormula);
    QVERIFY(TunableCatalog::find(QStringLiteral("net.inet.tcp.maxtcptw"))->defaultIsFormula);
    QVERIFY(!TunableCatalog::find(QStringLiteral("net.inet.tcp.msl"))->readOnly);
    // Non-ASCII text survives the UTF-8 file: RFC 7323 section sign.
    QVERIFY(TunableCatalog::find(QStringLiteral("net.ipv4.tcp_tw_recycle"))->reference.contains(QStringLiteral("§5")));
}

void TestTunableCatalog::badCatalogIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray ok
        = R"("name": "n.a", "os": "Linux", "default": "1", "does": "d", "doesNot": "n", "reference": "r")";
    QTest::newRow("not json") << QByteArray("{") << QString();
    QTest::newRow("no list") << QByteArray(R"({"entries": []})") << QStringLiteral("no \"tunables\" array");
    QTest::newRow("no reference") << QByteArray(R"({"tunables": [{)" + ok + R"(}, {"name": "n.b", "os": "Linux",
        "default": "1", "does": "d", "doesNot": "n"}]})")
                                  << QStringLiteral("entry 2: no \"reference\"");
    QTest::newRow("empty does") << QByteArray(R"({"tunables": [{"name": "n.a", "os": "Linux", "default": "1",
        "does": "", "doesNot": "n", "reference": "r"}]})")
                                << QStringLiteral("entry 1: no \"does\"");
    QTest::newRow("unknown os") << QByteArray(R"({"tunables": [{"name": "n.a", "os": "Windows", "default": "1",
        "does": "d", "doesNot": "n", "reference": "r"}]})")
                                << QStringLiteral("entry 1: os \"Windows\" is not Linux, FreeBSD or macOS");
    QTest::newRow("zh_TW not an object") << QByteArray(
        R"({"tunables": [{)" + ok + R"(}, {)" + QByteArray(ok).replace("n.a", "n.b") + R"(, "zh_TW": "d"}]})")
                                         << QStringLiteral("entry 2: n.b: \"zh_TW\" is not an object");
    QTest::newRow("zh_TW field not a string")
        << QByteArray(R"({"tunables": [{)" + ok + R"(, "zh_TW": {"does": "中", "doesNot": 1}}]})")
        << QStringLiteral("entry 1: n.a: \"zh_TW\".\"doesNot\" is not a string");
}

void TestTunableCatalog::badCatalogIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Expected<std::vector<TunableInfo>> loaded = TunableCatalog::fromJson(json);
    QVERIFY(!loaded.ok());
    const QString why = loaded.error();
    QVERIFY(!why.isEmpty());
    if (!error.isEmpty())
        QCOMPARE(why, error);
}

void TestTunableCatalog::everyEntryHasChinese()
{
    QStringList missing;
    for (const TunableInfo &e : TunableCatalog::all()) {
        for (const QString &field : { QStringLiteral("does"), QStringLiteral("doesNot") }) {
            if (!hasCjk(e.zhTW.value(field)))
                missing << e.os + QLatin1Char('/') + e.name + QLatin1Char(' ') + field;
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no zh_TW text: ") + missing.join(QStringLiteral(", "))));
}

void TestTunableCatalog::chineseKeepsNumbersAndNames()
{
    // Every number and identifier of the English stays in the translation, unchanged ("4-tuple" is a
    // word: 四元組).
    static const QRegularExpression token(QStringLiteral("\\d+(?:\\.\\d+)?(?!-tuple)|[A-Za-z0-9]+_[A-Za-z0-9_]+"));
    QStringList lost;
    for (const TunableInfo &e : TunableCatalog::all()) {
        for (const auto field : { TunableCatalog::Field::Does, TunableCatalog::Field::DoesNot }) {
            const QString zh = TunableCatalog::text(e, field, QStringLiteral("zh_TW"));
            for (const auto &m : token.globalMatch(TunableCatalog::text(e, field, QStringLiteral("en")))) {
                if (!zh.contains(m.captured()))
                    lost << e.name + QStringLiteral(": ") + m.captured();
            }
        }
    }
    QVERIFY2(lost.isEmpty(), qPrintable(lost.join(QStringLiteral(", "))));
}

void TestTunableCatalog::textFollowsTheLanguage()
{
    const TunableInfo *fin = TunableCatalog::find(QStringLiteral("net.ipv4.tcp_fin_timeout"));
    QVERIFY(fin);
    using F = TunableCatalog::Field;
    const QString zh = QStringLiteral("zh_TW");
    const QString en = QStringLiteral("en");
    QCOMPARE(TunableCatalog::text(*fin, F::Does, en), fin->does);
    QCOMPARE(TunableCatalog::text(*fin, F::DoesNot, en), fin->doesNot);
    QVERIFY(hasCjk(TunableCatalog::text(*fin, F::Does, zh)));
    QVERIFY(TunableCatalog::text(*fin, F::DoesNot, zh).contains(QStringLiteral("不是 TIME_WAIT 的長度")));
    QCOMPARE(TunableCatalog::oneLine(*fin, en), fin->does + QLatin1Char(' ') + fin->doesNot);
    QVERIFY(hasCjk(TunableCatalog::oneLine(*fin, zh)));
    // A default with words is translated; a plain number falls back to the English field.
    const TunableInfo *recycle = TunableCatalog::find(QStringLiteral("net.ipv4.tcp_tw_recycle"));
    QCOMPARE(TunableCatalog::text(*recycle, F::Default, en), QStringLiteral("0 (removed in 4.12)"));
    QCOMPARE(TunableCatalog::text(*recycle, F::Default, zh), QStringLiteral("0（4.12 已移除）"));
    QCOMPARE(TunableCatalog::text(*fin, F::Default, zh), QStringLiteral("60"));
    // Any other language is English.
    QCOMPARE(TunableCatalog::text(*fin, F::Does, QStringLiteral("fr")), fin->does);
}

void TestTunableCatalog::uiLanguageFromTheLocale()
{
    const QLocale before;
    const auto languageFor = [](const char *name) {
        QLocale::setDefault(QLocale(QString::fromLatin1(name)));
        return TunableCatalog::uiLanguage();
    };
    QCOMPARE(languageFor("zh_TW"), QStringLiteral("zh_TW"));
    QCOMPARE(languageFor("zh_Hant_HK"), QStringLiteral("zh_TW")); // Traditional script, another region
    QCOMPARE(languageFor("zh_CN"), QStringLiteral("en")); // Simplified: no text, as no .qm
    QCOMPARE(languageFor("en_US"), QStringLiteral("en"));
    QLocale::setDefault(before);
}

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
    QCOMPARE(TunableCatalog::forOs(QStringLiteral("FreeBSD")).size(), size_t(names.size()));
    QCOMPARE(TunableCatalog::forOs(QStringLiteral("OpenBSD")).size(), size_t(names.size()));
}

void TestTunableCatalog::macosHasItsOwnDefaults()
{
    // xnu bsd/netinet/tcp_timer.h TCPTV_MSL is 15 s; in_pcb.c ipport_firstauto is IPPORT_HIFIRSTAUTO (49152).
    const std::vector<const TunableInfo *> mac = TunableCatalog::forOs(QStringLiteral("Darwin"));
    QCOMPARE(mac.size(), size_t(3));
    for (const TunableInfo *i : mac)
        QCOMPARE(i->os, QStringLiteral("macOS"));
    const TunableInfo *msl = TunableCatalog::find(QStringLiteral("net.inet.tcp.msl"), QStringLiteral("Darwin"));
    const TunableInfo *first
        = TunableCatalog::find(QStringLiteral("net.inet.ip.portrange.first"), QStringLiteral("Darwin"));
    QVERIFY(msl && first);
    QCOMPARE(msl->defaultValue, QStringLiteral("15000"));
    QVERIFY(msl->does.contains(QLatin1String("30 s")));
    QCOMPARE(first->defaultValue, QStringLiteral("49152"));
    QVERIFY(first->does.contains(QLatin1String("every destination shares this one range")));
    // tests/data/bsd/sysctl-macos-msl.txt: an untuned Mac prints 15000, which is its default, not a change.
    QVERIFY(TunableCatalog::isDefault(*msl, QStringLiteral("15000")));
    QVERIFY(TunableCatalog::isDefault(*first, QStringLiteral("49152")));
    const TunableInfo *bsdMsl = TunableCatalog::find(QStringLiteral("net.inet.tcp.msl"), QStringLiteral("FreeBSD"));
    QVERIFY(bsdMsl && bsdMsl != msl);
    QVERIFY(!TunableCatalog::isDefault(*bsdMsl, QStringLiteral("15000")));
    QCOMPARE(
        TunableCatalog::find(QStringLiteral("net.inet.ip.portrange.first"), QStringLiteral("FreeBSD"))->defaultValue,
        QStringLiteral("10000"));
    // FreeBSD-only tunables have no macOS description (xnu was not checked for them).
    QVERIFY(!TunableCatalog::find(QStringLiteral("net.inet.tcp.nolocaltimewait"), QStringLiteral("Darwin")));
    QVERIFY(!TunableCatalog::find(QStringLiteral("net.ipv4.tcp_tw_reuse"), QStringLiteral("Darwin")));
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
        { "connect()", "timestamps", "2 loopback only", "A boolean up to 4.17", "default 2 from 4.18",
            "No effect on incoming connections", "does not shorten" });
    row("tw_reuse_delay", "net.ipv4.tcp_tw_reuse_delay", "1000",
        { "since a socket entered TIME_WAIT", "6.14", "ktime_get_seconds() > tw_ts_recent_stamp", "about 0 to 1 s",
            "Does not shorten TIME_WAIT" });
    // tcp_conn_request: the SYN queue is full at min(backlog, somaxconn); the sysctl only counts without cookies.
    row("max_syn_backlog", "net.ipv4.tcp_max_syn_backlog", "max(128, ehash / 128)",
        { "Read only when tcp_syncookies=0", "Not the per-listener SYN queue limit",
            "min(listen() backlog, somaxconn)" });
    row("tw_recycle", "net.ipv4.tcp_tw_recycle", "0 (removed in 4.12)", { "NAT", "Removed in 4.12", "3.5 x RTO" });
    row("max_tw_buckets", "net.ipv4.tcp_max_tw_buckets", "ehash entries / 2",
        { "skips TIME_WAIT", "TCPTimeWaitOverflow" });
    // tcp_minisocks.c tcp_timewait_state_process: with 0 an RST at rcv_nxt kills TIME_WAIT; FIN_WAIT2 always.
    row("rfc1337", "net.ipv4.tcp_rfc1337", "0",
        { "0: an in-window RST", "backwards", "TIME-WAIT assassination, RFC 1337", "FIN_WAIT2 substate" });
    // net/socket.c __sys_listen clamps the backlog to somaxconn when listen() runs.
    row("somaxconn", "net.core.somaxconn", "4096", { "128 before 5.4", "applied when listen() is called" });
    // The timer deaths. ip-sysctl.rst: SYN_RECV ends at 63 s, SYN_SENT at 131 s (6.5+, linear timeouts);
    // tcp_timer.c tcp_model_timeout: 15 retries from the 200 ms floor is 924.6 s, 8 is 102.2 s.
    row("synack_retries", "net.ipv4.tcp_synack_retries", "5", { "SYN_RECV", "1, 3, 7, 15 and 31 s", "dies at 63 s" });
    row("syn_retries", "net.ipv4.tcp_syn_retries", "6",
        { "SYN_SENT dies", "131 s", "tcp_syn_linear_timeouts", "127 s" });
    row("syn_linear_timeouts", "net.ipv4.tcp_syn_linear_timeouts", "4", { "1 s apart", "Since 6.5" });
    row("orphan_retries", "net.ipv4.tcp_orphan_retries", "0",
        { "0 does not mean no retries", "makes it 8", "102.2 s" });
    row("retries2", "net.ipv4.tcp_retries2", "15", { "ESTABLISHED", "924.6 s", "200 ms floor", "TCP_USER_TIMEOUT" });
    // tcp_timer.c tcp_keepalive_timer skips only LISTEN, CLOSE and SYN_SENT, and needs SOCK_KEEPOPEN.
    row("keepalive_time", "net.ipv4.tcp_keepalive_time", "7200", { "SO_KEEPALIVE", "CLOSE_WAIT included", "7875 s" });
    row("keepalive_intvl", "net.ipv4.tcp_keepalive_intvl", "75", { "675 s" });
    row("keepalive_probes", "net.ipv4.tcp_keepalive_probes", "9", { "ETIMEDOUT", "TCP_USER_TIMEOUT" });
    // tcp_minisocks.c tcp_check_req listen_overflow: 0 drops the final ACK, 1 resets.
    row("abort_on_overflow", "net.ipv4.tcp_abort_on_overflow", "0",
        { "accept queue is full", "1 answers with RST", "ListenOverflows" });
    row("BSD msl", "net.inet.tcp.msl", "30000", { "TIME_WAIT lasts 2 x msl", "30 s" });
    row("BSD finwait2_timeout", "net.inet.tcp.finwait2_timeout", "60000", { "unless fast_finwait2_recycle is 1" });
    // sys/netinet/tcp_timer.c tcp_timer_2msl drops an idle FIN_WAIT_2 after TP_MAXIDLE even without recycling.
    row("BSD fast_finwait2_recycle", "net.inet.tcp.fast_finwait2_recycle", "0",
        { "TP_MAXIDLE (8 x 75 s = 10 min)", "receive side is closed" });
    // FreeBSD 14.0 release notes: no TIME_WAIT between local ends by default.
    row("BSD nolocaltimewait", "net.inet.tcp.nolocaltimewait", "1",
        { "default is 1 since FreeBSD 14.0", "shows no TIME_WAIT", "msl_local" });
}

void TestTunableCatalog::keyTruths()
{
    QFETCH(QString, name);
    QFETCH(QString, defaultValue);
    QFETCH(QStringList, mustSay);
    const TunableInfo *i = TunableCatalog::find(name);
    QVERIFY(i);
    QCOMPARE(i->defaultValue, defaultValue);
    const QString text = TunableCatalog::oneLine(*i, QStringLiteral("en"));
    for (const QString &m : mustSay)
        QVERIFY2(
            text.contains(m), qPrintable(name + QStringLiteral(": missing \"") + m + QStringLiteral("\" in ") + text));
}

void TestTunableCatalog::defaultsMatchARealKernel()
{
    // tests/data/procroot/linux-6.18 was copied from /proc/sys on an untuned 6.18 kernel.
    const Tunables t = TunablesReader::read(Fixture::path(QStringLiteral("procroot/linux-6.18")));
    int compared = 0;
    for (const QString &n : t.names()) {
        const TunableInfo *i = TunableCatalog::find(n);
        QVERIFY(i);
        if (i->defaultIsFormula)
            continue;
        QVERIFY2(TunableCatalog::isDefault(*i, t.value(n)), qPrintable(n + QStringLiteral(" = ") + t.value(n)));
        ++compared;
    }
    QVERIFY(compared >= 17); // 20 files, 3 of them formulas
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
