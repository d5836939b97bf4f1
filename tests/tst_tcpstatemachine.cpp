#include "core/tcpstatemachine.h"

#include <QTest>

#include <set>

class TestTcpStateMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfcTransitionsArePresent_data();
    void rfcTransitionsArePresent();
    void labelsReadEventSlashAction();
    void everyTransitionIsDocumented();
    void reviewedEdgeTexts();
    void timeWaitAssassinationEdge();
    void inferredPathsForEveryPair();
    void textbookInferences_data();
    void textbookInferences();
    void avoidSkipsVisibleStates();
    void namesRoundTrip();
};

void TestTcpStateMachine::rfcTransitionsArePresent_data()
{
    QTest::addColumn<TcpState>("from");
    QTest::addColumn<TcpState>("to");
    using S = TcpState;
    // RFC 9293 §3.3.2 Figure 5, one row per arrow, plus Note 2 and RFC 1122 §4.2.2.13.
    const QList<std::pair<S, S>> arrows = {
        { S::Close, S::Listen },
        { S::Close, S::SynSent },
        { S::Listen, S::SynRecv },
        { S::Listen, S::SynSent },
        { S::Listen, S::Close },
        { S::SynSent, S::Close },
        { S::SynSent, S::Established },
        { S::SynSent, S::SynRecv },
        { S::SynRecv, S::Established },
        { S::SynRecv, S::FinWait1 },
        { S::SynRecv, S::Listen },
        { S::Established, S::FinWait1 },
        { S::Established, S::CloseWait },
        { S::FinWait1, S::FinWait2 },
        { S::FinWait1, S::Closing },
        { S::FinWait1, S::TimeWait },
        { S::FinWait2, S::TimeWait },
        { S::Closing, S::TimeWait },
        { S::CloseWait, S::LastAck },
        { S::LastAck, S::Close },
        { S::TimeWait, S::Close },
        { S::TimeWait, S::SynRecv },
    };
    for (const auto &[f, t] : arrows)
        QTest::addRow("%s->%s", qPrintable(TcpStates::kernelName(f)), qPrintable(TcpStates::kernelName(t))) << f << t;
}

void TestTcpStateMachine::rfcTransitionsArePresent()
{
    QFETCH(TcpState, from);
    QFETCH(TcpState, to);
    QVERIFY(TcpStateMachine::isLegal(from, to));
}

void TestTcpStateMachine::labelsReadEventSlashAction()
{
    const TcpTransition *t = TcpStateMachine::find(TcpState::Established, TcpState::FinWait1);
    QVERIFY(t);
    QCOMPARE(t->label(), QStringLiteral("CLOSE / send FIN"));
    QCOMPARE(t->path, TcpTransition::Path::Client);
    QCOMPARE(TcpStateMachine::find(TcpState::Established, TcpState::CloseWait)->label(),
        QStringLiteral("rcv FIN / send ACK"));
    QCOMPARE(TcpStateMachine::find(TcpState::Established, TcpState::CloseWait)->path, TcpTransition::Path::Server);
    QVERIFY(!TcpStateMachine::isLegal(TcpState::Listen, TcpState::TimeWait));
    QVERIFY(!TcpStateMachine::isLegal(TcpState::CloseWait, TcpState::FinWait2));
}

void TestTcpStateMachine::everyTransitionIsDocumented()
{
    for (const TcpTransition &t : TcpStateMachine::transitions()) {
        QVERIFY(qstrlen(t.event) > 0);
        QVERIFY2(qstrlen(t.explanation) > 20, t.event);
        QVERIFY2(QByteArray(t.reference).contains("RFC") || QByteArray(t.reference).contains("tcp(7)"), t.event);
        QVERIFY(t.weight > 0);
        QVERIFY(t.from != t.to);
    }
}

void TestTcpStateMachine::reviewedEdgeTexts()
{
    // Linux takes a SYN in TIME-WAIT only if PAWS passes and (seq after rcv_nxt or newer TSval):
    // net/ipv4/tcp_minisocks.c tcp_timewait_state_process.
    const TcpTransition *syn = TcpStateMachine::find(TcpState::TimeWait, TcpState::SynRecv);
    QVERIFY(syn);
    const QByteArray text(syn->explanation);
    QVERIFY2(text.contains("PAWS does not reject it and"), syn->explanation);
    QVERIFY2(text.contains("older TSval is refused even with a higher sequence number"), syn->explanation);
    QVERIFY2(text.contains("Linux 7.0") && text.contains("NAT"), syn->explanation);
    QVERIFY(QByteArray(syn->reference).contains("tcp_timewait_state_process"));
    // ABORT is RFC 9293 section 3.10.5; an arriving RST is 3.10.7.
    const TcpTransition *abort = TcpStateMachine::find(TcpState::Established, TcpState::Close);
    QVERIFY(abort);
    QVERIFY2(QByteArray(abort->reference).contains("§3.10.5"), abort->reference);
}

void TestTcpStateMachine::timeWaitAssassinationEdge()
{
    // RFC 1337: with tcp_rfc1337=0 an RST ends TIME-WAIT (net/ipv4/tcp_minisocks.c). The timeout stays the
    // usual TIME-WAIT -> CLOSED edge; the RST is a second, abortive one.
    QCOMPARE(QByteArray(TcpStateMachine::find(TcpState::TimeWait, TcpState::Close)->event), "timeout 2MSL");
    const TcpTransition *rst = nullptr;
    for (const TcpTransition &t : TcpStateMachine::transitions()) {
        if (t.from == TcpState::TimeWait && t.to == TcpState::Close && QByteArray(t.event).contains("RST"))
            rst = &t;
    }
    QVERIFY(rst);
    QCOMPARE(rst->path, TcpTransition::Path::Abort);
    QVERIFY2(QByteArray(rst->explanation).contains("tcp_rfc1337 = 0"), rst->explanation);
    QVERIFY2(QByteArray(rst->reference).contains("RFC 1337"), rst->reference);
    // The tracker still guesses the timeout for a TIME-WAIT socket that went away.
    QCOMPARE(TcpStateMachine::inferPath(TcpState::TimeWait, TcpState::Close),
        (QList<TcpState> { TcpState::TimeWait, TcpState::Close }));
}

void TestTcpStateMachine::inferredPathsForEveryPair()
{
    // For every ordered pair of RFC states: a path exists, starts and ends right, and each hop is legal.
    for (TcpState a : TcpStates::rfcStates) {
        for (TcpState b : TcpStates::rfcStates) {
            const QList<TcpState> p = TcpStateMachine::inferPath(a, b);
            const QByteArray what = TcpStates::kernelName(a).toLatin1() + " -> " + TcpStates::kernelName(b).toLatin1();
            QVERIFY2(!p.isEmpty(), what);
            QCOMPARE(p.first(), a);
            QCOMPARE(p.last(), b);
            if (a == b) {
                QCOMPARE(p.size(), 1);
                continue;
            }
            std::set<TcpState> visited;
            for (int i = 0; i + 1 < p.size(); ++i) {
                QVERIFY2(TcpStateMachine::isLegal(p[i], p[i + 1]), what);
                QVERIFY2(visited.insert(p[i]).second, what); // no loops
            }
            if (TcpStateMachine::isLegal(a, b) && TcpStateMachine::find(a, b)->weight == 1)
                QCOMPARE(p.size(), 2); // a direct usual move is never inferred as a detour
        }
    }
}

void TestTcpStateMachine::textbookInferences_data()
{
    QTest::addColumn<TcpState>("from");
    QTest::addColumn<TcpState>("to");
    QTest::addColumn<QList<TcpState>>("path");
    using S = TcpState;
    QTest::newRow("active close") << S::Established << S::TimeWait
                                  << QList<S> { S::Established, S::FinWait1, S::FinWait2, S::TimeWait };
    QTest::newRow("passive close") << S::Established << S::LastAck
                                   << QList<S> { S::Established, S::CloseWait, S::LastAck };
    QTest::newRow("client open") << S::Close << S::Established << QList<S> { S::Close, S::SynSent, S::Established };
    QTest::newRow("accept") << S::Listen << S::Established << QList<S> { S::Listen, S::SynRecv, S::Established };
    QTest::newRow("closing") << S::Closing << S::Close << QList<S> { S::Closing, S::TimeWait, S::Close };
    QTest::newRow("fin-wait-1 out") << S::FinWait1 << S::Close
                                    << QList<S> { S::FinWait1, S::FinWait2, S::TimeWait, S::Close };
}

void TestTcpStateMachine::textbookInferences()
{
    QFETCH(TcpState, from);
    QFETCH(TcpState, to);
    QFETCH(QList<TcpState>, path);
    QCOMPARE(TcpStateMachine::inferPath(from, to), path);
}

void TestTcpStateMachine::avoidSkipsVisibleStates()
{
    // A FIN_WAIT2 socket that vanished between polls did not pass a 60 s TIME_WAIT unseen.
    const TcpState tw[] = { TcpState::TimeWait };
    QCOMPARE(TcpStateMachine::inferPath(TcpState::FinWait2, TcpState::Close, tw),
        (QList<TcpState> { TcpState::FinWait2, TcpState::Close }));
    QCOMPARE(TcpStateMachine::inferPath(TcpState::TimeWait, TcpState::Close, tw),
        (QList<TcpState> { TcpState::TimeWait, TcpState::Close }));
}

void TestTcpStateMachine::namesRoundTrip()
{
    for (int c = 1; c < TcpStates::Count; ++c) {
        const auto s = *TcpStates::fromCode(unsigned(c));
        QCOMPARE(TcpStates::fromKernelName(TcpStates::kernelName(s)), s);
    }
    QCOMPARE(TcpStates::kernelName(TcpState::FinWait2), QStringLiteral("FIN_WAIT2"));
    QCOMPARE(TcpStates::ssName(TcpState::Established), QStringLiteral("ESTAB"));
    QCOMPARE(TcpStates::rfcName(TcpState::SynRecv), QStringLiteral("SYN-RECEIVED"));
    QCOMPARE(TcpStates::fromSsName(u"TIME-WAIT"), TcpState::TimeWait);
    QVERIFY(!TcpStates::fromCode(0));
    QVERIFY(!TcpStates::fromCode(14));
    QCOMPARE(TcpStateMachine::diagramState(TcpState::NewSynRecv), TcpState::SynRecv);
}

QTEST_GUILESS_MAIN(TestTcpStateMachine)
#include "tst_tcpstatemachine.moc"
