#include "pipeline/snapshotpacer.h"

#include <QTest>

class TestSnapshotPacer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cheapPollsKeepTheRequestedRate()
    {
        SnapshotPacer p; // 5% of a core
        p.setRequestedIntervalMs(1000);
        for (int i = 0; i < 5; ++i)
            p.recordPoll(20'000, 10'000); // 20 ms < 50 ms budget
        QCOMPARE(p.fullIntervalMs(), 1000);
        QVERIFY(!p.isSlowed());
        QVERIFY(p.reason().isEmpty());
    }

    void expensivePollsAreSpacedOut()
    {
        SnapshotPacer p;
        p.setRequestedIntervalMs(1000);
        p.recordPoll(92'000, 100'036);
        QCOMPARE(p.fullIntervalMs(), 2000); // 92 ms needs 2 s at 5%
        QVERIFY(p.isSlowed());
        QCOMPARE(p.reason(),
            QStringLiteral("100,036 sockets: a full read costs 92 ms of CPU, so the table is read every 2 s (counters "
                           "every 1 s)"));
        p.recordPoll(5'000'000, 100'036); // a pathological host: capped
        QCOMPARE(p.fullIntervalMs(), 1000 * SnapshotPacer::MaxFactor);
    }

    void speedsUpAgainWithHysteresis()
    {
        SnapshotPacer p;
        p.setRequestedIntervalMs(1000);
        p.recordPoll(92'000, 100'000);
        QCOMPARE(p.fullIntervalMs(), 2000);
        p.recordPoll(45'000, 50'000); // smoothed ~78 ms: still 2 s
        QCOMPARE(p.fullIntervalMs(), 2000);
        for (int i = 0; i < 20; ++i)
            p.recordPoll(10'000, 10'000);
        QCOMPARE(p.fullIntervalMs(), 1000);
    }

    void longerRequestedIntervalNeedsNoSlowing()
    {
        SnapshotPacer p;
        p.recordPoll(92'000, 100'000);
        QVERIFY(p.isSlowed());
        p.setRequestedIntervalMs(5000); // 250 ms budget
        QVERIFY(!p.isSlowed());
        QCOMPARE(p.fullIntervalMs(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotPacer)
#include "tst_snapshotpacer.moc"
