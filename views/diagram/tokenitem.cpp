#include "diagram/tokenitem.h"

#include "diagram/diagramcolors.h"
#include "diagram/transitionedgeitem.h"

#include <QGraphicsScene>
#include <QPainter>

#include <cmath>

TokenItem::TokenItem(std::vector<TransitionEdgeItem *> edges, int count, bool inferred, int msPerHop)
    : m_edges(std::move(edges))
    , m_count(count)
    , m_inferred(inferred)
    , m_msPerHop(qMax(1, msPerHop))
{
    setZValue(3);
    setAcceptedMouseButtons(Qt::NoButton);
    place();
}

TransitionEdgeItem *TokenItem::currentEdge() const
{
    if (isFinished() || m_edges.empty())
        return nullptr;
    return m_edges[size_t(m_elapsedMs / m_msPerHop)];
}

qreal TokenItem::progress() const
{
    return totalMs() > 0 ? qMin(1.0, qreal(m_elapsedMs) / totalMs()) : 1.0;
}

bool TokenItem::advanceBy(int ms)
{
    m_elapsedMs = qMin(totalMs(), m_elapsedMs + ms);
    place();
    return !isFinished();
}

void TokenItem::place()
{
    if (m_edges.empty())
        return;
    const int hop = qMin(int(m_edges.size()) - 1, m_elapsedMs / m_msPerHop);
    const qreal t = qreal(m_elapsedMs - hop * m_msPerHop) / m_msPerHop;
    // Ease in and out on each hop, so tokens visibly leave and reach each state.
    const qreal eased = t * t * (3 - 2 * t);
    setPos(m_edges[size_t(hop)]->pointAt(eased));
}

qreal TokenItem::radius() const
{
    return 6 + qMin(8.0, 2 * std::log10(qMax(1, m_count)));
}

QRectF TokenItem::boundingRect() const
{
    const qreal r = radius() + 2;
    return QRectF(-r, -r - 14, 2 * r + 40, 2 * r + 14);
}

void TokenItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const TransitionEdgeItem *e = currentEdge() ? currentEdge() : (m_edges.empty() ? nullptr : m_edges.back());
    const QColor c = e ? DiagramColors::forPath(e->transition().path) : QColor(Qt::gray);
    const qreal r = radius();
    p->setRenderHint(QPainter::Antialiasing);
    if (m_inferred) {
        p->setPen(QPen(c.darker(120), 2, Qt::DashLine));
        p->setBrush(pal.color(QPalette::Base));
    } else {
        p->setPen(QPen(pal.color(QPalette::Base), 1.5));
        p->setBrush(c);
    }
    p->drawEllipse(QPointF(0, 0), r, r);
    if (m_count > 1) {
        QFont f;
        f.setPointSizeF(8);
        f.setBold(true);
        p->setFont(f);
        p->setPen(pal.color(QPalette::Text));
        p->drawText(
            QRectF(r - 2, -r - 14, 42, 14), Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("\u00d7%1").arg(m_count));
    }
}
