// SsFilterParser and SsFilter: ss(8) filter expressions against a fixed set of sockets, and the
// column and reason of every kind of syntax error.
#include "parse/ssfilterparser.h"

#include <QTest>

#include <arpa/inet.h>

namespace {
SocketEntry sock(TcpState state, const char *local, quint16 lport, const char *remote, quint16 rport)
{
    SocketEntry e;
    e.family = std::strchr(local, ':') ? AddressFamily::IPv6 : AddressFamily::IPv4;
    const int af = e.family == AddressFamily::IPv6 ? AF_INET6 : AF_INET;
    inet_pton(af, local, e.localAddr.data());
    inet_pton(af, remote, e.remoteAddr.data());
    e.localPort = lport;
    e.remotePort = rport;
    e.state = state;
    return e;
}

const std::vector<SocketEntry> &sockets()
{
    static const std::vector<SocketEntry> s = {
        sock(TcpState::Established, "10.0.0.5", 40000, "93.184.216.34", 443), // 0
        sock(TcpState::TimeWait, "10.0.0.5", 40001, "93.184.216.34", 80), // 1
        sock(TcpState::Listen, "0.0.0.0", 22, "0.0.0.0", 0), // 2
        sock(TcpState::Listen, "::", 443, "::", 0), // 3
        sock(TcpState::Established, "::1", 443, "::1", 50000), // 4
        sock(TcpState::CloseWait, "fe80::1", 8080, "fe80::2", 6000), // 5
        sock(TcpState::Established, "::ffff:192.168.1.7", 22, "::ffff:192.168.1.50", 51000), // 6 v4-mapped
        sock(TcpState::NewSynRecv, "127.0.0.1", 22, "127.0.0.1", 41000), // 7 request socket
        sock(TcpState::FinWait2, "127.0.0.1", 41001, "127.0.0.1", 22), // 8
        sock(TcpState::SynSent, "10.0.0.5", 40002, "10.9.9.9", 5432), // 9
    };
    return s;
}

using Rows = QList<int>;

Rows allBut(const Rows &out)
{
    Rows r;
    for (int i = 0; i < int(sockets().size()); ++i) {
        if (!out.contains(i))
            r.append(i);
    }
    return r;
}
} // namespace

class TestSsFilterParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void errors_data();
    void errors();
    void ownerErrors_data();
    void ownerErrors();
    void looksLikeExpression_data();
    void looksLikeExpression();
    void filteredSnapshotCountsAgain();
    void ownerTerms_data();
    void ownerTerms();
    void filteredSnapshotKeepsOwners();
    void servicesComeFromTheLookup();
};

void TestSsFilterParser::matches_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<Rows>("rows");
    const Rows all = allBut({});
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("state established") << "state established" << Rows { 0, 4, 6 };
    QTest::newRow("state case") << "state ESTABLISHED" << Rows { 0, 4, 6 };
    QTest::newRow("state listening") << "state listening" << Rows { 2, 3 };
    QTest::newRow("two states") << "state time-wait state syn-recv" << Rows { 1, 7 };
    QTest::newRow("syn-rcv alias") << "state syn-rcv" << Rows { 7 };
    QTest::newRow("exclude") << "exclude listening" << allBut({ 2, 3 });
    QTest::newRow("excl twice") << "excl bucket exclude listening" << Rows { 0, 4, 5, 6, 8, 9 };
    QTest::newRow("connected") << "state connected" << allBut({ 2, 3 });
    QTest::newRow("synchronized") << "state synchronized" << allBut({ 2, 3, 9 });
    QTest::newRow("bucket") << "state bucket" << Rows { 1, 7 };
    QTest::newRow("big") << "state big" << allBut({ 1, 7 });
    QTest::newRow("all") << "state all" << all;
    QTest::newRow("state then exclude") << "state connected exclude established" << Rows { 1, 5, 7, 8, 9 };
    QTest::newRow("sport =") << "sport = :22" << Rows { 2, 6, 7 };
    QTest::newRow("sport no op") << "sport :22" << Rows { 2, 6, 7 };
    QTest::newRow("sport ==, no colon") << "sport == 22" << Rows { 2, 6, 7 };
    QTest::newRow("sport eq service") << "sport eq :ssh" << Rows { 2, 6, 7 };
    QTest::newRow("hex port") << "sport = 0x16" << Rows { 2, 6, 7 };
    QTest::newRow("dport !=") << "dport != :443" << allBut({ 0 });
    QTest::newRow("dport neq") << "dport neq :https" << allBut({ 0 });
    QTest::newRow("sport >") << "sport > :1024" << Rows { 0, 1, 5, 8, 9 };
    QTest::newRow("sport gt") << "sport gt :1024" << Rows { 0, 1, 5, 8, 9 };
    QTest::newRow("sport <") << "sport < :1024" << Rows { 2, 3, 4, 6, 7 };
    QTest::newRow("sport lt") << "sport lt :1024" << Rows { 2, 3, 4, 6, 7 };
    QTest::newRow(">= and <=") << "sport >= :443 and sport <= :443" << Rows { 3, 4 };
    QTest::newRow("geq leq") << "sport geq :443 sport leq :https" << Rows { 3, 4 };
    QTest::newRow("dport ge") << "dport ge :50000" << Rows { 4, 6 };
    QTest::newRow("dport le") << "dport le :0" << Rows { 2, 3 };
    QTest::newRow("src prefix") << "src 10.0.0.0/8" << Rows { 0, 1, 9 };
    QTest::newRow("src = prefix") << "src = 10.0.0.0/8" << Rows { 0, 1, 9 };
    QTest::newRow("prefix with host bits") << "src 10.0.0.5/8" << Rows { 0, 1, 9 };
    QTest::newRow("short IPv4") << "src 10/8" << Rows { 0, 1, 9 };
    QTest::newRow("v4 term, v4-mapped") << "src 192.168.1.0/24" << Rows { 6 };
    QTest::newRow("v4-mapped term") << "src [::ffff:192.168.1.0/120]" << Rows { 6 };
    QTest::newRow("IPv6") << "src [::1]" << Rows { 4 };
    QTest::newRow("IPv6 prefix") << "src [fe80::/10]" << Rows { 5 };
    QTest::newRow("IPv6 prefix bare") << "src fe80::/10" << Rows { 5 };
    QTest::newRow("IPv6 and port") << "src [::1]:443" << Rows { 4 };
    QTest::newRow("IPv6 other port") << "src [::1]:444" << Rows {};
    QTest::newRow("dst and port") << "dst 93.184.216.34:80" << Rows { 1 };
    QTest::newRow("dst prefix and port") << "dst 93.184.0.0/16:http" << Rows { 1 };
    QTest::newRow("any address") << "src *:22" << Rows { 2, 6, 7 };
    QTest::newRow("any port") << "src [::1]:*" << Rows { 4 };
    QTest::newRow("IPv4 /0") << "src 0.0.0.0/0" << Rows { 0, 1, 2, 6, 7, 8, 9 };
    QTest::newRow("IPv6 /0") << "src [::/0]" << Rows { 3, 4, 5, 6 };
    QTest::newRow("inet6: family") << "src inet6:*" << Rows { 3, 4, 5, 6 };
    QTest::newRow("inet: family on a port") << "sport = inet::22" << Rows { 2, 7 };
    QTest::newRow("parentheses") << "( sport = :22 or sport = :443 ) and dport = :50000" << Rows { 4 };
    QTest::newRow("state and parentheses") << "state established ( sport = :22 or sport = :443 )" << Rows { 4, 6 };
    QTest::newRow("tight parentheses") << "state established (sport = :22 or sport = :443)" << Rows { 4, 6 };
    QTest::newRow("left to right, implicit and") << "sport = :22 or sport = :443 dport = :50000" << Rows { 4 };
    QTest::newRow("left to right, or then and") << "sport = :22 or sport = :443 and dport = :50000" << Rows { 4 };
    QTest::newRow("left to right, and then or") << "sport = :22 and sport = :443 or dport = :50000" << Rows { 4 };
    QTest::newRow("not") << "not sport = :22" << allBut({ 2, 6, 7 });
    QTest::newRow("! group") << "! ( sport = :22 || sport = :443 )" << allBut({ 2, 3, 4, 6, 7 });
    QTest::newRow("two nots") << "! sport = :22 ! dport = :22" << allBut({ 2, 6, 7, 8 });
    QTest::newRow("not not") << "not not sport = :22" << Rows { 2, 6, 7 };
    QTest::newRow("&&") << "sport = :22 && dport = :41000" << Rows { 7 };
    QTest::newRow("&") << "sport = :22 & dport = :41000" << Rows { 7 };
    QTest::newRow("|") << "sport = :22 | dport = :22" << Rows { 2, 6, 7, 8 };
    QTest::newRow("task example") << "state time-wait ( dport = :443 or dport = :http )" << Rows { 1 };
    QTest::newRow("dst and sport") << "dst 10.9.9.9 sport = :40002" << Rows { 9 };
    QTest::newRow("prefix then port") << "src 10.0.0.5/32:40000" << Rows { 0 };
    // ss shows what passes both the kernel's bytecode and its own run_ssfilter(): they disagree on /0.
    QTest::newRow("not IPv6 /0") << "! src [::/0]" << Rows {};
    QTest::newRow("not IPv4 /0") << "! src 0.0.0.0/0" << Rows {};
    QTest::newRow("not an IPv4 address") << "! src 10.0.0.5" << allBut({ 0, 1, 9 });
    QTest::newRow("tabs and newlines") << "sport\t=\n:22" << Rows { 2, 6, 7 };
}

void TestSsFilterParser::matches()
{
    QFETCH(QString, expression);
    QFETCH(Rows, rows);
    const Expected<SsFilter> f = SsFilterParser::parse(expression);
    QVERIFY2(f.ok(), qPrintable(f.error()));
    Rows got;
    for (int i = 0; i < int(sockets().size()); ++i) {
        if (f->matches(sockets()[size_t(i)]))
            got.append(i);
    }
    QCOMPARE(got, rows);
}

void TestSsFilterParser::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("error");
    QTest::newRow("no port") << "dport = :"
                             << "column 9: expected a port after ':'";
    QTest::newRow("no port after state") << "state time-wait dport = :"
                                         << "column 25: expected a port after ':'";
    QTest::newRow("unknown service") << "sport = :nosuchservice"
                                     << "column 10: 'nosuchservice' is not a port number or a known TCP service";
    QTest::newRow("port range") << "sport = :70000"
                                << "column 10: port 70000 is out of range (0-65535)";
    QTest::newRow("prefix length") << "src 10.0.0.1/33"
                                   << "column 14: expected a prefix length from 0 to 32 after '/'";
    QTest::newRow("IPv6 without brackets")
        << "src ::1"
        << "column 5: ':' is not an IPv4 or IPv6 address (write IPv6 in [ ]; host names are not looked up)";
    QTest::newRow("host name")
        << "dst example.com"
        << "column 5: 'example.com' is not an IPv4 or IPv6 address (write IPv6 in [ ]; host names are not looked up)";
    QTest::newRow("unclosed bracket") << "src [::1"
                                      << "column 5: '[' without ']'";
    QTest::newRow("junk after bracket") << "src [::1]x"
                                        << "column 10: expected ':' and a port after ']'";
    QTest::newRow("family mismatch") << "src inet6:10.0.0.1"
                                     << "column 11: '10.0.0.1' is not an inet6 address";
    QTest::newRow("unix family") << "src unix:/tmp/x"
                                 << "column 5: tcpscope shows TCP sockets: only inet: and inet6: addresses apply";
    QTest::newRow("src !=") << "src != 10.0.0.1"
                            << "column 5: 'src' takes '=' or nothing before the address, not '!='";
    QTest::newRow("src without address") << "src"
                                         << "column 4: expected an address after 'src'";
    QTest::newRow("src then keyword") << "src and"
                                      << "column 5: expected an address after 'src'";
    QTest::newRow("sport without port") << "sport >="
                                        << "column 9: expected a port after '>='";
    QTest::newRow("unclosed (") << "( sport = :22"
                                << "column 1: '(' is not closed";
    QTest::newRow("stray )") << "sport = :22 )"
                             << "column 13: ')' without '('";
    QTest::newRow("empty ()") << "()"
                              << "column 2: expected a term before ')'";
    QTest::newRow("trailing and") << "sport = :22 and"
                                  << "column 16: expected a term after 'and'";
    QTest::newRow("leading and") << "and sport = :1"
                                 << "column 1: expected a term before 'and'";
    QTest::newRow("trailing not") << "not"
                                  << "column 4: expected a term after 'not'";
    QTest::newRow("no state name") << "state"
                                   << "column 6: expected a state name after 'state'";
    QTest::newRow("bad state")
        << "state foo"
        << "column 7: 'foo' is not a state (established, syn-sent, syn-recv, fin-wait-1, fin-wait-2, time-wait, "
           "closed, close-wait, last-ack, listening, closing, or a group: all, connected, synchronized, bucket, big)";
    QTest::newRow("state inside") << "sport = :22 state listening"
                                  << "column 13: 'state' goes before the expression, as in ss";
    QTest::newRow("dev")
        << "dev eth0"
        << "column 1: 'dev' is not supported: tcpscope's snapshots do not carry the socket's device, mark, cgroup "
           "or bind flags";
    QTest::newRow("unknown word")
        << "sport = :22 foo"
        << "column 13: expected src, dst, sport, dport, process, pid, unit, not or '(' but found 'foo' (to search "
           "text, leave out ss's keywords)";
}

void TestSsFilterParser::ownerErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("error");
    QTest::newRow("pid not a number") << "pid x"
                                      << "column 5: 'x' is not a process id (a number from 1 to 4194304)";
    QTest::newRow("pid zero") << "sport = :22 and pid 0"
                              << "column 21: '0' is not a process id (a number from 1 to 4194304)";
    QTest::newRow("pid too big") << "pid 4194305"
                                 << "column 5: '4194305' is not a process id (a number from 1 to 4194304)";
    QTest::newRow("pid then keyword") << "pid and"
                                      << "column 5: expected a process id after 'pid'";
    QTest::newRow("star inside a name") << "process ng*nx"
                                        << "column 11: '*' may only end a process name (a prefix), as in 'process "
                                           "nginx*'";
    QTest::newRow("unit missing") << "not unit"
                                  << "column 9: expected a systemd unit name after 'unit'";
    QTest::newRow("pid missing") << "pid"
                                 << "column 4: expected a process id after 'pid'";
    QTest::newRow("process missing") << "process"
                                     << "column 8: expected a process name after 'process'";
}

void TestSsFilterParser::ownerErrors()
{
    errors();
}

void TestSsFilterParser::errors()
{
    QFETCH(QString, expression);
    QFETCH(QString, error);
    const Expected<SsFilter> f = SsFilterParser::parse(expression);
    QVERIFY(!f.ok());
    QCOMPARE(f.error(), error);
}

void TestSsFilterParser::looksLikeExpression_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expression");
    QTest::newRow("address") << "10.0.0" << false;
    QTest::newRow("port shortcut") << "port:443" << false;
    QTest::newRow("state shortcut") << "state:time_wait" << false;
    QTest::newRow("state name") << "time_wait" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("sport") << "sport = :22" << true;
    QTest::newRow("state") << "state listening" << true;
    QTest::newRow("exclude") << " exclude bucket" << true;
    QTest::newRow("(") << "(dst 10.0.0.1)" << true;
    QTest::newRow("!") << "! src 10.0.0.1" << true;
    QTest::newRow("process") << "process nginx" << true;
}

void TestSsFilterParser::looksLikeExpression()
{
    QFETCH(QString, text);
    QFETCH(bool, expression);
    QCOMPARE(SsFilterParser::looksLikeExpression(text), expression);
}

void TestSsFilterParser::filteredSnapshotCountsAgain()
{
    SnapshotData d;
    d.host = QStringLiteral("h");
    d.sockets = sockets();
    d.counters.values = { { QStringLiteral("TcpExt.ListenOverflows"), 6 } };
    const Snapshot all(d);
    const Expected<SsFilter> f = SsFilterParser::parse(QStringLiteral("state established"));
    QVERIFY(f.ok());
    const Snapshot s = f->filtered(all);
    QCOMPARE(s.sockets().size(), size_t(3));
    QCOMPARE(s.count(TcpState::Established), 3);
    QCOMPARE(s.count(TcpState::Listen), 0);
    QCOMPARE(s.host(), QStringLiteral("h"));
    QCOMPARE(s.counters().listenOverflows(), 6); // every field of the poll but its sockets is kept
    QVERIFY(SsFilter().isEmpty());
    QCOMPARE(SsFilter().filtered(all).sockets().size(), sockets().size());
}

namespace {
// Sockets 0-2 of sockets() held by nginx (10), nginx-worker (11), sshd in sshd.service (22); the rest unknown.
const ProcessOwner *ownerOf(int row)
{
    static const auto make = [](qint32 pid, const char *name, const char *unit) {
        ProcessOwner o;
        o.pid = pid;
        o.name = QString::fromLatin1(name);
        o.unit = QString::fromLatin1(unit);
        return o;
    };
    static const ProcessOwner owners[] = { make(10, "nginx", "nginx.service"),
        make(11, "nginx-worker", "nginx.service"), make(22, "sshd", "sshd.service") };
    return row < 3 ? &owners[row] : nullptr;
}
} // namespace

void TestSsFilterParser::ownerTerms_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<Rows>("rows");
    QTest::newRow("process exact") << "process nginx" << Rows { 0 };
    QTest::newRow("process prefix") << "process nginx*" << Rows { 0, 1 };
    QTest::newRow("process all") << "process *" << Rows { 0, 1, 2 };
    QTest::newRow("process is case-sensitive") << "process NGINX" << Rows {};
    QTest::newRow("pid") << "pid 22" << Rows { 2 };
    QTest::newRow("unit") << "unit nginx.service" << Rows { 0, 1 };
    QTest::newRow("unit is exact") << "unit nginx" << Rows {};
    QTest::newRow("not process: unknown owners too") << "not process nginx" << allBut({ 0 });
    QTest::newRow("not pid") << "! pid 10" << allBut({ 0 });
    QTest::newRow("process and dport") << "process nginx* and dport = :443" << Rows { 0 };
    QTest::newRow("state and pid") << "state time-wait pid 11" << Rows { 1 };
    QTest::newRow("or") << "pid 22 or sport = :443" << Rows { 2, 3, 4 };
    QTest::newRow("process after address") << "src 10.0.0.5 process nginx-worker" << Rows { 1 };
}

void TestSsFilterParser::ownerTerms()
{
    QFETCH(QString, expression);
    QFETCH(Rows, rows);
    const Expected<SsFilter> f = SsFilterParser::parse(expression);
    QVERIFY2(f.ok(), qPrintable(f.error()));
    QVERIFY(f->hasOwnerTerms());
    Rows got;
    for (int i = 0; i < int(sockets().size()); ++i) {
        if (f->matches(sockets()[size_t(i)], ownerOf(i)))
            got.append(i);
    }
    QCOMPARE(got, rows);
    QVERIFY(!SsFilterParser::parse(QStringLiteral("sport = :22"))->hasOwnerTerms());
}

void TestSsFilterParser::filteredSnapshotKeepsOwners()
{
    SnapshotData d;
    d.sockets = sockets();
    d.sockets[4].inode = 99; // held, owner not found; the others have inode 0 (no process)
    SocketOwners o;
    o.slots.assign(sockets().size(), 0);
    for (int i = 0; i < 3; ++i) {
        o.processes.push_back(std::make_shared<const ProcessOwner>(*ownerOf(i)));
        o.slots[size_t(i)] = quint32(i + 1);
    }
    o.missing[size_t(SocketOwners::Missing::NoProcess)] = int(sockets().size()) - 4;
    o.missing[size_t(SocketOwners::Missing::NotFound)] = 1;
    const Snapshot all = Snapshot(d).withOwners(o);
    const Snapshot s = SsFilterParser::parse(QStringLiteral("not process sshd"))->filtered(all);
    QCOMPARE(s.sockets().size(), sockets().size() - 1);
    QVERIFY(s.owners());
    QCOMPARE((*s.owners()->at(0))->name, QStringLiteral("nginx"));
    QCOMPARE((*s.owners()->at(1))->name, QStringLiteral("nginx-worker"));
    QVERIFY(!s.owners()->at(2)); // was row 3
    QCOMPARE(s.owners()->count(SocketOwners::Missing::NotFound), 1);
    QCOMPARE(s.owners()->count(SocketOwners::Missing::NoProcess), int(sockets().size()) - 4);
    const Snapshot one = SsFilterParser::parse(QStringLiteral("pid 22"))->filtered(all);
    QCOMPARE(one.sockets().size(), size_t(1));
    QCOMPARE((*one.owners()->at(0))->pid, 22);
    QVERIFY(!SsFilterParser::parse(QStringLiteral("pid 22"))->filtered(Snapshot(d)).owners());
    QCOMPARE(SsFilterParser::parse(QStringLiteral("pid 22"))->filtered(Snapshot(d)).sockets().size(), size_t(0));
}

void TestSsFilterParser::servicesComeFromTheLookup()
{
    const auto lookup = [](const QString &name) -> std::optional<quint16> {
        return name == QLatin1String("myapp") ? std::optional<quint16>(6000) : std::nullopt;
    };
    const Expected<SsFilter> f = SsFilterParser::parse(QStringLiteral("dport = :myapp"), lookup);
    QVERIFY2(f.ok(), qPrintable(f.error()));
    QVERIFY(f->matches(sockets()[5]));
    QVERIFY(!f->matches(sockets()[0]));
    QVERIFY(!SsFilterParser::parse(QStringLiteral("dport = :https"), lookup).ok());
}

QTEST_GUILESS_MAIN(TestSsFilterParser)
#include "tst_ssfilterparser.moc"
