// ConnectionFilterProxy: after every poll its rows are exactly the source's accepted rows in sort
// order, through inserts, scattered removals, state changes and source layout changes, with
// QAbstractItemModelTester on both models and a real view attached.
#include "core/tcpstatemachine.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "parse/ssfilterparser.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <map>

namespace {
// What the proxy must show: accepted source rows, sorted by the column, ties by tracker id.
std::vector<quint64> expected(const ConnectionTableModel &m, int column, Qt::SortOrder order,
    const std::function<bool(const SocketEntry &)> &accept)
{
    std::vector<int> rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        if (accept(m.socketAt(r).entry))
            rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        if (column >= 0) {
            const int c = m.compareRows(a, b, column);
            if (c != 0)
                return order == Qt::AscendingOrder ? c < 0 : c > 0;
            return m.socketAt(a).id < m.socketAt(b).id;
        }
        return a < b;
    });
    std::vector<quint64> ids;
    for (int r : rows)
        ids.push_back(m.socketAt(r).id);
    return ids;
}

std::vector<quint64> shown(const ConnectionFilterProxy &p)
{
    std::vector<quint64> ids;
    for (int r = 0; r < p.rowCount(); ++r)
        ids.push_back(p.index(r, 0).data(ConnectionTableModel::IdRole).toULongLong());
    return ids;
}
} // namespace

class TestConnectionFilterProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheSourceThroughChurn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("state"); // -1: no state filter
        QTest::addColumn<int>("churn"); // sockets replaced and changed per poll, percent
        const int none = -1;
        QTest::newRow("kernel order, light churn") << -1 << 0 << QString() << none << 3;
        QTest::newRow("kernel order, heavy churn") << -1 << 0 << QString() << none << 30;
        QTest::newRow("by local address") << int(ConnectionTableModel::LocalColumn) << 0 << QString() << none << 30;
        QTest::newRow("by state") << int(ConnectionTableModel::StateColumn) << 0 << QString() << none << 30;
        QTest::newRow("by state, light") << int(ConnectionTableModel::StateColumn) << 0 << QString() << none << 2;
        QTest::newRow("by state, descending") << int(ConnectionTableModel::StateColumn) << 1 << QString() << none << 30;
        QTest::newRow("by timer left") << int(ConnectionTableModel::TimerRemainingColumn) << 0 << QString() << none
                                       << 30;
        QTest::newRow("by send-Q") << int(ConnectionTableModel::SendQColumn) << 1 << QString() << none << 10;
        QTest::newRow("state filter") << int(ConnectionTableModel::RemoteColumn) << 0 << QString()
                                      << int(TcpState::TimeWait) << 30;
        QTest::newRow("text filter") << int(ConnectionTableModel::StateColumn) << 0 << QStringLiteral("state:fin")
                                     << none << 30;
        // "ss ..." rows: an ss expression (SsFilterParser) instead of the plain text.
        QTest::newRow("ss expression") << int(ConnectionTableModel::LocalColumn) << 0
                                       << QStringLiteral("ss exclude time-wait ( sport < :10150 or sport > :10300 )")
                                       << none << 30;
        QTest::newRow("ss expression, state filter")
            << -1 << 0 << QStringLiteral("ss state bucket dport != :80 or sport > :10100") << int(TcpState::TimeWait)
            << 10;
    }

    void followsTheSourceThroughChurn()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, filter);
        QFETCH(int, state);
        QFETCH(int, churn);
        const auto sortOrder = order ? Qt::DescendingOrder : Qt::AscendingOrder;

        ConnectionTableModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConnectionFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTableView view; // the view's own bookkeeping runs through every signal too
        view.setModel(&proxy);
        view.resize(600, 400);
        view.show();
        proxy.sort(column, sortOrder);
        if (state >= 0)
            proxy.setState(TcpState(state));
        SsFilter expression;
        const bool ss = filter.startsWith(QLatin1String("ss "));
        if (ss) {
            const Expected<SsFilter> parsed = SsFilterParser::parse(filter.sliced(3));
            QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
            expression = *parsed;
            proxy.setSearch({}, expression);
        } else if (!filter.isEmpty()) {
            proxy.setText(filter);
        }
        const auto accept = [&](const SocketEntry &e) {
            if (state >= 0 && TcpStateMachine::diagramState(e.state) != TcpState(state))
                return false;
            if (ss)
                return expression.matches(e);
            return filter.isEmpty() || TcpStates::kernelName(e.state).startsWith(QStringLiteral("FIN"));
        };

        ConnectionTracker tracker;
        QRandomGenerator rng(7);
        const TcpState states[] = { TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::TimeWait,
            TcpState::CloseWait, TcpState::LastAck };
        std::map<quint16, std::pair<TcpState, quint32>> live; // port -> state, send queue
        quint16 nextPort = 10000;
        for (int i = 0; i < 400; ++i)
            live[nextPort++] = { states[rng.bounded(6)], rng.bounded(5u) * 100 };
        qint64 now = 1000;
        QPersistentModelIndex watched;
        quint64 watchedId = 0;
        for (int poll = 0; poll < 25; ++poll) {
            if (poll > 0) {
                for (auto it = live.begin(); it != live.end();) {
                    const quint32 dice = rng.bounded(100);
                    if (dice < quint32(churn) / 2) {
                        it = live.erase(it);
                        live[nextPort++] = { states[rng.bounded(6)], 0 };
                        continue;
                    }
                    if (dice < quint32(churn))
                        it->second = { states[rng.bounded(6)], rng.bounded(5u) * 100 };
                    ++it;
                }
            }
            SnapshotBuilder b(1'700'000'000'000 + poll * 1000);
            for (const auto &[port, s] : live) {
                b.add(s.first, port, 80);
                b.data().sockets.back().txQueue = s.second;
            }
            model.apply(tracker, tracker.update(b.build()), now += 600); // vanished rows fade over two polls
            QCOMPARE(shown(proxy), expected(model, column, sortOrder, accept));
            if (watched.isValid()) // a selected socket stays selected while it changes and moves
                QCOMPARE(watched.data(ConnectionTableModel::IdRole).toULongLong(), watchedId);
            if (!watched.isValid() && proxy.rowCount() > 10) {
                watched = proxy.index(proxy.rowCount() / 2, 3);
                watchedId = watched.data(ConnectionTableModel::IdRole).toULongLong();
            }
        }
        QVERIFY(watchedId != 0);
    }

    void filterAndSortChangesKeepTheSelection()
    {
        ConnectionTableModel model;
        ConnectionFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConnectionTracker tracker;
        SnapshotBuilder b;
        for (quint16 port = 5000; port < 5050; ++port)
            b.add(port % 2 ? TcpState::TimeWait : TcpState::Established, port, 80);
        model.apply(tracker, tracker.update(b.build()), 0);
        QCOMPARE(proxy.rowCount(), 50);
        const QPersistentModelIndex p = proxy.index(7, 1); // port 5007, TIME_WAIT
        QCOMPARE(p.data().toString(), QStringLiteral("127.0.0.1:5007"));
        proxy.sort(ConnectionTableModel::LocalColumn, Qt::DescendingOrder);
        QCOMPARE(p.row(), 42);
        QCOMPARE(p.data().toString(), QStringLiteral("127.0.0.1:5007"));
        proxy.setState(TcpState::TimeWait);
        QCOMPARE(proxy.rowCount(), 25);
        QCOMPARE(p.data().toString(), QStringLiteral("127.0.0.1:5007"));
        proxy.setState(TcpState::Established);
        QVERIFY(!p.isValid()); // filtered out
        proxy.setState(std::nullopt);
        proxy.setText(QStringLiteral("port:5010"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), 10);
        QCOMPARE(proxy.mapFromSource(model.index(10, 2)), proxy.index(0, 2));
        QVERIFY(!proxy.mapFromSource(model.index(11, 2)).isValid());
        // An ss expression and the plain text narrow together; setText keeps the expression.
        const Expected<SsFilter> odd = SsFilterParser::parse(QStringLiteral("state time-wait sport >= :5040"));
        QVERIFY(odd.ok());
        proxy.setSearch({}, *odd);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setText(QStringLiteral("5041"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearch({}, {});
        QCOMPARE(proxy.rowCount(), 50);
    }
};

QTEST_MAIN(TestConnectionFilterProxy)
#include "tst_connectionfilterproxy.moc"
