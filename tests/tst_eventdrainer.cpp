#include "pipeline/eventdrainer.h"

#include <QTest>

#include <atomic>

// EventDrainer's contract with the pipeline, on a scripted feed: the kernel's real ring buffer cannot
// be made to overflow on demand here (tst_eventpipeline drains the real one). The feed's outcome
// reaches `started`, take() hands over everything drained (oldest first) with the changes lost since
// the previous take(), and a loss calls `lost` so the poller can poll at once.
class TestEventDrainer : public QObject
{
    Q_OBJECT

    struct ScriptedFeed : StateEventFeed
    {
        Status startWith;
        std::atomic<quint64> lost { 0 };
        std::atomic<int> pending { 0 };
        quint64 next = 1;
        Status start() override { return startWith; }
        Expected<qsizetype> drain(std::vector<TcpStateEvent> &out, int) override
        {
            const int n = pending.exchange(0);
            for (int i = 0; i < n; ++i) {
                TcpStateEvent e;
                e.cookie = next++;
                out.push_back(e);
            }
            return qsizetype(n);
        }
        quint64 lostEvents() const override { return lost.load(); }
    };

private Q_SLOTS:
    void refusedFeedSaysWhyAndTakesNothing()
    {
        auto feed = std::make_shared<ScriptedFeed>();
        feed->startWith = Status::failure(QStringLiteral("needs CAP_BPF"));
        EventDrainer d(feed);
        const std::optional<Status> s = d.waitStarted(5000);
        QVERIFY(s && !s->ok());
        QCOMPARE(s->error(), QStringLiteral("needs CAP_BPF"));
        QVERIFY(!d.isRunning());
        QVERIFY(!d.take());
    }

    void takeHandsOverInOrderWithLosses()
    {
        auto feed = std::make_shared<ScriptedFeed>();
        std::atomic<int> losses { 0 };
        EventDrainer d(feed, {}, [&losses] { ++losses; });
        QVERIFY(d.waitStarted(5000)->ok());
        feed->pending = 3;
        auto first = d.take(); // drains what is pending itself: nothing waits for the 50 ms loop
        QVERIFY(first);
        QCOMPARE(first->changes.size(), size_t(3));
        QCOMPARE(first->changes.front().cookie, quint64(1));
        QCOMPARE(first->changes.back().cookie, quint64(3));
        QCOMPARE(first->lostSincePrevious, quint64(0));
        feed->lost = 7;
        QTRY_COMPARE_WITH_TIMEOUT(losses.load(), 1, 2000);
        feed->pending = 1;
        auto second = d.take();
        QCOMPARE(second->changes.size(), size_t(1));
        QCOMPARE(second->changes.front().cookie, quint64(4));
        QCOMPARE(second->lostSincePrevious, quint64(7));
        QCOMPARE(second->lostTotal, quint64(7));
        QCOMPARE(d.take()->lostSincePrevious, quint64(0));
        QTest::qWait(3 * EventDrainer::DrainMs);
        QCOMPARE(losses.load(), 1); // once per loss, not once per drain
    }
};

QTEST_GUILESS_MAIN(TestEventDrainer)
#include "tst_eventdrainer.moc"
