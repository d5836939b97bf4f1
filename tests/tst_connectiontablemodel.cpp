#include "models/connectiontablemodel.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>
#include <map>

// The model and a proxy sorted by one column by SortRole, both under QAbstractItemModelTester.
struct SortedModel
{
    explicit SortedModel(int column)
    {
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConnectionTableModel::SortRole);
        proxy.sort(column);
    }
    ConnectionTableModel model;
    QAbstractItemModelTester tester { &model, QAbstractItemModelTester::FailureReportingMode::QtTest };
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest };
};

class TestConnectionTableModel : public QObject
{
    Q_OBJECT
private:
    // Rows the model shows for live (not vanished) sockets, by tracker id, with their state.
    static std::map<quint64, TcpState> liveRows(const ConnectionTableModel &m)
    {
        std::map<quint64, TcpState> out;
        for (int r = 0; r < m.rowCount(); ++r) {
            if (m.statusAt(r) != ConnectionTableModel::Vanished)
                out[m.socketAt(r).id] = m.socketAt(r).entry.state;
        }
        return out;
    }

private Q_SLOTS:
    // Many scattered vanished rows go in one layout change (rowsRemoved per run costs O(rows) each in
    // the proxy and the view); persistent indexes follow their sockets and the proxy stays consistent.
    void scatteredRemovalIsOneLayoutChange()
    {
        SortedModel sorted(ConnectionTableModel::LocalColumn);
        ConnectionTableModel &model = sorted.model;
        QSortFilterProxyModel &proxy = sorted.proxy;
        ConnectionTracker tracker;
        SnapshotBuilder all(1'700'000'000'000);
        SnapshotBuilder odd(1'700'000'001'000);
        for (quint16 port = 20000; port < 20400; ++port) {
            all.add(TcpState::Established, port, 80);
            if (port % 2)
                odd.add(TcpState::Established, port, 80);
        }
        qint64 now = 1000;
        model.apply(tracker, tracker.update(all.build()), now);
        QCOMPARE(model.rowCount(), 400);
        const QPersistentModelIndex kept = model.index(301, ConnectionTableModel::StateColumn); // port 20301
        const QPersistentModelIndex gone = model.index(300, ConnectionTableModel::StateColumn); // port 20300
        const quint64 keptId = model.socketAt(kept.row()).id;

        model.apply(tracker, tracker.update(odd.build()), now += 500); // 200 vanish: they fade first
        QCOMPARE(model.rowCount(), 400);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.apply(tracker, tracker.update(odd.build()), now += ConnectionTableModel::FadeMs);
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(layout.count(), 1);
        QVERIFY(kept.isValid());
        QCOMPARE(model.socketAt(kept.row()).id, keptId);
        QCOMPARE(kept.row(), 150);
        QVERIFY(!gone.isValid());
        QCOMPARE(proxy.rowCount(), 200);
        for (int r = 0; r < proxy.rowCount(); ++r)
            QCOMPARE(model.socketAt(proxy.mapToSource(proxy.index(r, 0)).row()).entry.localPort, 20001 + 2 * r);

        // A few runs are still signalled as row removals.
        SnapshotBuilder few(1'700'000'002'000);
        for (quint16 port = 20001; port < 20400; port += 2) {
            if (port < 20100 || port > 20110)
                few.add(TcpState::Established, port, 80);
        }
        model.apply(tracker, tracker.update(few.build()), now += 500);
        model.apply(tracker, tracker.update(few.build()), now += ConnectionTableModel::FadeMs);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(model.rowCount(), 195); // 20101 .. 20109 gone, one run
    }

    void manyCyclesPassTheTester()
    {
        SortedModel sorted(ConnectionTableModel::StateColumn);
        ConnectionTableModel &model = sorted.model;
        QSortFilterProxyModel &proxy = sorted.proxy;
        proxy.setDynamicSortFilter(true);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // A second model fed the way the window feeds it: a copy of the live sockets sorted by id.
        ConnectionTableModel copyFed;
        QAbstractItemModelTester copyTester(&copyFed, QAbstractItemModelTester::FailureReportingMode::QtTest);

        ConnectionTracker tracker;
        QRandomGenerator rng(42);
        std::map<quint16, TcpState> live; // local port -> state
        const TcpState states[] = { TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::TimeWait,
            TcpState::CloseWait, TcpState::LastAck, TcpState::SynSent };
        qint64 now = 1000;
        for (int cycle = 0; cycle < 60; ++cycle) {
            // Some appear, some change state, some vanish.
            for (int i = 0; i < 8; ++i)
                live[quint16(20000 + rng.bounded(400))] = states[rng.bounded(int(std::size(states)))];
            for (auto it = live.begin(); it != live.end();) {
                const quint32 dice = rng.bounded(10);
                if (dice == 0) {
                    it = live.erase(it);
                    continue;
                }
                if (dice == 1)
                    it->second = states[rng.bounded(int(std::size(states)))];
                ++it;
            }
            SnapshotBuilder b(1'700'000'000'000 + cycle * 1000);
            for (const auto &[port, state] : live)
                b.add(state, port, 80);
            const auto events = tracker.update(b.build());
            now += 600; // vanished rows fade over two polls
            model.apply(tracker, events, now);
            std::vector<TrackedSocket> byId;
            for (const TrackedSocket &t : tracker.slots()) {
                if (t.id != 0)
                    byId.push_back(t);
            }
            std::sort(byId.begin(), byId.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
            copyFed.apply(byId, tracker.lastUpdateMs(), events, now);
            QCOMPARE(liveRows(copyFed), liveRows(model));
            QCOMPARE(copyFed.rowCount(), model.rowCount());

            const auto rows = liveRows(model);
            QCOMPARE(qsizetype(rows.size()), tracker.size());
            for (const TrackedSocket &t : tracker.slots()) {
                if (t.id == 0)
                    continue;
                QVERIFY(rows.count(t.id));
                QCOMPARE(rows.at(t.id), t.entry.state);
                QCOMPARE(model.rowOf(t.id) >= 0, true);
            }
        }
        QCOMPARE(resets.count(), 0);
        // Vanished rows do go away once faded.
        model.apply(tracker, tracker.update(SnapshotBuilder(1'800'000'000'000).build()), now + 5000);
        model.apply(tracker, {}, now + 10'000);
        QCOMPARE(model.rowCount(), 0);
    }

    void statusesFlashAndFade()
    {
        ConnectionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConnectionTracker tracker;
        model.apply(tracker, tracker.update(SnapshotBuilder(1000).add(TcpState::Established, 5000, 80).build()), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.statusAt(0), ConnectionTableModel::Steady); // existed before we started

        auto second = SnapshotBuilder(2000).add(TcpState::TimeWait, 5000, 80).add(TcpState::SynSent, 5001, 80);
        model.apply(tracker, tracker.update(second.build()), 1000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.statusAt(0), ConnectionTableModel::Closing);
        QCOMPARE(model.statusAt(1), ConnectionTableModel::Appeared);
        QCOMPARE(model.data(model.index(0, ConnectionTableModel::StateColumn)).toString(), QStringLiteral("TIME_WAIT"));
        QCOMPARE(model.data(model.index(0, ConnectionTableModel::TimerRemainingColumn)).toString(),
            QStringLiteral("30.0 s"));

        model.apply(tracker, tracker.update(SnapshotBuilder(3000).add(TcpState::TimeWait, 5000, 80).build()), 2000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.statusAt(1), ConnectionTableModel::Vanished);
        QCOMPARE(model.statusAt(0), ConnectionTableModel::Closing); // flash lasts FlashMs
        model.apply(tracker, tracker.update(SnapshotBuilder(4000).add(TcpState::TimeWait, 5000, 80).build()),
            2000 + ConnectionTableModel::FadeMs + ConnectionTableModel::FlashMs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.statusAt(0), ConnectionTableModel::Steady);
    }

    void oneDataChangedPerPoll()
    {
        ConnectionTableModel model;
        ConnectionTracker tracker;
        SnapshotBuilder b(1000);
        for (quint16 p = 1; p <= 500; ++p)
            b.add(TcpState::Established, p, 80);
        model.apply(tracker, tracker.update(b.build()), 0);
        for (quint16 p = 1; p <= 500; p += 20)
            b.data().sockets[p - 1].state = TcpState::FinWait1;
        b.data().timeMs = 2000;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.apply(tracker, tracker.update(b.build()), 1000);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 0);
    }

    // The Process column: "name (pid)", a tooltip with the command line, italics (OwnerRememberedRole)
    // once the socket is in TIME_WAIT and only remembered; one dataChanged over that column when it moves.
    // "In state" of a socket there before the first poll is a lower bound ("≥"), said in its tooltip;
    // one born while watching is exact.
    void agesBeforeTheFirstPollAreLowerBounds()
    {
        SortedModel sorted(ConnectionTableModel::TimeInStateColumn);
        ConnectionTableModel &model = sorted.model;
        ConnectionTracker tracker;
        SnapshotBuilder b(1000);
        b.add(TcpState::Established, 40000, 80);
        model.apply(tracker, tracker.update(b.build()), 0);
        b.data().timeMs = 66'000;
        b.add(TcpState::Established, 40001, 80);
        model.apply(tracker, tracker.update(b.build()), 0);
        b.data().timeMs = 71'000;
        model.apply(tracker, tracker.update(b.build()), 0);
        QCOMPARE(model.rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            const QModelIndex cell = model.index(r, ConnectionTableModel::TimeInStateColumn);
            const bool old = model.socketAt(r).entry.localPort == 40000;
            QCOMPARE(cell.data().toString(), old ? QStringLiteral("\u2265 1 min 10 s") : QStringLiteral("5 s"));
            QVERIFY(cell.data(Qt::ToolTipRole)
                        .toString()
                        .contains(old ? QLatin1String("at least") : QLatin1String("saw it")));
        }
    }

    void processColumnFollowsOwners()
    {
        SortedModel sorted(ConnectionTableModel::ProcessColumn);
        ConnectionTableModel &model = sorted.model;
        model.setCommandLineLookup([](const ProcessOwner &o) { return QStringLiteral("/usr/bin/%1 -v").arg(o.name); });
        ProcessOwner nginx;
        nginx.pid = 812;
        nginx.name = QStringLiteral("nginx");
        nginx.user = QStringLiteral("www-data");
        nginx.unit = QStringLiteral("nginx.service");
        const auto owner = std::make_shared<const ProcessOwner>(nginx);
        auto withOwner = [&owner](const Snapshot &s) {
            SocketOwners o;
            o.processes.push_back(owner);
            for (const SocketEntry &e : s.sockets())
                o.slots.push_back(e.inode != 0 ? 1 : 0);
            return s.withOwners(std::move(o));
        };
        ConnectionTracker tracker;
        SnapshotBuilder b(1000);
        b.add(TcpState::Established, 40000, 80).add(TcpState::Established, 40001, 80);
        model.apply(tracker, tracker.update(withOwner(b.build())), 0);
        const QModelIndex cell = model.index(0, ConnectionTableModel::ProcessColumn);
        QCOMPARE(cell.data().toString(), QStringLiteral("nginx (812)"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("/usr/bin/nginx -v")));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("nginx.service")));
        QVERIFY(!cell.data(ConnectionTableModel::OwnerRememberedRole).toBool());

        // The first one closes: TIME_WAIT, inode 0, its owner remembered.
        b.data().timeMs = 2000;
        SocketEntry &closed = b.data().sockets[0];
        closed.state = TcpState::TimeWait;
        closed.kind = RowKind::TimeWaitSock;
        closed.inode = 0;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.apply(tracker, tracker.update(withOwner(b.build())), 100);
        const int row = model.rowOf(tracker.slots().front().id);
        const QModelIndex remembered = model.index(row, ConnectionTableModel::ProcessColumn);
        QCOMPARE(remembered.data().toString(), QStringLiteral("nginx (812)"));
        QVERIFY(remembered.data(ConnectionTableModel::OwnerRememberedRole).toBool());
        QVERIFY(remembered.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Remembered")));
        QVERIFY(!model.index(1 - row, ConnectionTableModel::ProcessColumn)
                     .data(ConnectionTableModel::OwnerRememberedRole)
                     .toBool());
        bool processChanged = false;
        for (const QList<QVariant> &args : changed) {
            const auto from = args[0].value<QModelIndex>();
            processChanged
                = processChanged || (from.column() == ConnectionTableModel::ProcessColumn && from.row() == row);
        }
        QVERIFY(processChanged);

        // No owner known: an empty cell, no tooltip.
        model.apply(tracker, tracker.update(SnapshotBuilder(3000).add(TcpState::Listen, 9000, 0).build()), 200);
        int listener = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            listener = model.socketAt(r).entry.state == TcpState::Listen ? r : listener;
        const QModelIndex unknown = model.index(listener, ConnectionTableModel::ProcessColumn);
        QVERIFY(unknown.isValid());
        QCOMPARE(unknown.data().toString(), QString());
        QVERIFY(!unknown.data(Qt::ToolTipRole).isValid());
    }

    void copiesRowsAsText()
    {
        ConnectionTableModel model;
        ConnectionTracker tracker;
        model.apply(tracker, tracker.update(SnapshotBuilder().add(TcpState::Listen, 8080, 0).build()), 0);
        const QStringList lines = model.rowsAsText({ 0 }).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("Family\tLocal\tRemote\tState")));
        QVERIFY(lines[1].startsWith(QStringLiteral("IPv4\t127.0.0.1:8080\t0.0.0.0:*\tLISTEN")));
    }

    // IPv6 rows that share their first 4 address bytes (one /32) sort by all 16 bytes, then the port,
    // through SortRole (a QSortFilterProxyModel) and compareRows() (ConnectionFilterProxy) alike.
    void ipv6SortsByAllSixteenBytes()
    {
        SnapshotBuilder b;
        const quint8 lastBytes[] = { 0x30, 0x10, 0x20, 0x10 };
        const quint16 ports[] = { 443, 443, 443, 80 };
        for (int i = 0; i < 4; ++i) {
            b.add(TcpState::Established, ports[i], 50000, AddressFamily::IPv6);
            SocketEntry &e = b.data().sockets.back();
            e.localAddr = { 0x20, 0x01, 0x0d, 0xb8 }; // 2001:db8::/32
            e.localAddr[15] = lastBytes[i];
            e.remoteAddr = e.localAddr;
            e.remotePort = quint16(50000 + i);
        }
        ConnectionTableModel model;
        ConnectionTracker tracker;
        model.apply(tracker, tracker.update(b.build()), 1000);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConnectionTableModel::SortRole);
        for (int column : { int(ConnectionTableModel::LocalColumn), int(ConnectionTableModel::RemoteColumn) }) {
            proxy.sort(column);
            QStringList order;
            for (int r = 0; r < proxy.rowCount(); ++r)
                order << proxy.index(r, column).data().toString();
            const QString local = column == ConnectionTableModel::LocalColumn
                ? QStringLiteral("80,443,443,443")
                : QStringLiteral("50001,50003,50002,50000");
            QVERIFY2(order.at(0).contains(QLatin1String("::10")), qPrintable(order.join(QLatin1Char(' '))));
            QVERIFY2(order.at(3).contains(QLatin1String("::30")), qPrintable(order.join(QLatin1Char(' '))));
            QStringList portOrder;
            for (int r = 0; r < proxy.rowCount(); ++r) {
                const SocketEntry &e = model.socketAt(proxy.mapToSource(proxy.index(r, 0)).row()).entry;
                portOrder << QString::number(column == ConnectionTableModel::LocalColumn ? e.localPort : e.remotePort);
                if (r > 0) {
                    const int prev = proxy.mapToSource(proxy.index(r - 1, 0)).row();
                    QVERIFY(model.compareRows(prev, proxy.mapToSource(proxy.index(r, 0)).row(), column) < 0);
                }
            }
            QCOMPARE(portOrder.join(QLatin1Char(',')), local);
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
