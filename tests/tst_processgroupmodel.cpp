#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "models/processgroupmodel.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {
ProcessOwnerPtr process(qint32 pid, const char *name, quint64 startTicks = 100)
{
    auto o = std::make_shared<ProcessOwner>();
    o->pid = pid;
    o->startTicks = startTicks;
    o->uid = 33;
    o->name = QLatin1String(name);
    o->user = QStringLiteral("www-data");
    o->unit = QStringLiteral("%1.service").arg(o->name);
    return o;
}

TrackedSocket socket(quint64 id, TcpState state, ProcessOwnerPtr owner = {}, bool remembered = false)
{
    TrackedSocket t;
    t.id = id;
    t.entry.state = state;
    t.entry.localPort = quint16(1000 + id);
    t.entry.inode = state == TcpState::TimeWait ? 0 : 5000 + id;
    t.owner = std::move(owner);
    t.ownerRemembered = remembered;
    return t;
}

int count(const ProcessGroupModel &m, int row, TcpState s)
{
    return m.countAt(row, ProcessGroupModel::columnOf(s));
}
} // namespace

class TestProcessGroupModel : public QObject
{
    Q_OBJECT
private:
    const ProcessOwnerPtr m_nginx = process(1234, "nginx");
    const ProcessOwnerPtr m_curl = process(77, "curl");

    std::vector<TrackedSocket> sample() const
    {
        return {
            socket(1, TcpState::Listen, m_nginx), socket(2, TcpState::Established, m_nginx),
            socket(3, TcpState::Established, m_nginx), socket(4, TcpState::TimeWait, m_nginx, true),
            socket(5, TcpState::TimeWait, m_nginx, true), socket(6, TcpState::SynSent, m_curl),
            socket(7, TcpState::NewSynRecv, m_curl), socket(8, TcpState::TimeWait), // never seen owned
            socket(9, TcpState::Established), // another user's
        };
    }

private Q_SLOTS:
    // One row per process with counts per diagram state; remembered owners count for their process.
    void groupsSocketsByProcess()
    {
        ProcessGroupModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SocketOwners owners;
        owners.missing[size_t(SocketOwners::Missing::OtherUsers)] = 1;
        m.apply(sample(), &owners);
        QCOMPARE(m.rowCount(), 3);
        const int nginx = m.rowOf({ 1234, 100 });
        const int curl = m.rowOf({ 77, 100 });
        const int unknown = m.rowOf({ 0, 0 });
        QVERIFY(nginx >= 0 && curl >= 0 && unknown >= 0);
        QCOMPARE(m.totalAt(nginx), 5);
        QCOMPARE(count(m, nginx, TcpState::Established), 2);
        QCOMPARE(count(m, nginx, TcpState::TimeWait), 2);
        QCOMPARE(m.countAt(nginx, ProcessGroupModel::RememberedColumn), 2);
        QCOMPARE(count(m, curl, TcpState::SynRecv), 1); // NEW_SYN_RECV as the diagram shows it
        QCOMPARE(m.totalAt(unknown), 2);
        QCOMPARE(m.columnTotal(ProcessGroupModel::TotalColumn), 9);

        const auto cell
            = [&](int row, int column, int role = Qt::DisplayRole) { return m.index(row, column).data(role); };
        QCOMPARE(cell(nginx, ProcessGroupModel::ProcessColumn).toString(), QStringLiteral("nginx (1234)"));
        QCOMPARE(cell(nginx, ProcessGroupModel::UnitColumn).toString(), QStringLiteral("nginx.service"));
        QCOMPARE(cell(nginx, 0, ProcessGroupModel::PidRole).toInt(), 1234);
        QVERIFY(cell(nginx, 0, Qt::ToolTipRole).toString().contains(QStringLiteral("2 remembered")));
        QVERIFY(cell(unknown, 0, ProcessGroupModel::UnknownOwnerRole).toBool());
        const QString why = cell(unknown, 0, Qt::ToolTipRole).toString();
        QVERIFY2(why.contains(QStringLiteral("1 held by no process")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("1 of other users")), qPrintable(why));

        m.apply(sample(), nullptr); // a recording: nobody is known
        QVERIFY(cell(m.rowOf({ 0, 0 }), 0, Qt::ToolTipRole).toString().contains(QStringLiteral("does not tell")));
    }

    // A poll with the same processes changes data only; a new or gone process inserts or removes its
    // row alone; a pid reused by a new process is another row.
    void rowsStayInPlaceAcrossPolls()
    {
        ProcessGroupModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.apply(sample(), nullptr);
        const int nginx = m.rowOf({ 1234, 100 });
        QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);

        std::vector<TrackedSocket> next = sample();
        next.push_back(socket(10, TcpState::Established, m_nginx));
        m.apply(next, nullptr);
        QCOMPARE(resets.count() + inserts.count() + removes.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(m.rowOf({ 1234, 100 }), nginx);
        QCOMPARE(m.totalAt(nginx), 6);
        m.apply(next, nullptr); // nothing changed: no signal at all
        QCOMPARE(changes.count(), 1);

        next.erase(
            std::remove_if(next.begin(), next.end(), [this](const TrackedSocket &t) { return t.owner == m_curl; }),
            next.end());
        next.push_back(socket(11, TcpState::SynSent, process(77, "curl", 999))); // pid 77 again, another process
        m.apply(next, nullptr);
        QCOMPARE(removes.count(), 1);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(m.rowOf({ 77, 100 }), -1);
        QCOMPARE(m.totalAt(m.rowOf({ 77, 999 })), 1);
        QCOMPARE(m.ownerAt(m.rowOf({ 1234, 100 }))->name, QStringLiteral("nginx"));
    }

    // Sorted by total through a sort proxy on SortRole, and by any count column.
    void sortsByCounts()
    {
        ProcessGroupModel m;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&m);
        proxy.setSortRole(ProcessGroupModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(ProcessGroupModel::TotalColumn, Qt::DescendingOrder);
        m.apply(sample(), nullptr);
        QCOMPARE(proxy.index(0, ProcessGroupModel::ProcessColumn).data().toString(), QStringLiteral("nginx (1234)"));
        std::vector<TrackedSocket> next = sample();
        for (quint64 id = 20; id < 26; ++id)
            next.push_back(socket(id, TcpState::SynSent, m_curl));
        m.apply(next, nullptr);
        QCOMPARE(proxy.index(0, ProcessGroupModel::ProcessColumn).data().toString(), QStringLiteral("curl (77)"));
        proxy.sort(ProcessGroupModel::columnOf(TcpState::TimeWait), Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ProcessGroupModel::ProcessColumn).data().toString(), QStringLiteral("nginx (1234)"));
    }

    // End to end from snapshots: a connection the tracker saw owned keeps its owner into TIME-WAIT,
    // and the process's row counts it there.
    void timeWaitCountsForTheProcessThatHeldIt()
    {
        SnapshotBuilder open(1'700'000'000'000);
        open.add(TcpState::Established, 40000, 80).add(TcpState::Established, 40001, 80);
        SocketOwners owners;
        owners.processes = { m_nginx };
        owners.slots = { 1, 1 };
        ConnectionTracker tracker;
        tracker.update(open.build().withOwners(owners));
        SnapshotBuilder closed(1'700'000'001'000);
        closed.add(TcpState::TimeWait, 40000, 80).add(TcpState::Established, 40001, 80);
        SocketOwners later;
        later.processes = { m_nginx };
        later.slots = { 0, 1 };
        later.missing[size_t(SocketOwners::Missing::NoProcess)] = 1;
        tracker.update(closed.build().withOwners(later));

        std::vector<TrackedSocket> live;
        for (const TrackedSocket &t : tracker.slots()) {
            if (t.id)
                live.push_back(t);
        }
        ProcessGroupModel m;
        m.apply(live, &later);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(count(m, 0, TcpState::TimeWait), 1);
        QCOMPARE(m.countAt(0, ProcessGroupModel::RememberedColumn), 1);
    }

    // The socket table filtered to one process (the group view's double click) keeps its remembered
    // sockets too, and takes in a socket whose owner is named a poll later.
    void tableFilteredToOneProcess()
    {
        ConnectionTableModel table;
        ConnectionFilterProxy proxy;
        proxy.setSourceModel(&table);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<TrackedSocket> sockets = sample();
        std::vector<TrackerEvent> events;
        for (const TrackedSocket &t : sockets) {
            TrackerEvent ev;
            ev.kind = TrackerEvent::Kind::Appeared;
            ev.id = t.id;
            ev.to = t.entry.state;
            events.push_back(ev);
        }
        table.apply(sockets, 1000, events, 1000);
        proxy.setProcess(1234, 100);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setProcess(1234, 5); // the same pid, another process
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setProcess(77, 100);
        QCOMPARE(proxy.rowCount(), 2);
        sockets[8].owner = m_curl; // the other user's socket, named this poll
        table.apply(sockets, 2000, {}, 2000);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.clearProcess();
        QCOMPARE(proxy.rowCount(), 9);
    }
};

QTEST_GUILESS_MAIN(TestProcessGroupModel)
#include "tst_processgroupmodel.moc"
