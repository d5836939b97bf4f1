#include "core/socketkey.h"
#include "core/tcpstatemachine.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QTest>

namespace {
SocketEntry sock(quint16 lport, quint16 rport, TcpState s, AddressFamily f = AddressFamily::IPv4)
{
    SocketEntry e;
    e.family = f;
    e.localAddr[0] = 127;
    e.localAddr[3] = 1;
    e.remoteAddr = e.localAddr;
    if (f == AddressFamily::IPv6) {
        e.localAddr = {};
        e.localAddr[15] = 1;
        e.remoteAddr = e.localAddr;
    }
    e.localPort = lport;
    e.remotePort = rport;
    e.state = s;
    e.inode = s == TcpState::TimeWait ? 0 : 1000u + lport;
    if (s == TcpState::Listen)
        e.remoteAddr = {};
    return e;
}

Snapshot snap(qint64 t, std::vector<SocketEntry> sockets)
{
    SnapshotData d;
    d.timeMs = t;
    d.sockets = std::move(sockets);
    return Snapshot(std::move(d));
}

ProcessOwnerPtr curlOwner()
{
    ProcessOwner o;
    o.pid = 4242;
    o.name = QStringLiteral("curl");
    return std::make_shared<const ProcessOwner>(o);
}

// The snapshot with `owner` on every socket whose inode is not 0.
Snapshot owned(const Snapshot &s, const ProcessOwnerPtr &owner)
{
    SocketOwners o;
    o.processes.push_back(owner);
    for (const SocketEntry &e : s.sockets())
        o.slots.push_back(e.inode != 0 ? 1 : 0);
    return s.withOwners(std::move(o));
}

SocketEntry timeWait(SocketEntry e, quint32 timerMs, quint64 cookie)
{
    e.state = TcpState::TimeWait;
    e.kind = RowKind::TimeWaitSock;
    e.timer = TimerKind::TimeWait;
    e.timerMs = timerMs;
    e.inode = 0;
    e.cookie = cookie;
    return e;
}

const TrackerEvent *eventFor(const std::vector<TrackerEvent> &ev, quint64 id)
{
    for (const TrackerEvent &e : ev) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}
} // namespace

class TestConnectionTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appearsChangesVanishes();
    void acceptedConnectionsStartAtListen();
    void inferredPathForEveryPairIsLegal();
    void familiesAreDistinct();
    void invalidSnapshotChangesNothing();
    void idsAreStableAndNotReused();
    void ownerIsRememberedIntoTimeWait_data();
    void ownerIsRememberedIntoTimeWait();
    void neverSeenOwnedStaysUnknown();
    void agesBeforeTheFirstPollAreLowerBounds();
};

void TestConnectionTracker::appearsChangesVanishes()
{
    ConnectionTracker t;
    auto ev = t.update(snap(1000, { sock(5000, 0, TcpState::Listen), sock(40000, 5000, TcpState::Established) }));
    QCOMPARE(ev.size(), size_t(2));
    QCOMPARE(t.size(), 2);
    const TrackedSocket *client = t.find(SocketKey::of(sock(40000, 5000, TcpState::Established)));
    QVERIFY(client);
    QCOMPARE(client->firstSeenMs, 1000);
    const quint64 id = client->id;

    ev = t.update(snap(2000, { sock(5000, 0, TcpState::Listen), sock(40000, 5000, TcpState::TimeWait) }));
    QCOMPARE(ev.size(), size_t(1));
    QCOMPARE(ev[0].kind, TrackerEvent::Kind::Changed);
    QCOMPARE(ev[0].id, id);
    QCOMPARE(ev[0].path,
        (QList<TcpState> { TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::TimeWait }));
    QVERIFY(ev[0].inferred);
    QCOMPARE(t.find(id)->stateSinceMs, 2000);
    QCOMPARE(t.find(id)->firstSeenMs, 1000);

    ev = t.update(snap(3000, { sock(5000, 0, TcpState::Listen), sock(40000, 5000, TcpState::TimeWait) }));
    QVERIFY(ev.empty());
    QCOMPARE(t.find(id)->stateSinceMs, 2000); // time in state keeps counting

    ev = t.update(snap(4000, { sock(5000, 0, TcpState::Listen) }));
    QCOMPARE(ev.size(), size_t(1));
    QCOMPARE(ev[0].kind, TrackerEvent::Kind::Vanished);
    QCOMPARE(ev[0].path, (QList<TcpState> { TcpState::TimeWait, TcpState::Close }));
    QVERIFY(!ev[0].inferred);
    QVERIFY(!t.find(id));
    QCOMPARE(t.size(), 1);
}

void TestConnectionTracker::acceptedConnectionsStartAtListen()
{
    ConnectionTracker t;
    t.update(snap(0, { sock(5000, 0, TcpState::Listen) }));
    const auto ev = t.update(snap(1000,
        { sock(5000, 0, TcpState::Listen), sock(5000, 40000, TcpState::Established),
            sock(40000, 5000, TcpState::Established) }));
    QCOMPARE(ev.size(), size_t(2));
    const TrackerEvent *server = eventFor(ev, t.find(SocketKey::of(sock(5000, 40000, TcpState::Established)))->id);
    const TrackerEvent *client = eventFor(ev, t.find(SocketKey::of(sock(40000, 5000, TcpState::Established)))->id);
    QCOMPARE(server->path, (QList<TcpState> { TcpState::Listen, TcpState::SynRecv, TcpState::Established }));
    QCOMPARE(client->path, (QList<TcpState> { TcpState::Close, TcpState::SynSent, TcpState::Established }));
}

void TestConnectionTracker::inferredPathForEveryPairIsLegal()
{
    // Drive one connection through every ordered pair of kernel-visible states.
    const QList<TcpState> states = { TcpState::SynSent, TcpState::SynRecv, TcpState::Established, TcpState::FinWait1,
        TcpState::FinWait2, TcpState::TimeWait, TcpState::CloseWait, TcpState::LastAck, TcpState::Closing };
    for (TcpState a : states) {
        for (TcpState b : states) {
            if (a == b)
                continue;
            ConnectionTracker t;
            t.update(snap(0, { sock(40000, 5000, a) }));
            const auto ev = t.update(snap(1000, { sock(40000, 5000, b) }));
            QCOMPARE(ev.size(), size_t(1));
            const TrackerEvent &e = ev[0];
            QCOMPARE(e.kind, TrackerEvent::Kind::Changed);
            QCOMPARE(e.path.first(), a);
            QCOMPARE(e.path.last(), b);
            for (int i = 0; i + 1 < e.path.size(); ++i)
                QVERIFY(TcpStateMachine::isLegal(e.path[i], e.path[i + 1]));
            QCOMPARE(e.inferred, e.path.size() > 2);
            QCOMPARE(e.path, TcpStateMachine::inferPath(a, b));
        }
        ConnectionTracker t;
        t.update(snap(0, { sock(40000, 5000, a) }));
        const auto gone = t.update(snap(1000, {}));
        QCOMPARE(gone.size(), size_t(1));
        QCOMPARE(gone[0].path.last(), TcpState::Close);
        if (a != TcpState::TimeWait)
            QVERIFY(!gone[0].path.contains(TcpState::TimeWait)); // 60 s would have been seen
    }
}

void TestConnectionTracker::familiesAreDistinct()
{
    ConnectionTracker t;
    const auto ev = t.update(snap(0,
        { sock(5000, 0, TcpState::Listen, AddressFamily::IPv4),
            sock(5000, 0, TcpState::Listen, AddressFamily::IPv6) }));
    QCOMPARE(ev.size(), size_t(2));
    QCOMPARE(t.size(), 2);
}

void TestConnectionTracker::invalidSnapshotChangesNothing()
{
    ConnectionTracker t;
    t.update(snap(0, { sock(40000, 5000, TcpState::Established) }));
    SnapshotData bad;
    bad.status = Status::failure(QStringLiteral("cannot read /proc/net/tcp: Permission denied"));
    QVERIFY(t.update(Snapshot(std::move(bad))).empty());
    QCOMPARE(t.size(), 1);
}

void TestConnectionTracker::idsAreStableAndNotReused()
{
    ConnectionTracker t;
    t.update(snap(0, { sock(1, 2, TcpState::Established) }));
    const quint64 first = t.find(SocketKey::of(sock(1, 2, TcpState::Established)))->id;
    t.update(snap(1, {}));
    t.update(snap(2, { sock(1, 2, TcpState::Established) }));
    QVERIFY(t.find(SocketKey::of(sock(1, 2, TcpState::Established)))->id != first);
}

void TestConnectionTracker::ownerIsRememberedIntoTimeWait_data()
{
    QTest::addColumn<quint64>("cookie");
    QTest::newRow("netlink, by cookie") << quint64(77);
    QTest::newRow("/proc, by connection") << quint64(0);
}

void TestConnectionTracker::ownerIsRememberedIntoTimeWait()
{
    QFETCH(quint64, cookie);
    const ProcessOwnerPtr curl = curlOwner();
    ConnectionTracker t;
    SocketEntry est = sock(40000, 80, TcpState::Established);
    est.cookie = cookie;
    t.update(owned(snap(1000, { est }), curl));
    const quint64 id = t.slots().front().id;
    QCOMPARE(t.find(id)->owner, curl);
    QVERIFY(!t.find(id)->ownerRemembered);

    // Closed by curl: the TIME_WAIT socket has no inode, so no scan can name it; the tracker can.
    t.update(owned(snap(2000, { timeWait(est, 59'000, cookie) }), curl));
    QCOMPARE(t.find(id)->owner, curl);
    QVERIFY(t.find(id)->ownerRemembered);
    t.update(owned(snap(3000, { timeWait(est, 58'000, cookie) }), curl));
    QCOMPARE(t.find(id)->owner, curl);

    // The same four-tuple, another socket: another cookie, or (in /proc) a TIME_WAIT timer restarted.
    t.update(owned(snap(4000, { timeWait(est, 59'500, cookie ? cookie + 1 : 0) }), curl));
    QVERIFY(!t.find(id)->owner);
    QVERIFY(!t.find(id)->ownerRemembered);

    // The TIME_WAIT ends: the socket and what was remembered of it go.
    t.update(snap(5000, {}));
    QCOMPARE(t.size(), 0);
}

void TestConnectionTracker::neverSeenOwnedStaysUnknown()
{
    const ProcessOwnerPtr curl = curlOwner();
    ConnectionTracker t;
    // Opened and closed between two polls: first seen in TIME_WAIT, never owned.
    t.update(owned(snap(1000, { timeWait(sock(40001, 80, TcpState::Established), 59'000, 5) }), curl));
    QVERIFY(!t.slots().front().owner);
    // Owned but its process not known yet: no owner, and nothing to remember later.
    ConnectionTracker u;
    u.update(snap(1000, { sock(40002, 80, TcpState::Established) }));
    u.update(snap(2000, { timeWait(sock(40002, 80, TcpState::Established), 59'000, 0) }));
    QVERIFY(!u.slots().front().owner);
}

void TestConnectionTracker::agesBeforeTheFirstPollAreLowerBounds()
{
    // The first poll cannot know how long its sockets have been in their states: at least since then.
    // A TIME_WAIT socket tells by its timer (60 s from the entry, TCP_TIMEWAIT_LEN).
    const qint64 t0 = 1'700'000'000'000;
    ConnectionTracker tracker;
    const Snapshot first = SnapshotBuilder(t0).add(TcpState::Established, 40000, 80).timeWait(40001, 45'000).build();
    tracker.update(first);
    const TrackedSocket *est = tracker.find(SocketKey::of(first.sockets()[0]));
    const TrackedSocket *tw = tracker.find(SocketKey::of(first.sockets()[1]));
    QVERIFY(est && tw);
    QCOMPARE(est->since, TrackedSocket::Since::AtLeast);
    QCOMPARE(est->stateSinceMs, t0);
    QCOMPARE(tw->since, TrackedSocket::Since::TimeWaitTimer);
    QCOMPARE(tw->stateSinceMs, t0 - 15'000); // 60 s - 45 s left
    // Born while watching: observed. A socket there at the start that changes state: observed from then.
    SnapshotData d = SnapshotBuilder::copyAt(first, t0 + 1000);
    d.sockets[0].state = TcpState::CloseWait;
    SnapshotBuilder more(t0 + 1000);
    more.add(TcpState::Established, 40002, 80);
    d.sockets.push_back(more.build().sockets()[0]);
    const Snapshot second(std::move(d));
    tracker.update(second);
    QCOMPARE(tracker.find(SocketKey::of(second.sockets()[0]))->since, TrackedSocket::Since::Observed);
    QCOMPARE(tracker.find(SocketKey::of(second.sockets()[0]))->stateSinceMs, t0 + 1000);
    QCOMPARE(tracker.find(SocketKey::of(second.sockets()[2]))->since, TrackedSocket::Since::Observed);
    QCOMPARE(tracker.find(SocketKey::of(second.sockets()[1]))->since, TrackedSocket::Since::TimeWaitTimer);
}

QTEST_GUILESS_MAIN(TestConnectionTracker)
#include "tst_connectiontracker.moc"
