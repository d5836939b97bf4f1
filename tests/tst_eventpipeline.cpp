#include "loopbackpairs.h"
#include "netnamespace.h"
#include "pipeline/livesession.h"
#include "pipeline/poller.h"
#include "sources/local/ebpf/tcpstateeventsource.h"
#include "sources/local/netlinksource.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"
#include "testmain.h"
#include "tracker/connectiontracker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

// The live pipeline with the kernel's state changes joined (tracker/eventchains.h): 500 connections
// that open and close between two polls are each reported exactly, hop by hop, by the tracker.
class TestEventPipeline : public QObject
{
    Q_OBJECT

    // The session's next tracked poll after pollNow().
    static TrackerResultPtr pollOnce(LiveSession &session)
    {
        QSignalSpy tracked(&session, &LiveSession::tracked);
        session.pollNow();
        if (!tracked.wait(10'000))
            return nullptr;
        return tracked.takeFirst().at(0).value<TrackerResultPtr>();
    }

    // Hops from -> to over every event's path; observedOnly counts only what the kernel reported.
    static int hops(const std::vector<TrackerEvent> &events, TcpState from, TcpState to, bool observedOnly)
    {
        int n = 0;
        for (const TrackerEvent &ev : events) {
            for (int i = 0; i < ev.hops(); ++i) {
                if (ev.path[i] == from && ev.path[i + 1] == to && (!observedOnly || ev.hopObserved(i)))
                    ++n;
            }
        }
        return n;
    }

    // A session on netlink with the event feed running; false (after QFAIL/QSKIP) when it cannot.
    static bool startWithEvents(LiveSession &session)
    {
        session.setIntervalMs(600'000); // only pollNow() polls
        QSignalSpy started(&session, &LiveSession::stateEventsChanged);
        session.setSource(std::make_unique<NetlinkSource>());
        if (!started.wait(10'000))
            return false;
        if (!started.at(0).at(0).toBool()) {
            const QString why = started.at(0).at(1).toString();
            if (NetNamespace::mustNotSkip())
                QTest::qFail(qPrintable(why), __FILE__, __LINE__);
            else
                QTest::qSkip(qPrintable(why), __FILE__, __LINE__);
            return false;
        }
        return session.sourceDescription().endsWith(QLatin1String(" + eBPF"));
    }

private Q_SLOTS:
    void burstBetweenTwoPollsIsReportedExactly()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        if (!TcpStateEventSource::builtIn() && !NetNamespace::mustNotSkip())
            QSKIP("built without libbpf (cmake says why): polling only");
        LiveSession session;
        if (!startWithEvents(session))
            return;
        LoopbackPairs pairs;
        QVERIFY(pairs.listen());
        QVERIFY(pollOnce(session)); // the listener, polled before the burst
        // Nothing in flight from before: every result from here on saw the burst or what followed it.
        QTRY_VERIFY(!session.poller()->isPolling() && session.inFlight() == 0);
        QSignalSpy after(&session, &LiveSession::tracked);

        constexpr int N = 500;
        QElapsedTimer burst;
        burst.start();
        QVERIFY(pairs.open(N));
        pairs.closeClients();
        QTest::qWait(20); // the clients' FINs first, or the close is simultaneous (CLOSING)
        pairs.closeServers();
        qInfo("%d connections opened and closed client-first in %lld ms", N, burst.elapsed());
        QTest::qWait(100); // the last ACKs

        // One poll, or more: lost changes make the poller resynchronise at once (EventDrainer), so the
        // burst may be split over two polls. Their events together must be exact.
        session.pollNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            after.count() > 0 && !session.poller()->isPolling() && session.inFlight() == 0, 10'000);
        auto merged = std::make_shared<TrackerResult>();
        quint64 lost = 0;
        for (const QList<QVariant> &signal : std::as_const(after)) {
            const auto one = signal.at(0).value<TrackerResultPtr>();
            QVERIFY(one->snapshot.stateEvents());
            lost += one->snapshot.stateEvents()->lostSincePrevious;
            merged->events.insert(merged->events.end(), one->events.begin(), one->events.end());
            merged->snapshot = one->snapshot;
        }
        qInfo("%lld poll(s) after the burst, %llu changes lost (%llu since the feed started)", qlonglong(after.count()),
            qulonglong(lost), qulonglong(merged->snapshot.stateEvents()->lostTotal));
        QCOMPARE(lost, quint64(0));
        const TrackerResultPtr r = merged;
        if (qEnvironmentVariableIsSet("TCPSCOPE_DEBUG_PATHS")) {
            std::map<QString, int> paths;
            for (const TrackerEvent &ev : r->events) {
                QString p = QString::number(int(ev.kind)) + QLatin1Char(' ');
                for (TcpState s : ev.path)
                    p += TcpStates::kernelName(s) + QLatin1Char(' ');
                ++paths[p + QString::number(ev.observedHops, 2)];
            }
            for (const auto &[p, n] : paths)
                qInfo("%5d %s", n, qPrintable(p));
        }
        qInfo("TIME_WAIT %d FIN_WAIT2 %d, %zu changes", r->snapshot.count(TcpState::TimeWait),
            r->snapshot.count(TcpState::FinWait2), r->snapshot.stateEvents()->changes.size());
        QCOMPARE(hops(r->events, TcpState::Established, TcpState::FinWait1, true), N); // the clients
        // Their entries into TIME_WAIT: through FIN_WAIT2, or CLOSING when a busy machine let the server's
        // close cross the client's FIN (RFC 9293 section 3.6, simultaneous close).
        QCOMPARE(hops(r->events, TcpState::FinWait2, TcpState::TimeWait, true)
                + hops(r->events, TcpState::Closing, TcpState::TimeWait, true),
            N);
        // The servers' side, every hop the kernel's: LISTEN ... CLOSE_WAIT -> LAST_ACK -> CLOSE.
        QCOMPARE(hops(r->events, TcpState::CloseWait, TcpState::LastAck, true)
                + hops(r->events, TcpState::Closing, TcpState::Close, true),
            N);
        if (after.count() == 1) { // in one poll: each connection is one event, with its whole path
            int timeWaitRows = 0, transients = 0;
            for (const TrackerEvent &ev : r->events) {
                timeWaitRows += ev.kind == TrackerEvent::Kind::Appeared && ev.to == TcpState::TimeWait && !ev.inferred;
                const bool all = ev.observedHops == (1u << ev.hops()) - 1;
                transients += ev.kind == TrackerEvent::Kind::Transient && ev.path.front() == TcpState::Listen && all;
            }
            QCOMPARE(timeWaitRows, N); // listed by the poll, with the path that led there
            QCOMPARE(transients, N); // the accepted ends: gone before the poll, known only from the kernel
        }
        QCOMPARE(r->snapshot.count(TcpState::TimeWait), N);
    }

    // A recording of this host keeps the kernel's state changes (@events): replayed through the
    // tracker, the connections that lived and died between two polls are reported as observed.
    void recordingKeepsTheEvents()
    {
        TCPSCOPE_REQUIRE_NAMESPACE();
        if (!TcpStateEventSource::builtIn() && !NetNamespace::mustNotSkip())
            QSKIP("built without libbpf (cmake says why): polling only");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.tcps"));
        LiveSession session;
        QVERIFY(session.recorder()->start(path).ok());
        if (!startWithEvents(session))
            return;
        LoopbackPairs pairs;
        QVERIFY(pairs.listen());
        QVERIFY(pollOnce(session));
        constexpr int N = 100;
        QVERIFY(pairs.open(N));
        pairs.closeClients();
        QTest::qWait(20);
        pairs.closeServers();
        QTest::qWait(100);
        QVERIFY(pollOnce(session));
        QTRY_VERIFY(!session.poller()->isPolling() && session.inFlight() == 0);
        const qint64 frames = session.recorder()->framesWritten();
        session.recorder()->stop();
        QVERIFY(frames >= 2);

        ReplaySource replay(path);
        QVERIFY(replay.open().ok());
        QCOMPARE(qint64(replay.frameCount()), frames);
        ConnectionTracker tracker;
        std::vector<TrackerEvent> events;
        for (int i = 0; i < replay.frameCount(); ++i) {
            const Snapshot s = replay.poll();
            QVERIFY2(s.isValid(), qPrintable(s.status().error()));
            // The first poll may come before the feed started; every frame after the burst has its changes.
            QVERIFY2(s.stateEvents() || i == 0, "a replayed frame without the state changes recorded with it");
            const std::vector<TrackerEvent> e = tracker.update(s);
            events.insert(events.end(), e.begin(), e.end());
        }
        QCOMPARE(hops(events, TcpState::Established, TcpState::FinWait1, true), N);
        QCOMPARE(hops(events, TcpState::FinWait2, TcpState::TimeWait, true)
                + hops(events, TcpState::Closing, TcpState::TimeWait, true),
            N);
    }
};

TCPSCOPE_TEST_MAIN(TestEventPipeline, QCoreApplication, TestMain::Isolated)
#include "tst_eventpipeline.moc"
