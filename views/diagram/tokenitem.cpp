#include "diagram/tokenitem.h"

#include "diagram/diagramcolors.h"
#include "diagram/transitionedgeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

#include <cmath>

namespace {
QFont labelFont()
{
    QFont f;
    f.setPointSizeF(8);
    f.setBold(true);
    return f;
}
} // namespace

TokenItem::TokenItem(std::vector<TransitionEdgeItem *> edges, int count, bool inferred, int msPerHop)
    : m_edges(std::move(edges))
    , m_count(count)
    , m_inferred(inferred)
    , m_msPerHop(qMax(1, msPerHop))
{
    if (m_count > 1) {
        const QFontMetricsF fm(labelFont());
        m_labelSize = QSizeF(fm.horizontalAdvance(labelText()) + 2, fm.height());
    }
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

QString TokenItem::labelText() const
{
    return QStringLiteral("\u00d7%1").arg(m_count);
}

// Above right, above left, below right, below left, right, left of the circle.
QRectF TokenItem::localLabelRect(int corner) const
{
    if (m_count <= 1 || corner < 0 || corner >= Corners)
        return {};
    const qreal r = radius();
    const qreal w = m_labelSize.width(), h = m_labelSize.height();
    static constexpr qreal xs[Corners] = { 1, -1, 1, -1, 1, -1 };
    const qreal x = xs[corner] > 0 ? r - 2 : -(r - 2) - w;
    const qreal y = corner < 2 ? -r - h : corner < 4 ? r : -h / 2;
    const qreal side = corner >= 4 ? (xs[corner] > 0 ? 4 : -4) : 0;
    return QRectF(x + side, y, w, h);
}

QRectF TokenItem::labelRectAt(int corner) const
{
    const QRectF l = localLabelRect(corner);
    return l.isNull() ? l : l.translated(pos());
}

void TokenItem::setLabelCorner(int corner)
{
    if (corner == m_corner)
        return;
    m_corner = corner;
    update();
}

QRectF TokenItem::boundingRect() const
{
    const qreal r = radius() + 2;
    const qreal w = m_labelSize.width() + 6, h = m_labelSize.height();
    return QRectF(-r - w, -r - h, 2 * (r + w), 2 * (r + h));
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
    const QRectF label = localLabelRect(m_corner);
    if (!label.isNull()) {
        p->setFont(labelFont());
        p->setPen(pal.color(QPalette::Text));
        p->drawText(label, Qt::AlignCenter, labelText());
    }
}
