#include "history/statehistory.h"

#include <QTest>

namespace {
Snapshot snap(qint64 t, int timeWait, const QString &reuse = QStringLiteral("2"))
{
    SnapshotData d;
    d.timeMs = t;
    for (int i = 0; i < timeWait; ++i) {
        SocketEntry e;
        e.state = TcpState::TimeWait;
        e.localPort = quint16(i + 1);
        d.sockets.push_back(e);
    }
    d.tunables.set(QStringLiteral("net.ipv4.tcp_tw_reuse"), reuse);
    return Snapshot(std::move(d));
}
} // namespace

class TestStateHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAndWraps();
    void recordsTunableChanges();
    void marksGaps();
    void lowerBound();
    void dayAtOneHertzFitsInAFewMegabytes();
};

void TestStateHistory::appendsAndWraps()
{
    StateHistory h(3);
    for (int i = 0; i < 5; ++i)
        h.append(snap(i * 1000, i));
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.at(0).timeMs, 2000);
    QCOMPARE(h.at(0).count(TcpState::TimeWait), 2u);
    QCOMPARE(h.last().count(TcpState::TimeWait), 4u);
    QCOMPARE(h.last().count(TcpState::Established), 0u);
}

void TestStateHistory::recordsTunableChanges()
{
    StateHistory h;
    h.append(snap(0, 0, QStringLiteral("2")));
    h.append(snap(1000, 0, QStringLiteral("2")));
    QVERIFY(h.tunableChanges().empty());
    h.append(snap(2000, 0, QStringLiteral("1")));
    QCOMPARE(h.tunableChanges().size(), size_t(1));
    const auto &c = h.tunableChanges().front();
    QCOMPARE(c.timeMs, 2000);
    QCOMPARE(c.name, QStringLiteral("net.ipv4.tcp_tw_reuse"));
    QCOMPARE(c.oldValue, QStringLiteral("2"));
    QCOMPARE(c.newValue, QStringLiteral("1"));
}

void TestStateHistory::marksGaps()
{
    StateHistory h;
    h.append(snap(0, 1));
    SnapshotData bad;
    bad.status = Status::failure(QStringLiteral("connection lost"));
    h.append(Snapshot(std::move(bad)));
    QCOMPARE(h.size(), 1);
    h.append(snap(3000, 1));
    QVERIFY(!h.at(0).gapBefore);
    QVERIFY(h.at(1).gapBefore);
}

void TestStateHistory::lowerBound()
{
    StateHistory h(10);
    for (int i = 0; i < 15; ++i)
        h.append(snap(i * 1000, 0));
    QCOMPARE(h.lowerBound(0), 0);
    QCOMPARE(h.lowerBound(7000), 2);
    QCOMPARE(h.lowerBound(7500), 3);
    QCOMPARE(h.lowerBound(99000), 10);
}

void TestStateHistory::dayAtOneHertzFitsInAFewMegabytes()
{
    StateHistory h(86400);
    QVERIFY2(h.memoryBytes() < 6 * 1024 * 1024, qPrintable(QString::number(h.memoryBytes())));
    QCOMPARE(h.capacity(), 86400);
}

QTEST_GUILESS_MAIN(TestStateHistory)
#include "tst_statehistory.moc"
