#include "pipeline/poller.h"

#include <QAtomicInt>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

namespace {
// A deliberately slow source that records overlap and the thread it runs on.
class SlowSource : public SnapshotSource
{
public:
    SlowSource(QAtomicInt *running, QAtomicInt *overlaps, Qt::HANDLE *thread)
        : m_running(running)
        , m_overlaps(overlaps)
        , m_thread(thread)
    { }
    Snapshot poll() override
    {
        if (m_running->fetchAndAddOrdered(1) > 0)
            m_overlaps->ref();
        *m_thread = QThread::currentThreadId();
        QThread::msleep(150);
        m_running->deref();
        SnapshotData d;
        d.timeMs = ++m_count;
        return Snapshot(std::move(d));
    }
    QString description() const override { return QStringLiteral("slow"); }

private:
    QAtomicInt *m_running;
    QAtomicInt *m_overlaps;
    Qt::HANDLE *m_thread;
    int m_count = 0;
};
} // namespace

class TestPoller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pollsOffTheGuiThreadWithoutOverlap();
    void pauseStopsPolling();
    void intervalHasAFloor();
};

void TestPoller::pollsOffTheGuiThreadWithoutOverlap()
{
    QAtomicInt running, overlaps;
    Qt::HANDLE thread = nullptr;
    Poller p(std::make_unique<SlowSource>(&running, &overlaps, &thread));
    p.setIntervalMs(100); // shorter than a poll: the next must still wait for the last
    QSignalSpy spy(&p, &Poller::snapshotReady);
    p.start();
    for (int i = 0; i < 4; ++i)
        p.pollNow(); // ignored while one is in flight
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 4, 5000);
    QCOMPARE(overlaps.loadRelaxed(), 0);
    QVERIFY(thread != QThread::currentThreadId());
    QCOMPARE(spy.at(0).at(0).value<Snapshot>().timeMs(), 1);
    QCOMPARE(spy.at(1).at(0).value<Snapshot>().timeMs(), 2);
}

void TestPoller::pauseStopsPolling()
{
    QAtomicInt running, overlaps;
    Qt::HANDLE thread = nullptr;
    Poller p(std::make_unique<SlowSource>(&running, &overlaps, &thread));
    p.setIntervalMs(100);
    QSignalSpy spy(&p, &Poller::snapshotReady);
    p.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 5000);
    p.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(!p.isPolling(), 2000);
    const int n = int(spy.count());
    QTest::qWait(500);
    QCOMPARE(int(spy.count()), n);
    p.setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() > n, 5000);
}

void TestPoller::intervalHasAFloor()
{
    QAtomicInt running, overlaps;
    Qt::HANDLE thread = nullptr;
    Poller p(std::make_unique<SlowSource>(&running, &overlaps, &thread));
    p.setIntervalMs(5);
    QCOMPARE(p.intervalMs(), Poller::MinIntervalMs);
    QCOMPARE(p.sourceDescription(), QStringLiteral("slow"));
}

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
