// The window's "End connection..." on real loopback connections in a private network namespace: the
// table's action with the confirmation answered by the test ends exactly the selected connections (ss
// sees them gone), says so in the status bar, is not offered for listeners or other hosts, and without
// CAP_NET_ADMIN says what to do.
#include "childrun.h"
#include "endconnectionaction.h"
#include "loopbackpairs.h"
#include "mainwindow.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "parse/ssfilterparser.h"
#include "pipeline/livesession.h"
#include "sources/local/netlinksource.h"
#include "table/connectiontableview.h"
#include "testmain.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {
// Established sockets whose local or remote port is `port`, as ss counts them.
int establishedOn(quint16 port)
{
    const ChildRun r = ChildRun::of(QStringLiteral("ss"),
        { QStringLiteral("-tanH"), QStringLiteral("state"), QStringLiteral("established"),
            QStringLiteral("( sport = :%1 or dport = :%1 )").arg(port) });
    return r.exitCode == 0 ? int(r.out.count('\n')) : -1;
}

// Capabilities are per thread (capabilities(7)): the worker thread alone loses CAP_NET_ADMIN, as a
// run under setpriv --inh-caps=-all would, and the thread ends with the job.
bool dropNetAdminOnThisThread()
{
    __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct data[2] {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    data[CAP_NET_ADMIN / 32].effective &= ~(1u << (CAP_NET_ADMIN % 32));
    return ::syscall(SYS_capset, &header, data) == 0;
}

struct Window
{
    explicit Window(const AppOptions &options = quiet())
        : w(options, std::make_unique<NetlinkSource>())
    { }
    static AppOptions quiet()
    {
        AppOptions o;
        o.intervalMs = 100'000; // the test drives the polls
        return o;
    }
    // Shows only the rows `expression` selects, once their owners are known, and selects them all.
    bool show(const QString &expression, int rows)
    {
        const Expected<SsFilter> f = SsFilterParser::parse(expression);
        if (!f.ok())
            return false;
        w.tableProxy()->setSearch({}, *f);
        for (int i = 0; i < 50; ++i) {
            w.session()->pollNow();
            QTest::qWait(100);
            if (w.tableProxy()->rowCount() == rows && ownersKnown())
                break;
        }
        w.tableView()->selectAll();
        return w.tableProxy()->rowCount() == rows;
    }
    // One loopback pair opened and its server end shown and selected.
    bool showOnePair(LoopbackPairs &pairs)
    {
        return pairs.listen() && pairs.open(1)
            && show(QStringLiteral("state established sport = :%1").arg(pairs.listenerPort()), 1);
    }
    bool ownersKnown() const
    {
        for (int r = 0; r < w.tableProxy()->rowCount(); ++r) {
            const int row = w.tableProxy()->mapToSource(w.tableProxy()->index(r, 0)).row();
            const TrackedSocket &t = w.tableModel()->socketAt(row);
            if (t.entry.state == TcpState::Established && !t.owner)
                return false;
        }
        return true;
    }
    QString endSelected()
    {
        QSignalSpy done(w.endConnection(), &EndConnectionAction::finished);
        w.tableView()->endConnectionAction()->trigger();
        return done.wait(5000) ? done.at(0).at(0).toString() : QString();
    }
    MainWindow w;
};
} // namespace

class TestEndConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endsTheSelectedConnections()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs victim;
        LoopbackPairs bystander;
        QVERIFY(victim.listen() && victim.open(2));
        QVERIFY(bystander.listen() && bystander.open(2));
        Window win;
        // The listener and the two server ends, held by this test (its comm is cut to 15 characters), through
        // the table's owner filter: the listener is selected but not ended.
        QVERIFY(win.show(QStringLiteral("process tst_endconn* sport = :%1").arg(victim.listenerPort()), 3));
        QStringList asked;
        win.w.endConnection()->setConfirmer([&](const QStringList &c) {
            asked = c;
            return true;
        });
        QVERIFY(win.w.tableView()->endConnectionAction()->isEnabled());
        const QString message = win.endSelected();
        QCOMPARE(message, QStringLiteral("ended 2 connections"));
        QCOMPARE(win.w.statusBar()->currentMessage(), message);
        QCOMPARE(asked.size(), 2);
        const QString owner = QStringLiteral("(%1)").arg(QCoreApplication::applicationPid());
        for (const QString &line : std::as_const(asked)) {
            QVERIFY2(line.startsWith(QStringLiteral("127.0.0.1:%1 -> 127.0.0.1:").arg(victim.listenerPort())),
                qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("ESTAB")) && line.endsWith(owner), qPrintable(line));
        }
        // tcp_abort sent each client an RST: both ends are gone, the bystander's stay.
        QTRY_COMPARE_WITH_TIMEOUT(establishedOn(victim.listenerPort()), 0, 2000);
        QCOMPARE(establishedOn(bystander.listenerPort()), 4);
    }

    void declinedEndsNothing()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs pairs;
        Window win;
        QVERIFY(win.showOnePair(pairs));
        int asked = 0;
        win.w.endConnection()->setConfirmer([&](const QStringList &) {
            ++asked;
            return false;
        });
        QSignalSpy done(win.w.endConnection(), &EndConnectionAction::finished);
        win.w.tableView()->endConnectionAction()->trigger();
        QCOMPARE(asked, 1);
        QVERIFY(!done.wait(300));
        QCOMPARE(establishedOn(pairs.listenerPort()), 2);
    }

    void withoutPrivilegeSaysWhy()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs pairs;
        Window win;
        QVERIFY(win.showOnePair(pairs));
        win.w.endConnection()->setConfirmer([](const QStringList &) { return true; });
        win.w.endConnection()->setEnder([](const std::vector<SocketEntry> &sockets) {
            return dropNetAdminOnThisThread() ? EndConnectionJob::run(sockets) : EndConnectionJob::Result {};
        });
        const QString message = win.endSelected();
        QVERIFY2(
            message.startsWith(QStringLiteral("could not end 127.0.0.1:%1 -> 127.0.0.1:").arg(pairs.listenerPort())),
            qPrintable(message));
        QVERIFY2(message.endsWith(
                     QLatin1String(": needs CAP_NET_ADMIN (run tcpscope as root, or use the agent once it can)")),
            qPrintable(message));
        QCOMPARE(establishedOn(pairs.listenerPort()), 2);
    }

    void notOfferedForListenersOrOtherHosts()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        LoopbackPairs pairs;
        QVERIFY(pairs.listen() && pairs.open(1));
        {
            Window win;
            QVERIFY(win.show(QStringLiteral("state listening sport = :%1").arg(pairs.listenerPort()), 1));
            const QAction *end = win.w.tableView()->endConnectionAction();
            QVERIFY(!end->isEnabled());
            QVERIFY2(end->toolTip().contains(QLatin1String("listening socket")), qPrintable(end->toolTip()));
        }
        AppOptions remote = Window::quiet();
        remote.source.agentHost = QStringLiteral("peer.example");
        Window win(remote);
        QVERIFY(win.show(QStringLiteral("state established sport = :%1").arg(pairs.listenerPort()), 1));
        const QAction *end = win.w.tableView()->endConnectionAction();
        QVERIFY(!end->isEnabled());
        QVERIFY2(end->toolTip().contains(QLatin1String("another host")), qPrintable(end->toolTip()));
    }

    void timeWaitSaysWhatTheKernelDoes()
    {
        SocketEntry tw;
        tw.kind = RowKind::TimeWaitSock;
        tw.state = TcpState::TimeWait;
        QVERIFY(ConnectionTableView::whyNotEndable(tw).contains(QLatin1String("tcp_abort")));
        SocketEntry req;
        req.kind = RowKind::Request;
        req.state = TcpState::NewSynRecv;
        QVERIFY(ConnectionTableView::whyNotEndable(req).contains(QLatin1String("SYN_RECV")));
        SocketEntry est;
        est.state = TcpState::Established;
        QVERIFY(ConnectionTableView::whyNotEndable(est).isEmpty());
    }
};

TCPSCOPE_TEST_MAIN(TestEndConnection, QApplication, TestMain::Isolated)
#include "tst_endconnection.moc"
