#include "pipeline/poller.h"

#include <QSignalSpy>
#include <QTest>

namespace {
// A source whose polls report a fixed cost, and that has counters.
class CostlySource : public SnapshotSource
{
public:
    explicit CostlySource(qint64 costUs)
        : m_costUs(costUs)
    { }
    Snapshot poll() override
    {
        SnapshotData d;
        d.timeMs = 1;
        d.sockets.resize(1000);
        for (size_t i = 0; i < d.sockets.size(); ++i)
            d.sockets[i].localPort = quint16(i + 1); // distinct, or the snapshot drops them as duplicates
        d.pollDurationUs = m_costUs;
        return Snapshot(std::move(d));
    }
    QString description() const override { return QStringLiteral("costly"); }
    bool readCounters(Counters &out) override
    {
        out.set(QStringLiteral("TCP.tw"), 7);
        return true;
    }

private:
    qint64 m_costUs;
};
} // namespace

// The poller spaces out full snapshots that cost more than the budget and sends counters meanwhile.
class TestPollerPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expensiveSourceIsPaced()
    {
        Poller poller(std::make_unique<CostlySource>(30'000)); // 30 ms against a 5 ms budget at 100 ms
        poller.setIntervalMs(100);
        QSignalSpy pacing(&poller, &Poller::pacingChanged);
        QSignalSpy counters(&poller, &Poller::countersReady);
        QSignalSpy snapshots(&poller, &Poller::snapshotReady);
        poller.start();
        QVERIFY(pacing.wait(2000));
        QCOMPARE(pacing.constFirst().at(0).toBool(), true);
        QVERIFY(pacing.constFirst().at(1).toString().contains(QLatin1String("1,000 sockets")));
        QCOMPARE(poller.pacer().fullIntervalMs(), 600);
        QTRY_VERIFY_WITH_TIMEOUT(counters.size() >= 3, 2000);
        QCOMPARE(counters.constLast().at(0).value<Counters>().timeWaitSockets(), 7);
        // Counters at 100 ms, snapshots at 600 ms: several counters per snapshot.
        QVERIFY(counters.size() > snapshots.size());
    }

    void cheapSourceIsNot()
    {
        Poller poller(std::make_unique<CostlySource>(1'000));
        poller.setIntervalMs(100);
        QSignalSpy pacing(&poller, &Poller::pacingChanged);
        QSignalSpy counters(&poller, &Poller::countersReady);
        QSignalSpy snapshots(&poller, &Poller::snapshotReady);
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.size() >= 3, 2000);
        QCOMPARE(pacing.size(), 0);
        QCOMPARE(counters.size(), 0);
        QVERIFY(!poller.pacer().isSlowed());
    }
};

QTEST_GUILESS_MAIN(TestPollerPacing)
#include "tst_pollerpacing.moc"
