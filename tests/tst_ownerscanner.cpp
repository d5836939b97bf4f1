#include "namedchild.h"
#include "sources/local/ownerscanner.h"
#include "sources/local/procsource.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

namespace {
// The owner attached to the LISTEN socket on `port`, after one poll and scan.
struct Polled
{
    Snapshot snapshot;
    const ProcessOwner *listener(quint16 port) const
    {
        for (size_t i = 0; i < snapshot.sockets().size(); ++i) {
            const SocketEntry &e = snapshot.sockets()[i];
            if (e.state == TcpState::Listen && e.localPort == port)
                return snapshot.owners()->at(i) ? snapshot.owners()->at(i)->get() : nullptr;
        }
        return nullptr;
    }
};

Polled pollAndScan(ProcSource &source, OwnerScanner &scanner)
{
    Snapshot s = source.poll();
    s = s.withOwners(scanner.attach(s));
    scanner.scan(s);
    return { s.withOwners(scanner.attach(s)) };
}

// A child that listens on loopback and reports its port.
std::unique_ptr<NamedChild> listener(const char *name, quint16 &port)
{
    auto c = std::make_unique<NamedChild>(name, [](NamedChild &self) {
        quint16 p = 0;
        NamedChild::listenLoopback(p);
        self.report(p);
    });
    port = quint16(c->next());
    return c;
}

// Makes the next fork(2) get `pid` (proc(5): /proc/sys/kernel/ns_last_pid, as CRIU restores pids).
bool nextPidWillBe(pid_t pid)
{
    QFile f(QStringLiteral("/proc/sys/kernel/ns_last_pid"));
    return f.open(QIODevice::WriteOnly) && f.write(QByteArray::number(pid - 1)) > 0;
}
} // namespace

// OwnerScanner on the real /proc, in a private network namespace, with real child processes.
class TestOwnerScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }

    void namesTheHolder()
    {
        ProcSource source;
        OwnerScanner scanner;
        quint16 port = 0;
        const auto child = listener("tcps-own", port);
        QVERIFY(port != 0);
        const Polled p = pollAndScan(source, scanner);
        const ProcessOwner *o = p.listener(port);
        QVERIFY(o);
        QCOMPARE(o->pid, qint32(child->pid()));
        QCOMPARE(o->name, QStringLiteral("tcps-own"));
        QCOMPARE(o->uid, quint32(::geteuid()));
        QVERIFY(!o->user.isEmpty());
        QVERIFY(o->startTicks > 0);
        QVERIFY(OwnerScanner::commandLine(*o).contains(QStringLiteral("tst_ownerscanner")));
        QCOMPARE(p.snapshot.owners()->unknown(), 0);
    }

    void steadyStateReadsNothing()
    {
        ProcSource source;
        OwnerScanner scanner;
        quint16 port = 0;
        const auto child = listener("tcps-steady", port);
        pollAndScan(source, scanner);
        const qint64 scans = scanner.stats().scans;
        for (int i = 0; i < 3; ++i)
            QVERIFY(pollAndScan(source, scanner).listener(port));
        QCOMPARE(scanner.stats().scans, scans); // no new inode: no /proc read at all

        // A new socket of a known process: found without reading every process again.
        quint16 port2 = 0;
        const int fd = NamedChild::listenLoopback(port2);
        const Polled p = pollAndScan(source, scanner);
        QCOMPARE(scanner.stats().scans, scans + 1);
        QVERIFY(p.listener(port2));
        QCOMPARE(p.listener(port2)->pid, qint32(::getpid()));
        ::close(fd);
    }

    void deadProcessIsDropped()
    {
        ProcSource source;
        OwnerScanner scanner;
        quint16 port = 0;
        auto child = listener("tcps-dies", port);
        const pid_t pid = child->pid();
        QVERIFY(pollAndScan(source, scanner).listener(port));
        QVERIFY(scanner.cached(pid));
        child->kill();
        quint16 port2 = 0;
        const int fd = NamedChild::listenLoopback(port2); // a new inode makes the next scan run
        pollAndScan(source, scanner);
        QVERIFY(!scanner.cached(pid));
        ::close(fd);
    }

    void pidReuseIsNoticed()
    {
        if (::geteuid() != 0)
            QSKIP("writing ns_last_pid needs root");
        ProcSource source;
        OwnerScanner scanner;
        quint16 port = 0;
        auto first = listener("tcps-first", port);
        const pid_t pid = first->pid();
        const Polled before = pollAndScan(source, scanner);
        QVERIFY(before.listener(port));
        const quint64 firstStart = before.listener(port)->startTicks;
        first->kill();
        QTest::qWait(30); // a later start time (in USER_HZ ticks, proc(5))
        std::unique_ptr<NamedChild> second;
        quint16 port2 = 0;
        // Other processes on the machine fork too: try a few times to get the same pid.
        for (int attempt = 0; attempt < 20 && (!second || second->pid() != pid); ++attempt) {
            second.reset();
            QVERIFY(nextPidWillBe(pid));
            second = listener("tcps-second", port2);
        }
        if (second->pid() != pid)
            QSKIP("could not get the same pid again (a busy machine)");
        const Polled after = pollAndScan(source, scanner);
        const ProcessOwner *o = after.listener(port2);
        QVERIFY(o);
        QCOMPARE(o->pid, qint32(pid));
        QCOMPARE(o->name, QStringLiteral("tcps-second"));
        QVERIFY(o->startTicks > firstStart);
        QVERIFY(!after.listener(port)); // the first one's listener died with it
    }
};

TCPSCOPE_TEST_MAIN(TestOwnerScanner, QCoreApplication, TestMain::Isolated)
#include "tst_ownerscanner.moc"
