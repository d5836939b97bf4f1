#include "tracker/connectiontracker.h"

#include <QTest>

using S = TcpState;

// The tracker joining the kernel's state changes (TcpStateEvent, by cookie) with the polls: exact paths
// between two polls, the entry into TIME_WAIT, changes after the dump read a socket, and connections
// that lived and died between two polls. Event sequences are those tcpstatesprobe records on loopback
// (tst_tcpstateeventsource checks them against the kernel).
class TestEventJoin : public QObject
{
    Q_OBJECT

    static SocketEntry sock(quint16 lport, quint16 rport, S state, quint64 cookie)
    {
        SocketEntry e;
        e.localAddr[0] = e.remoteAddr[0] = 127;
        e.localAddr[3] = e.remoteAddr[3] = 1;
        e.localPort = lport;
        e.remotePort = rport;
        e.state = state;
        e.cookie = cookie;
        e.inode = state == S::TimeWait ? 0 : 5000u + lport;
        if (state == S::TimeWait)
            e.kind = RowKind::TimeWaitSock;
        return e;
    }
    static Snapshot snap(qint64 t, std::vector<SocketEntry> sockets)
    {
        SnapshotData d;
        d.timeMs = t;
        d.sockets = std::move(sockets);
        return Snapshot(std::move(d));
    }
    static std::vector<TcpStateEvent> changes(quint64 cookie, std::initializer_list<S> states, quint16 lport = 40000)
    {
        std::vector<TcpStateEvent> out;
        const S *prev = states.begin();
        for (const S *s = prev + 1; s != states.end(); prev = s, ++s) {
            TcpStateEvent e;
            e.cookie = cookie;
            e.oldState = *prev;
            e.newState = *s;
            e.localPort = *prev == S::Close ? 0 : lport; // connect(2) picks the port after CLOSE -> SYN_SENT
            e.remotePort = 80;
            out.push_back(e);
        }
        return out;
    }
    static const TrackerEvent *only(const std::vector<TrackerEvent> &events, TrackerEvent::Kind kind)
    {
        const TrackerEvent *found = nullptr;
        for (const TrackerEvent &e : events) {
            if (e.kind == kind) {
                if (found)
                    return nullptr;
                found = &e;
            }
        }
        return found;
    }

private Q_SLOTS:
    void withoutEventsNothingChanges()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        const auto ev = t.update(snap(1000, { sock(40000, 80, S::TimeWait, 7) }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::Established, S::FinWait1, S::FinWait2, S::TimeWait }));
        QVERIFY(ev[0].inferred);
        QVERIFY(!ev[0].observed());
    }

    void activeCloseIsObservedIntoTimeWait()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        // tcp_time_wait(): FIN_WAIT2 -> CLOSE as the timewait socket with the same cookie takes over.
        const auto ev = t.update(snap(1000, { sock(40000, 80, S::TimeWait, 7) }),
            changes(7, { S::Established, S::FinWait1, S::FinWait2, S::Close }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::Established, S::FinWait1, S::FinWait2, S::TimeWait }));
        QCOMPARE(ev[0].observedHops, 0b111u);
        QVERIFY(!ev[0].inferred);
    }

    void simultaneousCloseGoesThroughClosing()
    {
        // Without events the cheapest path is FIN_WAIT2; the kernel says CLOSING (RFC 9293 3.6, case 2).
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        const auto ev = t.update(snap(1000, { sock(40000, 80, S::TimeWait, 7) }),
            changes(7, { S::Established, S::FinWait1, S::Closing, S::Close }));
        QCOMPARE(ev[0].path, (QList<S> { S::Established, S::FinWait1, S::Closing, S::TimeWait }));
        QVERIFY(!ev[0].inferred);
    }

    void changesAfterTheDumpWaitForTheNextPoll()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        // The dump read the socket in FIN_WAIT1; FIN_WAIT2 came after it, before the drain.
        auto ev = t.update(
            snap(1000, { sock(40000, 80, S::FinWait1, 7) }), changes(7, { S::Established, S::FinWait1, S::FinWait2 }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::Established, S::FinWait1 }));
        QVERIFY(ev[0].hopObserved(0));
        ev = t.update(snap(2000, { sock(40000, 80, S::FinWait2, 7) }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::FinWait1, S::FinWait2 }));
        QVERIFY(ev[0].hopObserved(0));
    }

    void orphanFinWait2ReportedClosedStaysFinWait2()
    {
        // A timewait socket in its FIN_WAIT2 substate is listed as FIN_WAIT2 after FIN_WAIT2 -> CLOSE.
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::FinWait1, 7) }));
        auto ev = t.update(
            snap(1000, { sock(40000, 80, S::FinWait2, 7) }), changes(7, { S::FinWait1, S::FinWait2, S::Close }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::FinWait1, S::FinWait2 }));
        QCOMPARE(t.find(ev[0].id)->entry.state, S::FinWait2);
        // The peer's FIN turns it into TIME_WAIT without a tracepoint; the carried CLOSE says when it left.
        ev = t.update(snap(2000, { sock(40000, 80, S::TimeWait, 7) }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::FinWait2, S::TimeWait }));
        QVERIFY(ev[0].hopObserved(0));
    }

    void connectionBetweenTwoPollsIsTransient()
    {
        ConnectionTracker t;
        t.update(snap(0, {}));
        // Opened and reset between the polls: no poll ever listed it.
        auto ev = t.update(snap(1000, {}), changes(9, { S::Close, S::SynSent, S::Established, S::Close }));
        const TrackerEvent *tr = only(ev, TrackerEvent::Kind::Transient);
        QVERIFY(tr);
        QCOMPARE(tr->path, (QList<S> { S::Close, S::SynSent, S::Established, S::Close }));
        QCOMPARE(tr->observedHops, 0b111u);
        QVERIFY(tr->transient);
        QCOMPARE(tr->transient->localPort, quint16(40000));
        QVERIFY(!t.find(tr->id));
    }

    void shortConnectionIntoTimeWaitAppearsOnce()
    {
        ConnectionTracker t;
        t.update(snap(0, {}));
        // Opened and closed client-first between two polls: the poll lists its TIME_WAIT socket.
        const auto ev = t.update(snap(1000, { sock(40000, 80, S::TimeWait, 9) }),
            changes(9, { S::Close, S::SynSent, S::Established, S::FinWait1, S::FinWait2, S::Close }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].kind, TrackerEvent::Kind::Appeared);
        QCOMPARE(
            ev[0].path, (QList<S> { S::Close, S::SynSent, S::Established, S::FinWait1, S::FinWait2, S::TimeWait }));
        QVERIFY(!ev[0].inferred);
    }

    void timeWaitTheDumpMissedIsClaimedNextPoll()
    {
        ConnectionTracker t;
        t.update(snap(0, {}));
        auto ev = t.update(
            snap(1000, {}), changes(9, { S::Close, S::SynSent, S::Established, S::FinWait1, S::FinWait2, S::Close }));
        QVERIFY(ev.empty()); // could still be listed as TIME_WAIT: wait one poll
        ev = t.update(snap(2000, { sock(40000, 80, S::TimeWait, 9) }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].kind, TrackerEvent::Kind::Appeared);
        QCOMPARE(ev[0].path.back(), S::TimeWait);
        QVERIFY(ev[0].observed());
    }

    void acceptedChildStartsAtTheListener()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(80, 0, S::Listen, 1) }));
        const auto ev = t.update(snap(1000, { sock(80, 0, S::Listen, 1), sock(80, 40000, S::CloseWait, 11) }),
            changes(11, { S::SynRecv, S::Established, S::CloseWait }));
        const TrackerEvent *a = only(ev, TrackerEvent::Kind::Appeared);
        QVERIFY(a);
        QCOMPARE(a->path, (QList<S> { S::Listen, S::SynRecv, S::Established, S::CloseWait }));
        QVERIFY(!a->hopObserved(0)); // the request socket has no tracepoint
        QVERIFY(a->hopObserved(1) && a->hopObserved(2));
    }

    void acceptedChildOfThisKernelIsObservedFromTheListener()
    {
        // inet_csk_clone_lock(): the child is a copy of the listener, then LISTEN -> SYN_RECV.
        ConnectionTracker t;
        t.update(snap(0, { sock(80, 0, S::Listen, 1) }));
        const auto ev = t.update(snap(1000, { sock(80, 0, S::Listen, 1) }),
            changes(12, { S::Listen, S::SynRecv, S::Established, S::CloseWait, S::LastAck, S::Close }));
        const TrackerEvent *tr = only(ev, TrackerEvent::Kind::Transient);
        QVERIFY(tr);
        QCOMPARE(tr->path, (QList<S> { S::Listen, S::SynRecv, S::Established, S::CloseWait, S::LastAck, S::Close }));
        QCOMPARE(tr->observedHops, 0b11111u);
    }

    void vanishedSocketTakesItsLastChanges()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(80, 40000, S::CloseWait, 11) }));
        const auto ev = t.update(snap(1000, {}), changes(11, { S::CloseWait, S::LastAck, S::Close }));
        const TrackerEvent *v = only(ev, TrackerEvent::Kind::Vanished);
        QVERIFY(v);
        QCOMPARE(v->path, (QList<S> { S::CloseWait, S::LastAck, S::Close }));
        QVERIFY(!v->inferred);
        QVERIFY(!only(ev, TrackerEvent::Kind::Transient));
    }

    void changeDrainedAfterItsPollAddsNothing()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        // The poll saw FIN_WAIT2 before FIN_WAIT1 -> FIN_WAIT2 was drained.
        auto ev
            = t.update(snap(1000, { sock(40000, 80, S::FinWait2, 7) }), changes(7, { S::Established, S::FinWait1 }));
        QCOMPARE(ev.size(), size_t(1));
        QCOMPARE(ev[0].path, (QList<S> { S::Established, S::FinWait1, S::FinWait2 }));
        QVERIFY(ev[0].hopObserved(0) && !ev[0].hopObserved(1));
        ev = t.update(snap(2000, { sock(40000, 80, S::FinWait2, 7) }), changes(7, { S::FinWait1, S::FinWait2 }));
        QVERIFY(ev.empty());
    }

    void failedReadKeepsTheChanges()
    {
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 80, S::Established, 7) }));
        SnapshotData bad;
        bad.status = Status::failure(QStringLiteral("read failed"));
        QVERIFY(t.update(Snapshot(bad), changes(7, { S::Established, S::FinWait1 })).empty());
        const auto ev = t.update(snap(2000, { sock(40000, 80, S::FinWait1, 7) }));
        QCOMPARE(ev.size(), size_t(1));
        QVERIFY(ev[0].hopObserved(0));
    }
};

QTEST_GUILESS_MAIN(TestEventJoin)
#include "tst_eventjoin.moc"
