// tcpscope --kill FILTER [--yes] on real loopback connections in a private network namespace: it lists
// what the filter selects, ends nothing without --yes, ends exactly those with it (ss sees them gone,
// the others stay), and without CAP_NET_ADMIN says so and ends nothing.
#include "childrun.h"
#include "loopbackpairs.h"
#include "namedchild.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

namespace {
const QString kBinary = QStringLiteral(TCPSCOPE_BINARY);

// Established sockets whose local or remote port is `port`, as ss counts them.
int establishedOn(quint16 port)
{
    const ChildRun r = ChildRun::of(QStringLiteral("ss"),
        { QStringLiteral("-tanH"), QStringLiteral("state"), QStringLiteral("established"),
            QStringLiteral("( sport = :%1 or dport = :%1 )").arg(port) });
    return r.exitCode == 0 ? int(r.out.count('\n')) : -1;
}
} // namespace

class TestKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsWithoutYesAndEndsWithIt()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs victim;
        LoopbackPairs bystander;
        QVERIFY(victim.listen() && victim.open(3));
        QVERIFY(bystander.listen() && bystander.open(2));
        QCOMPARE(establishedOn(victim.listenerPort()), 6);
        const QString filter = QStringLiteral("sport = :%1").arg(victim.listenerPort());

        const ChildRun dry = ChildRun::of(kBinary, { QStringLiteral("--kill"), filter });
        QCOMPARE(dry.exitCode, 1);
        QVERIFY2(dry.out.contains("3 connection(s) match") && dry.out.contains("add --yes"), dry.out.constData());
        QCOMPARE(establishedOn(victim.listenerPort()), 6);

        const ChildRun real = ChildRun::of(kBinary, { QStringLiteral("--kill"), QStringLiteral("--yes"), filter });
        QVERIFY2(real.exitCode == 0, real.err.constData());
        QVERIFY2(real.out.contains("ended 3 of 3"), real.out.constData());
        // The server ends were destroyed; their RST took the clients down too (tcp_abort sends one).
        QTRY_COMPARE_WITH_TIMEOUT(establishedOn(victim.listenerPort()), 0, 2000);
        QCOMPARE(establishedOn(bystander.listenerPort()), 4);
    }

    // An owner term picks the connections by the process that holds them (the server ends, in the child).
    void endsWhatAProcessHolds()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        NamedChild server("tsk-server", [](NamedChild &self) {
            quint16 p = 0;
            const int l = NamedChild::listenLoopback(p);
            self.report(p);
            for (int i = 0; i < 2; ++i)
                self.report(::accept(l, nullptr, nullptr) >= 0 ? 1 : 0);
        });
        const auto port = quint16(server.next());
        QVERIFY(port);
        const int clients[] = { NamedChild::connectLoopback(port), NamedChild::connectLoopback(port) };
        QVERIFY(clients[0] >= 0 && clients[1] >= 0 && server.next() == 1 && server.next() == 1);
        LoopbackPairs bystander;
        QVERIFY(bystander.listen() && bystander.open(1));

        const ChildRun r = ChildRun::of(
            kBinary, { QStringLiteral("--kill"), QStringLiteral("--yes"), QStringLiteral("process tsk-server") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("2 connection(s) match") && r.out.contains("tsk-server (pid"), r.out.constData());
        QVERIFY2(r.out.contains("ended 2 of 2"), r.out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(establishedOn(port), 0, 2000);
        QCOMPARE(establishedOn(bystander.listenerPort()), 2);
        for (int fd : clients)
            ::close(fd);
    }

    void withoutPrivilegeSaysWhy()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs pairs;
        QVERIFY(pairs.listen() && pairs.open(1));
        const ChildRun r = ChildRun::of(QStringLiteral("setpriv"),
            { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                QStringLiteral("--inh-caps=-all"), QStringLiteral("--bounding-set=-all"), kBinary,
                QStringLiteral("--kill"), QStringLiteral("--yes"),
                QStringLiteral("sport = :%1").arg(pairs.listenerPort()) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("needs CAP_NET_ADMIN"), r.err.constData());
        QVERIFY2(r.out.contains("ended 0 of 1"), r.out.constData());
        QCOMPARE(establishedOn(pairs.listenerPort()), 2);
    }

    void refusesAnEmptyFilter()
    {
        const ChildRun r = ChildRun::of(kBinary, { QStringLiteral("--kill") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--kill needs a filter"), r.err.constData());
    }
};

TCPSCOPE_TEST_MAIN(TestKill, QCoreApplication, TestMain::Isolated)
#include "tst_kill.moc"
