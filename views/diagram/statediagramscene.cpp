#include "diagram/statediagramscene.h"

#include "core/tcpstatemachine.h"
#include "diagram/diagramlegenditem.h"
#include "diagram/statenodeitem.h"
#include "diagram/timewaithistogramitem.h"
#include "diagram/tokenitem.h"
#include "diagram/transitionedgeitem.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>

#include <algorithm>

#include <map>

namespace {
using S = TcpState;
const QSizeF nodeSize(170, 58);
const QSizeF timeWaitSize(220, 108);

QPointF positionOf(TcpState s)
{
    switch (s) {
    case S::Close:
        return { 0, 0 };
    case S::Listen:
        return { 0, 110 };
    case S::SynRecv:
        return { -400, 220 };
    case S::SynSent:
        return { 400, 220 };
    case S::Established:
        return { 0, 330 };
    case S::FinWait1:
        return { -400, 440 };
    case S::CloseWait:
        return { 400, 440 };
    case S::FinWait2:
        return { -400, 560 };
    case S::Closing:
        return { 0, 560 };
    case S::LastAck:
        return { 400, 560 };
    case S::TimeWait:
        return { 0, 690 };
    default:
        return {};
    }
}
const QPointF sinkPosition(400, 690);

// Hand-made routes so arrows and labels do not collide (scene units; see positionOf()).
TransitionEdgeItem::Route routeOf(const TcpTransition &t)
{
    TransitionEdgeItem::Route r;
    auto is = [&t](S from, S to) { return t.from == from && t.to == to; };
    if (is(S::Close, S::Listen) || is(S::Listen, S::Close))
        r.bend = 34;
    else if (is(S::Close, S::SynSent))
        r.bend = 45;
    else if (is(S::SynSent, S::Close)) {
        r.bend = 8;
        r.labelOffset = { 30, 0 };
    } else if (is(S::Listen, S::SynSent))
        r.labelOffset = { 20, 8 };
    else if (is(S::Listen, S::SynRecv) || is(S::SynRecv, S::Listen))
        r.bend = 28;
    else if (is(S::TimeWait, S::SynRecv)) {
        r.cubic = true;
        r.c1 = { -660, 730 };
        r.c2 = { -660, 220 };
        r.labelAt = 0.5;
        r.labelOffset = { -70, 0 };
    } else if (is(S::FinWait2, S::Close)) {
        // Under TIME-WAIT, so it does not cross the active closer's usual path.
        const bool abort = t.path == TcpTransition::Path::Abort;
        r.cubic = true;
        r.c1 = { -420, abort ? 850.0 : 810.0 };
        r.c2 = { 380, abort ? 850.0 : 810.0 };
        r.labelAt = 0.3;
    } else if (is(S::FinWait1, S::TimeWait))
        r.labelAt = 0.75;
    else if (is(S::FinWait2, S::TimeWait))
        r.labelAt = 0.4;
    else if (is(S::SynSent, S::SynRecv))
        r.labelOffset = { 0, -12 };
    if (t.path == TcpTransition::Path::Abort) {
        if (is(S::CloseWait, S::Close))
            r.bend = -70;
        else if (is(S::LastAck, S::Close))
            r.bend = -30;
        else if (is(S::FinWait1, S::Close))
            r.bend = 40;
        else if (is(S::Established, S::Close))
            r.bend = 25;
    }
    return r;
}
} // namespace

StateDiagramScene::StateDiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{
    build();
    m_frame.setInterval(16);
    m_countdown.setInterval(250);
    connect(&m_countdown, &QTimer::timeout, this, [this] { m_histogram->update(); });
    connect(&m_frame, &QTimer::timeout, this, &StateDiagramScene::onFrame);
    m_clock.start();
}

StateDiagramScene::~StateDiagramScene() = default;

void StateDiagramScene::build()
{
    for (TcpState s : TcpStates::rfcStates) {
        const bool tw = s == S::TimeWait;
        auto *n = new StateNodeItem(s, false, tw ? timeWaitSize : nodeSize);
        n->setPos(positionOf(s));
        addItem(n);
        m_nodes.push_back(n);
        if (tw) {
            m_histogram = new TimeWaitHistogramItem(QSizeF(timeWaitSize.width() - 30, 32), n);
            m_histogram->setPos(-timeWaitSize.width() / 2 + 15, -timeWaitSize.height() / 2 + 54);
        }
    }
    m_sink = new StateNodeItem(S::Close, true, QSizeF(nodeSize.width(), 34));
    m_sink->setPos(sinkPosition);
    addItem(m_sink);

    for (const TcpTransition &t : TcpStateMachine::transitions()) {
        // Ends of connections go to the bottom CLOSED; only refused opens and closed listeners
        // return to the top one, as in RFC 793 Figure 6.
        const bool toTop = t.to == S::Close && (t.from == S::Listen || t.from == S::SynSent);
        StateNodeItem *to = t.to == S::Close && !toTop ? m_sink : node(t.to);
        auto *e = new TransitionEdgeItem(t, node(t.from), to, routeOf(t));
        addItem(e);
        m_edges.push_back(e);
        m_edgeOf.emplace(&t, e);
    }
    m_legend = new DiagramLegendItem;
    m_legend->setPos(330, -40);
    addItem(m_legend);
    placeEdgeLabels();
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

StateNodeItem *StateDiagramScene::node(TcpState s) const
{
    s = TcpStateMachine::diagramState(s);
    for (StateNodeItem *n : m_nodes) {
        if (n->state() == s)
            return n;
    }
    return nullptr;
}

TransitionEdgeItem *StateDiagramScene::edge(const TcpTransition *t) const
{
    const auto it = m_edgeOf.find(t);
    return it == m_edgeOf.end() ? nullptr : it->second;
}

TransitionEdgeItem *StateDiagramScene::edgeFor(TcpState from, TcpState to) const
{
    return edge(TcpStateMachine::find(from, to));
}

void StateDiagramScene::setSnapshot(const Snapshot &s, std::optional<AddressFamily> family)
{
    if (!s.isValid())
        return;
    Snapshot::Counts counts = family ? s.counts(*family) : s.totalCounts();
    // The diagram shows kernel-only states where the RFC has them.
    counts[TcpStates::index(S::SynRecv)] += counts[TcpStates::index(S::NewSynRecv)];
    counts[TcpStates::index(S::Close)] += counts[TcpStates::index(S::BoundInactive)];
    int peak = 1;
    for (TcpState st : TcpStates::rfcStates)
        peak = qMax(peak, counts[TcpStates::index(st)]);
    for (StateNodeItem *n : m_nodes)
        n->setCount(counts[TcpStates::index(n->state())], peak);

    int orphans = 0;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == S::FinWait2 && e.isOrphan() && (!family || e.family == *family))
            ++orphans;
    }
    const auto finTimeout = s.tunables().intValue(QStringLiteral("net.ipv4.tcp_fin_timeout"));
    node(S::FinWait2)
        ->setNote(orphans == 0 ? QString()
                : finTimeout   ? tr("%n orphaned, \u2264 %1 s", nullptr, orphans).arg(*finTimeout)
                               : tr("%n orphaned", nullptr, orphans));
    m_histogram->setSnapshot(s, family);
    // The histogram counts down between polls; four repaints a second are enough for 1 s bins.
    if (m_histogram->total() > 0 && !m_countdown.isActive())
        m_countdown.start();
    else if (m_histogram->total() == 0)
        m_countdown.stop();
}

void StateDiagramScene::setIntervalRates(const std::vector<TrackerEvent> &events, qint64 pollMs)
{
    const qint64 dt = pollMs - m_lastPollMs;
    const bool have = m_lastPollMs > 0 && dt > 0;
    m_lastPollMs = pollMs;
    std::unordered_map<TransitionEdgeItem *, std::pair<int, int>> taken; // observed, inferred
    if (have) {
        for (const TrackerEvent &ev : events) {
            for (int i = 0; i < ev.hops(); ++i) {
                if (TransitionEdgeItem *e = edgeFor(ev.path[i], ev.path[i + 1]))
                    ++(ev.hopObserved(i) ? taken[e].first : taken[e].second);
            }
        }
    }
    for (TransitionEdgeItem *e : m_edges) {
        const auto it = taken.find(e);
        const auto [observed, inferred] = it == taken.end() ? std::pair(0, 0) : it->second;
        e->setIntervalRate((observed + inferred) * 1000.0 / double(std::max<qint64>(dt, 1)), observed, inferred);
    }
    placeEdgeLabels(); // a rate adds a line to a label
}

void StateDiagramScene::placeEdgeLabels()
{
    std::vector<QRectF> taken = fixedTextRects();
    for (QRectF &r : taken)
        r.adjust(-3, -3, 3, 3);
    const auto free = [&taken](const QRectF &r) {
        return std::none_of(taken.begin(), taken.end(), [&r](const QRectF &t) { return t.intersects(r); });
    };
    for (TransitionEdgeItem *e : m_edges) {
        if (!e->hasLabel())
            continue;
        e->setLabelNudge({});
        const QRectF home = e->labelSceneRect();
        // Up and down first (labels sit beside their arrows), then sideways, then further out.
        const qreal dy = home.height() / 2 + 3, dx = home.width() / 2 + 3;
        const QPointF tries[] = { { 0, 0 }, { 0, -dy }, { 0, dy }, { -dx, 0 }, { dx, 0 }, { 0, -2 * dy }, { 0, 2 * dy },
            { -dx, -dy }, { dx, -dy }, { -dx, dy }, { dx, dy }, { -2 * dx, 0 }, { 2 * dx, 0 } };
        for (const QPointF &t : tries) {
            if (free(home.translated(t))) {
                e->setLabelNudge(t);
                break;
            }
        }
        taken.push_back(e->labelSceneRect());
    }
}

void StateDiagramScene::addEvents(const std::vector<TrackerEvent> &events, qint64 pollMs)
{
    if (pollMs > 0)
        setIntervalRates(events, pollMs);
    // Group by path: a key of up to 15 four-bit states plus the inferred flag.
    std::map<quint64, std::pair<const TrackerEvent *, int>> groups;
    for (const TrackerEvent &ev : events) {
        if (ev.path.size() < 2 || ev.path.size() > 15)
            continue;
        quint64 key = ev.inferred ? 1 : 0;
        for (TcpState s : ev.path)
            key = (key << 4) | quint64(TcpStates::index(s) & 0xf);
        auto &g = groups[key];
        if (!g.first)
            g.first = &ev;
        ++g.second;
    }
    for (const auto &[key, group] : groups) {
        const TrackerEvent &ev = *group.first;
        std::vector<TransitionEdgeItem *> hops;
        for (qsizetype i = 1; i < ev.path.size(); ++i) {
            if (TransitionEdgeItem *e = edgeFor(ev.path[i - 1], ev.path[i])) {
                hops.push_back(e);
                e->addTraffic(group.second);
            }
        }
        if (hops.empty())
            continue;
        auto *token = new TokenItem(std::move(hops), group.second, ev.inferred, m_msPerHop);
        addItem(token);
        m_tokens.push_back(token);
    }
    placeTokenLabels();
    if (!m_frame.isActive()) {
        m_lastFrameMs = m_clock.elapsed();
        m_frame.start();
    }
}

void StateDiagramScene::step(int ms)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if ((*it)->advanceBy(ms)) {
            ++it;
            continue;
        }
        delete *it;
        it = m_tokens.erase(it);
    }
    placeTokenLabels();
    // Edge widths fall back with a half-life of about two seconds.
    const qreal factor = std::pow(0.5, ms / 2000.0);
    for (TransitionEdgeItem *e : m_edges)
        e->decay(factor);
    if (m_tokens.empty())
        Q_EMIT animationSettled();
}

// Text that never moves: node boxes (name, count, note, TIME_WAIT's histogram inside) and the legend.
std::vector<QRectF> StateDiagramScene::fixedTextRects() const
{
    std::vector<QRectF> out;
    for (const StateNodeItem *n : m_nodes)
        out.push_back(n->mapRectToScene(n->rect()));
    if (m_legend)
        out.push_back(m_legend->mapRectToScene(m_legend->boundingRect()));
    return out;
}

std::vector<QRectF> StateDiagramScene::textRects() const
{
    std::vector<QRectF> out = fixedTextRects();
    for (const TransitionEdgeItem *e : m_edges) {
        if (const QRectF r = e->labelSceneRect(); !r.isNull())
            out.push_back(r);
    }
    for (const TokenItem *t : m_tokens) {
        if (const QRectF r = t->labelRect(); !r.isNull())
            out.push_back(r);
    }
    return out;
}

void StateDiagramScene::placeTokenLabels()
{
    std::vector<QRectF> taken = fixedTextRects();
    for (const TransitionEdgeItem *e : m_edges) {
        if (const QRectF r = e->labelSceneRect(); !r.isNull())
            taken.push_back(r);
    }
    const auto free = [&taken](const QRectF &r) {
        return std::none_of(taken.begin(), taken.end(), [&r](const QRectF &t) { return t.intersects(r); });
    };
    for (TokenItem *t : m_tokens) {
        int corner = -1;
        for (int c = 0; c < TokenItem::Corners && corner < 0 && t->count() > 1; ++c)
            corner = free(t->labelRectAt(c)) ? c : -1;
        t->setLabelCorner(corner);
        if (corner >= 0)
            taken.push_back(t->labelRectAt(corner));
    }
}

void StateDiagramScene::onFrame()
{
    const qint64 now = m_clock.elapsed();
    const int dt = int(qBound(qint64(0), now - m_lastFrameMs, qint64(200)));
    m_lastFrameMs = now;
    if (!m_tokens.empty()) {
        step(dt);
        return;
    }
    bool busy = false;
    for (TransitionEdgeItem *e : m_edges) {
        e->decay(std::pow(0.5, dt / 2000.0));
        busy |= e->rate() > 0;
    }
    // Idle: no frames at all (matters over remote X and on battery).
    if (!busy)
        m_frame.stop();
}

void StateDiagramScene::setHighlightedState(std::optional<TcpState> s)
{
    for (StateNodeItem *n : m_nodes)
        n->setHighlighted(s && n->state() == TcpStateMachine::diagramState(*s));
}

void StateDiagramScene::setFilterState(std::optional<TcpState> s)
{
    for (StateNodeItem *n : m_nodes)
        n->setFiltered(s && n->state() == *s);
}

void StateDiagramScene::setLessonStates(std::optional<TcpState> client, std::optional<TcpState> server)
{
    for (StateNodeItem *n : m_nodes) {
        const auto here = [n](std::optional<TcpState> s) {
            return s && !n->isSink() && n->state() == TcpStateMachine::diagramState(*s);
        };
        n->setLessonMarks(here(client), here(server));
    }
}

void StateDiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == StateNodeItem::Type) {
            auto *n = static_cast<StateNodeItem *>(item);
            Q_EMIT stateClicked(n->state());
            event->accept();
            return;
        }
        if (item->type() == TimeWaitHistogramItem::Type && item->parentItem()) {
            Q_EMIT stateClicked(TcpState::TimeWait);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

bool StateDiagramScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        update();
    return QGraphicsScene::event(event);
}
