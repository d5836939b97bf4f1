// LiveSession with real sources: ProcSource on the --proc-root fixture tree (51 sockets on
// "fixture-host") and synthetic snapshots through the test feed. The history grows per poll, a new
// host starts afresh and drops what the old one still had in flight, and the back-pressure skips.
#include "fixture.h"
#include "pipeline/livesession.h"
#include "pipeline/poller.h"
#include "snapshotbuilder.h"
#include "sources/local/procsource.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// Answers every poll with the same synthetic snapshot.
class FixedSource : public SnapshotSource
{
public:
    explicit FixedSource(Snapshot s)
        : m_snapshot(std::move(s))
    { }
    Snapshot poll() override { return m_snapshot; }
    QString description() const override { return QStringLiteral("fixed"); }

private:
    Snapshot m_snapshot;
};

SnapshotBuilder builder(const QString &host, qint64 timeMs, int sockets = 3)
{
    SnapshotBuilder b(timeMs);
    for (int i = 0; i < sockets; ++i)
        b.add(TcpState::Established, quint16(40000 + i), 443);
    b.data().host = host;
    return b;
}

Snapshot onHost(const QString &host, qint64 timeMs, int sockets = 3)
{
    return builder(host, timeMs, sockets).build();
}

// A session that polls one source once (the interval is long) and the results it tracked.
struct Polled
{
    explicit Polled(std::unique_ptr<SnapshotSource> source)
    {
        session.setIntervalMs(100'000);
        session.setSource(std::move(source));
    }
    LiveSession session;
    QSignalSpy tracked { &session, &LiveSession::tracked };
};

TrackerResultPtr resultAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(0).value<TrackerResultPtr>();
}
} // namespace

class TestLiveSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void historyGrowsPerPoll();
    void newHostStartsAfresh();
    void sameHostKeepsHistory();
    void staleResultsAreDropped();
    void backPressureSkipsAPoll();
    void invalidPollMarksAGap();
};

void TestLiveSession::historyGrowsPerPoll()
{
    LiveSession session;
    QSignalSpy tracked(&session, &LiveSession::tracked);
    session.setIntervalMs(Poller::MinIntervalMs);
    session.setSource(std::make_unique<ProcSource>(Fixture::path(QStringLiteral("procroot/linux-6.18"))));
    QCOMPARE(session.poller()->intervalMs(), Poller::MinIntervalMs);
    QTRY_VERIFY_WITH_TIMEOUT(tracked.count() >= 3, 5000);
    session.setPaused(true);
    QVERIFY(session.history().size() >= 3);
    QCOMPARE(session.history().size(), qsizetype(tracked.count()));
    QCOMPARE(session.lastSnapshot().host(), QStringLiteral("fixture-host"));
    QCOMPARE(session.history().last().count(TcpState::Closing), 2u);
    const TrackerResultPtr first = resultAt(tracked, 0);
    QCOMPARE(first->generation, session.generation());
    QCOMPARE(first->sockets.size(), size_t(51));
    QVERIFY(resultAt(tracked, 1)->events.empty()); // the same tree again: nothing moved
}

void TestLiveSession::newHostStartsAfresh()
{
    Polled p(std::make_unique<ProcSource>(Fixture::path(QStringLiteral("procroot/linux-6.18"))));
    auto &[session, tracked] = p;
    QSignalSpy changed(&session, &LiveSession::sourceChanged);
    QTRY_COMPARE(tracked.count(), 1);
    const quint64 before = session.generation();
    QCOMPARE(session.history().size(), 1);

    session.setSource(std::make_unique<FixedSource>(onHost(QStringLiteral("web1"), 5000)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toBool(), false);
    QCOMPARE(session.generation(), before + 1);
    QVERIFY(session.history().isEmpty());
    QVERIFY(session.lastSnapshot().isNull());
    QCOMPARE(session.sourceDescription(), QStringLiteral("fixed"));

    QTRY_COMPARE(tracked.count(), 2);
    const TrackerResultPtr r = resultAt(tracked, 1);
    QCOMPARE(r->generation, before + 1);
    QCOMPARE(r->sockets.size(), size_t(3)); // the tracker forgot the fixture's 51 sockets
    QCOMPARE(session.history().size(), 1);
    QCOMPARE(session.history().last().count(TcpState::Established), 3u);
    QCOMPARE(session.lastSnapshot().host(), QStringLiteral("web1"));
}

void TestLiveSession::sameHostKeepsHistory()
{
    Polled p(std::make_unique<FixedSource>(onHost(QStringLiteral("web1"), 1000)));
    auto &[session, tracked] = p;
    QTRY_COMPARE(tracked.count(), 1);
    const quint64 generation = session.generation();
    // The same host read another way (to record it): one history, one tracker.
    session.setSource(std::make_unique<FixedSource>(onHost(QStringLiteral("web1"), 2000, 4)), true);
    QCOMPARE(session.generation(), generation);
    QCOMPARE(session.history().size(), 1);
    QTRY_COMPARE(tracked.count(), 2);
    QCOMPARE(session.history().size(), 2);
    QCOMPARE(resultAt(tracked, 1)->events.size(), size_t(1)); // only the fourth socket is new
}

void TestLiveSession::staleResultsAreDropped()
{
    Polled p(std::make_unique<FixedSource>(onHost(QStringLiteral("old"), 1000)));
    auto &[session, tracked] = p;
    QTRY_COMPARE(tracked.count(), 1);

    // Two polls of the old host are on their way when the source changes: neither may show up.
    QVERIFY(session.feed(onHost(QStringLiteral("old"), 2000)));
    QVERIFY(session.feed(onHost(QStringLiteral("old"), 3000)));
    // The new source polls again soon: its first poll may find both of them still in flight.
    session.setIntervalMs(Poller::MinIntervalMs);
    session.setSource(std::make_unique<FixedSource>(onHost(QStringLiteral("new"), 9000, 2)));
    QTRY_VERIFY(tracked.count() >= 2);
    session.setPaused(true);
    QTRY_COMPARE(session.inFlight(), 0);
    for (qsizetype i = 1; i < tracked.count(); ++i) {
        QCOMPARE(resultAt(tracked, i)->snapshot.host(), QStringLiteral("new"));
        QCOMPARE(resultAt(tracked, i)->generation, session.generation());
    }
    QCOMPARE(session.history().size(), tracked.count() - 1);
    QCOMPARE(session.history().at(0).timeMs, 9000);
    QCOMPARE(session.lastSnapshot().host(), QStringLiteral("new"));
}

void TestLiveSession::backPressureSkipsAPoll()
{
    LiveSession session; // no source: the test feed only
    QSignalSpy tracked(&session, &LiveSession::tracked);
    // The tracker's results come back through the event loop, so none lands between these calls.
    QVERIFY(session.feed(onHost(QStringLiteral("h"), 1000)));
    QVERIFY(session.feed(onHost(QStringLiteral("h"), 2000)));
    QCOMPARE(session.inFlight(), LiveSession::MaxInFlight);
    QVERIFY(!session.feed(onHost(QStringLiteral("h"), 3000)));
    QCOMPARE(session.skipped(), 1);
    QTRY_COMPARE(tracked.count(), 2);
    QCOMPARE(session.inFlight(), 0);
    QCOMPARE(session.history().size(), 2);
    QCOMPARE(session.history().last().timeMs, 2000);
    // Caught up: the next poll goes through.
    QVERIFY(session.feed(onHost(QStringLiteral("h"), 4000)));
    QTRY_COMPARE(tracked.count(), 3);
    QCOMPARE(session.history().last().timeMs, 4000);
    QCOMPARE(session.skipped(), 1);
}

void TestLiveSession::invalidPollMarksAGap()
{
    LiveSession session;
    QSignalSpy tracked(&session, &LiveSession::tracked);
    QVERIFY(session.feed(onHost(QStringLiteral("h"), 1000)));
    QTRY_COMPARE(tracked.count(), 1);
    SnapshotData lost;
    lost.timeMs = 2000;
    lost.status = Status::failure(QStringLiteral("connection lost"));
    QVERIFY(session.feed(Snapshot(lost)));
    QTRY_COMPARE(tracked.count(), 2); // still said, for the status bar
    QCOMPARE(session.history().size(), 1);
    QCOMPARE(session.lastSnapshot().timeMs(), 1000); // the last good one stays
    QVERIFY(session.feed(onHost(QStringLiteral("h"), 3000)));
    QTRY_COMPARE(tracked.count(), 3);
    QCOMPARE(session.history().size(), 2);
    QVERIFY(session.history().last().gapBefore);

    // A stream that lost frames says so on the next snapshot: a gap in the history too.
    SnapshotBuilder afterLoss = builder(QStringLiteral("h"), 4000);
    afterLoss.data().gapBefore = true;
    QVERIFY(session.feed(afterLoss.build()));
    QTRY_COMPARE(tracked.count(), 4);
    QVERIFY(session.history().last().gapBefore);
    QVERIFY(!session.history().at(0).gapBefore);
}

QTEST_GUILESS_MAIN(TestLiveSession)
#include "tst_livesession.moc"
