#include "core/tcpstatemachine.h"
#include "diagram/statediagramscene.h"
#include "diagram/statediagramview.h"
#include "diagram/statenodeitem.h"
#include "diagram/timewaithistogramitem.h"
#include "diagram/tokenitem.h"
#include "diagram/transitionedgeitem.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

// The diagram in an 800x600 view on screen.
struct ShownDiagram
{
    ShownDiagram()
    {
        view.resize(800, 600);
        view.show();
    }
    StateDiagramScene scene;
    StateDiagramView view { &scene };
};

class TestStateDiagramScene : public QObject
{
    Q_OBJECT
private:
    template<class T> static int countItems(const QGraphicsScene &scene)
    {
        int n = 0;
        for (QGraphicsItem *i : scene.items())
            n += i->type() == T::Type ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void hasANodePerRfcState()
    {
        StateDiagramScene scene;
        for (TcpState s : TcpStates::rfcStates) {
            StateNodeItem *n = scene.node(s);
            QVERIFY2(n, qPrintable(TcpStates::rfcName(s)));
            QCOMPARE(n->state(), s);
            QVERIFY(!n->isSink());
        }
        QVERIFY(scene.closedSink());
        QCOMPARE(scene.closedSink()->state(), TcpState::Close);
        QCOMPARE(countItems<StateNodeItem>(scene), int(TcpStates::rfcStates.size()) + 1);
        // No two nodes overlap.
        for (StateNodeItem *a : scene.nodes())
            for (StateNodeItem *b : scene.nodes())
                QVERIFY(a == b || !a->sceneBoundingRect().intersects(b->sceneBoundingRect()));
    }

    void hasAnEdgePerLegalTransition()
    {
        StateDiagramScene scene;
        const auto transitions = TcpStateMachine::transitions();
        QCOMPARE(countItems<TransitionEdgeItem>(scene), int(transitions.size()));
        for (const TcpTransition &t : transitions) {
            TransitionEdgeItem *e = scene.edge(&t);
            QVERIFY2(e, qPrintable(t.label()));
            QCOMPARE(e->fromNode()->state(), t.from);
            QCOMPARE(e->toNode()->state(), t.to);
            QVERIFY(e->toolTip().contains(QString::fromUtf8(t.reference).toHtmlEscaped()));
            // The arrow starts at its source node and ends at its target node.
            QVERIFY(e->fromNode()->sceneBoundingRect().adjusted(-6, -6, 6, 6).contains(e->pointAt(0)));
            QVERIFY(e->toNode()->sceneBoundingRect().adjusted(-6, -6, 6, 6).contains(e->pointAt(1)));
        }
        // Connections end at the bottom CLOSED; refused opens and closed listeners at the top one.
        QCOMPARE(scene.edgeFor(TcpState::TimeWait, TcpState::Close)->toNode(), scene.closedSink());
        QCOMPARE(scene.edgeFor(TcpState::Listen, TcpState::Close)->toNode(), scene.node(TcpState::Close));
    }

    void countsMatchTheSnapshot()
    {
        StateDiagramScene scene;
        SnapshotBuilder b;
        b.add(TcpState::Listen, 80, 0).add(TcpState::Established, 80, 5000).add(TcpState::Established, 80, 5001);
        b.add(TcpState::NewSynRecv, 80, 5002).add(TcpState::CloseWait, 80, 5003, AddressFamily::IPv6);
        b.timeWait(5004, 59'500).timeWait(5005, 100).timeWait(5006, 30'200);
        b.add(TcpState::FinWait2, 5007, 80);
        b.data().sockets.back().kind = RowKind::TimeWaitSock; // an orphan
        b.data().sockets.back().inode = 0;
        const Snapshot s = b.build();
        scene.setSnapshot(s);
        QCOMPARE(scene.node(TcpState::Listen)->count(), 1);
        QCOMPARE(scene.node(TcpState::Established)->count(), 2);
        QCOMPARE(scene.node(TcpState::SynRecv)->count(), 1); // NEW_SYN_RECV shown as SYN-RECEIVED
        QCOMPARE(scene.node(TcpState::CloseWait)->count(), 1);
        QCOMPARE(scene.node(TcpState::TimeWait)->count(), 3);
        QCOMPARE(scene.node(TcpState::FinWait1)->count(), 0);
        QVERIFY(scene.node(TcpState::FinWait2)->note().startsWith(QStringLiteral("1 orphaned")));
        QVERIFY(scene.node(TcpState::TimeWait)->emphasis() > scene.node(TcpState::Listen)->emphasis());
        const auto &bins = scene.timeWaitHistogram()->bins();
        QCOMPARE(scene.timeWaitHistogram()->total(), 3);
        QCOMPARE(bins[0], 1);
        QCOMPARE(bins[30], 1);
        QCOMPARE(bins[59], 1);

        scene.setSnapshot(s, AddressFamily::IPv6);
        QCOMPARE(scene.node(TcpState::CloseWait)->count(), 1);
        QCOMPARE(scene.node(TcpState::Established)->count(), 0);
    }

    void aTransitionMovesATokenAlongItsPath()
    {
        StateDiagramScene scene;
        scene.setMsPerHop(100);
        ConnectionTracker tracker;
        tracker.update(SnapshotBuilder(1000).add(TcpState::Established, 5000, 80).build());
        const auto events = tracker.update(SnapshotBuilder(2000).add(TcpState::FinWait2, 5000, 80).build());
        QCOMPARE(events.size(), size_t(1));
        scene.addEvents(events);
        QCOMPARE(scene.tokens().size(), size_t(1));
        TokenItem *token = scene.tokens().front();
        TransitionEdgeItem *first = scene.edgeFor(TcpState::Established, TcpState::FinWait1);
        TransitionEdgeItem *second = scene.edgeFor(TcpState::FinWait1, TcpState::FinWait2);
        QCOMPARE(token->edges(), (std::vector<TransitionEdgeItem *> { first, second }));
        QVERIFY(token->isInferred()); // FIN-WAIT-1 was never seen
        QCOMPARE(token->currentEdge(), first);
        QVERIFY(QLineF(token->pos(), first->pointAt(0)).length() < 1);

        scene.step(50);
        QCOMPARE(token->currentEdge(), first);
        QVERIFY(QLineF(token->pos(), first->pointAt(0.5)).length() < 1);
        QVERIFY(first->rate() > 0);
        scene.step(100);
        QCOMPARE(token->currentEdge(), second);
        QVERIFY(QLineF(token->pos(), second->pointAt(0.5)).length() < 1);

        QSignalSpy settled(&scene, &StateDiagramScene::animationSettled);
        scene.step(100);
        QVERIFY(!scene.isAnimating());
        QCOMPARE(settled.count(), 1);
    }

    void readableOnADarkPalette()
    {
        StateDiagramScene scene;
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        scene.setPalette(dark);
        scene.setSnapshot(SnapshotBuilder().add(TcpState::Established, 1, 80).timeWait(2, 20'000).build());
        QImage image(scene.sceneRect().size().toSize(), QImage::Format_ARGB32);
        image.fill(dark.color(QPalette::Base));
        QPainter p(&image);
        scene.render(&p);
        p.end();
        if (qEnvironmentVariableIsSet("TCPSCOPE_TEST_SCREENSHOT"))
            image.save(qEnvironmentVariable("TCPSCOPE_TEST_SCREENSHOT"));
        // Node titles are drawn in the palette's light text colour.
        int light = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                light += qGray(image.pixel(x, y)) > 200 ? 1 : 0;
        QVERIFY(light > 200);
    }

    void viewFitsAndZoomsWithTheWheel()
    {
        ShownDiagram d;
        QVERIFY(QTest::qWaitForWindowExposed(&d.view));
        StateDiagramScene &scene = d.scene;
        StateDiagramView &view = d.view;
        QVERIFY(view.isAutoFit());
        const qreal fitted = view.transform().m11();
        // The whole diagram is visible.
        QVERIFY(view.mapFromScene(scene.sceneRect()).boundingRect().width() <= view.viewport()->width() + 2);
        const QPointF at(400, 300);
        QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.transform().m11() > fitted * 1.3);
        QVERIFY(!view.isAutoFit());
        view.fit();
        QCOMPARE(view.transform().m11(), fitted);
    }

    void aClickOnAStateAsksForAFilter()
    {
        ShownDiagram d;
        QVERIFY(QTest::qWaitForWindowExposed(&d.view));
        StateDiagramScene &scene = d.scene;
        StateDiagramView &view = d.view;
        QSignalSpy clicked(&scene, &StateDiagramScene::stateClicked);
        const QPoint p = view.mapFromScene(scene.node(TcpState::CloseWait)->scenePos());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, p);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).value<TcpState>(), TcpState::CloseWait);
    }

    void manyTransitionsShareOneToken()
    {
        StateDiagramScene scene;
        ConnectionTracker tracker;
        SnapshotBuilder before(1000), after(2000);
        for (quint16 p = 1; p <= 3000; ++p) {
            before.add(TcpState::Established, p, 80);
            after.add(p % 3 ? TcpState::TimeWait : TcpState::CloseWait, p, 80);
        }
        tracker.update(before.build());
        scene.addEvents(tracker.update(after.build()));
        QCOMPARE(scene.tokens().size(), size_t(2));
        int total = 0;
        for (TokenItem *t : scene.tokens())
            total += t->count();
        QCOMPARE(total, 3000);
    }

    // A busy frame (100k sockets, every transition taken by many at once, with rates): at every step of
    // the animation no text of the scene overlaps another: node names and counts, edge labels, token
    // counts (a count with no free corner is hidden for that frame, its token still moves).
    void labelsNeverCollide()
    {
        ShownDiagram shown;
        StateDiagramScene &scene = shown.scene;
        SnapshotBuilder busy(1000);
        const TcpState states[] = { TcpState::Established, TcpState::TimeWait, TcpState::CloseWait, TcpState::FinWait2,
            TcpState::Listen, TcpState::SynRecv };
        for (int i = 0; i < 100'000; ++i)
            busy.add(states[i % 6], quint16(1 + i % 60000), quint16(80 + i / 60000));
        scene.setSnapshot(busy.build());
        std::vector<TrackerEvent> events;
        int n = 2;
        for (TransitionEdgeItem *e : scene.edges()) {
            for (bool inferred : { false, true }) {
                TrackerEvent ev;
                ev.kind = TrackerEvent::Kind::Changed;
                ev.path = { e->transition().from, e->transition().to };
                ev.inferred = inferred;
                ev.observedHops = inferred ? 0 : 1;
                for (int i = 0; i < n; ++i)
                    events.push_back(ev);
                n = n * 3 % 4999 + 2; // counts from x2 to x5000
            }
        }
        scene.addEvents({}, 10'000);
        scene.addEvents(events, 11'000); // with rates: two-line edge labels
        int hidden = 0, frames = 0;
        while (scene.isAnimating() && frames < 400) {
            const std::vector<QRectF> text = scene.textRects();
            for (size_t i = 0; i < text.size(); ++i) {
                for (size_t j = i + 1; j < text.size(); ++j)
                    QVERIFY2(!text[i].intersects(text[j]),
                        qPrintable(QStringLiteral("frame %1: text at %2,%3 %4x%5 overlaps %6,%7 %8x%9")
                                       .arg(frames)
                                       .arg(text[i].x())
                                       .arg(text[i].y())
                                       .arg(text[i].width())
                                       .arg(text[i].height())
                                       .arg(text[j].x())
                                       .arg(text[j].y())
                                       .arg(text[j].width())
                                       .arg(text[j].height())));
            }
            for (const TokenItem *t : scene.tokens())
                hidden += t->count() > 1 && t->labelCorner() < 0;
            scene.step(20);
            ++frames;
        }
        QVERIFY(frames > 5); // the whole animation was checked, not only its start
        qInfo("%d frames, %d token counts hidden for a frame", frames, hidden);
    }

    // Each edge shows its rate over the last interval, split observed (eBPF) / inferred in the tooltip.
    void edgesShowTheirRate()
    {
        StateDiagramScene scene;
        TransitionEdgeItem *fin = scene.edgeFor(TcpState::Established, TcpState::FinWait1);
        TransitionEdgeItem *ack = scene.edgeFor(TcpState::FinWait1, TcpState::FinWait2);
        QVERIFY(fin && ack);
        TrackerEvent observed;
        observed.kind = TrackerEvent::Kind::Changed;
        observed.path = { TcpState::Established, TcpState::FinWait1 };
        observed.observedHops = 1;
        TrackerEvent inferred;
        inferred.kind = TrackerEvent::Kind::Changed;
        inferred.path = { TcpState::Established, TcpState::FinWait1, TcpState::FinWait2 };
        inferred.inferred = true;
        scene.addEvents({}, 10'000);
        QCOMPARE(fin->intervalRate(), 0.0);
        const QString plain = fin->labelText();
        // 2 s later: three ESTABLISHED -> FIN_WAIT1 hops (two observed) and one FIN_WAIT1 -> FIN_WAIT2.
        scene.addEvents({ observed, observed, inferred }, 12'000);
        QCOMPARE(fin->intervalRate(), 1.5);
        QCOMPARE(fin->labelText(), plain + QStringLiteral("\n1.5/s"));
        QVERIFY(fin->toolTip().contains(QStringLiteral("2 observed")));
        QVERIFY(fin->toolTip().contains(QStringLiteral("1 inferred")));
        QCOMPARE(ack->intervalRate(), 0.5);
        QCOMPARE(scene.edgeFor(TcpState::CloseWait, TcpState::LastAck)->intervalRate(), 0.0);
        scene.addEvents({}, 13'000); // a quiet interval clears them
        QCOMPARE(fin->intervalRate(), 0.0);
        QCOMPARE(fin->labelText(), plain);
    }
};

QTEST_MAIN(TestStateDiagramScene)
#include "tst_statediagramscene.moc"
