#include "diagram/transitionedgeitem.h"

#include "diagram/diagramcolors.h"
#include "diagram/statenodeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>

#include <cmath>

namespace {
// Where a ray from the centre of `r` towards `towards` leaves the rectangle.
QPointF exitPoint(const QRectF &r, QPointF towards)
{
    const QPointF c = r.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal tx = qFuzzyIsNull(d.x()) ? 1e9 : (r.width() / 2) / std::abs(d.x());
    const qreal ty = qFuzzyIsNull(d.y()) ? 1e9 : (r.height() / 2) / std::abs(d.y());
    return c + d * qMin(tx, ty);
}

QRectF sceneRectOf(const StateNodeItem *n)
{
    return n->rect().translated(n->pos()).adjusted(-3, -3, 3, 3);
}
} // namespace

TransitionEdgeItem::TransitionEdgeItem(
    const TcpTransition &transition, StateNodeItem *from, StateNodeItem *to, const Route &route)
    : m_transition(&transition)
    , m_from(from)
    , m_to(to)
    , m_label(transition.label())
{
    setZValue(transition.path == TcpTransition::Path::Abort ? 0 : 1);
    setAcceptHoverEvents(true);
    setToolTip(tooltipText());
    layout(route);
}

QString TransitionEdgeItem::tooltipText() const
{
    const TcpTransition &t = *m_transition;
    QString tip = QStringLiteral("<p><b>%1 \u2192 %2</b>: %3</p><p>%4</p><p><i>%5</i></p>")
                      .arg(TcpStates::rfcName(t.from), TcpStates::rfcName(t.to), m_label.toHtmlEscaped(),
                          t.explanationText().toHtmlEscaped(), QString::fromUtf8(t.reference).toHtmlEscaped());
    if (m_observed + m_inferred > 0) {
        tip += QStringLiteral("<p>")
            + QObject::tr("Last interval: %1/s (%2 observed by the kernel's eBPF events, %3 inferred from polls)")
                  .arg(m_intervalRate, 0, 'f', m_intervalRate < 9.95 ? 1 : 0)
                  .arg(m_observed)
                  .arg(m_inferred)
            + QStringLiteral("</p>");
    }
    return tip;
}

QString TransitionEdgeItem::labelText() const
{
    if (m_intervalRate <= 0)
        return m_label;
    // On a line of its own: the label does not grow sideways into its neighbours.
    const QString rate = QString::number(m_intervalRate, 'f', m_intervalRate < 9.95 ? 1 : 0);
    return QStringLiteral("%1\n%2/s").arg(m_label, rate);
}

void TransitionEdgeItem::setIntervalRate(double perSecond, int observed, int inferred)
{
    if (perSecond == m_intervalRate && observed == m_observed && inferred == m_inferred)
        return;
    m_intervalRate = perSecond;
    m_observed = observed;
    m_inferred = inferred;
    setToolTip(tooltipText());
    placeLabel();
    update();
}

QFont TransitionEdgeItem::labelFont() const
{
    QFont f;
    f.setPointSizeF(9.5);
    return f;
}

void TransitionEdgeItem::layout(const Route &route)
{
    const QRectF a = sceneRectOf(m_from);
    const QRectF b = sceneRectOf(m_to);
    const QPointF ca = a.center();
    const QPointF cb = b.center();
    QPointF c1, c2;
    if (route.cubic) {
        c1 = route.c1;
        c2 = route.c2;
    } else {
        const QPointF d = cb - ca;
        const qreal len = std::hypot(d.x(), d.y());
        const QPointF normal = len > 0 ? QPointF(d.y() / len, -d.x() / len) : QPointF();
        c1 = c2 = (ca + cb) / 2 + normal * route.bend * 2; // a quadratic's apex is half way to its control
    }
    const QPointF start = exitPoint(a, c1);
    const QPointF end = exitPoint(b, c2);
    m_path = QPainterPath(start);
    if (route.cubic)
        m_path.cubicTo(c1, c2, end);
    else
        m_path.quadTo(c1, end);

    // Arrow head along the last stretch of the curve.
    const QPointF tip = end;
    const QPointF back = m_path.pointAtPercent(0.97);
    QPointF dir = tip - back;
    const qreal dl = std::hypot(dir.x(), dir.y());
    dir = dl > 0 ? dir / dl : QPointF(0, 1);
    const QPointF n(-dir.y(), dir.x());
    const qreal size = 9;
    m_arrow = QPolygonF({ tip, tip - dir * size + n * size * 0.45, tip - dir * size - n * size * 0.45 });

    m_route = route;
    placeLabel();
}

void TransitionEdgeItem::placeLabel()
{
    prepareGeometryChange();
    if (!hasLabel())
        return;
    const QFontMetricsF fm(labelFont());
    const QStringList lines = labelText().split(QLatin1Char('\n'));
    qreal width = 0;
    for (const QString &l : lines)
        width = std::max(width, fm.horizontalAdvance(l));
    const QSizeF s(width + 8, fm.height() * qreal(lines.size()) + 2);
    const QPointF at = m_path.pointAtPercent(m_route.labelAt) + m_route.labelOffset + m_nudge;
    m_labelRect = QRectF(at - QPointF(s.width() / 2, s.height() / 2), s);
}

void TransitionEdgeItem::setLabelNudge(QPointF nudge)
{
    if (nudge == m_nudge)
        return;
    m_nudge = nudge;
    placeLabel();
    update();
}

void TransitionEdgeItem::addTraffic(int sockets)
{
    m_rate += sockets;
    update();
}

void TransitionEdgeItem::decay(qreal factor)
{
    if (m_rate <= 0)
        return;
    m_rate = m_rate * factor < 0.05 ? 0 : m_rate * factor;
    update();
}

QRectF TransitionEdgeItem::boundingRect() const
{
    return m_path.boundingRect().united(m_arrow.boundingRect()).united(m_labelRect).adjusted(-8, -8, 8, 8);
}

QPainterPath TransitionEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath s = stroker.createStroke(m_path);
    s.addPolygon(m_arrow);
    if (!m_labelRect.isNull())
        s.addRect(m_labelRect);
    return s;
}

void TransitionEdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const bool abort = m_transition->path == TcpTransition::Path::Abort;
    QColor c = DiagramColors::forPath(m_transition->path);
    if (abort)
        c.setAlphaF(m_hovered ? 0.9 : 0.45);
    const qreal width = (abort ? 1.0 : 1.6) + qMin(5.0, std::log2(1.0 + m_rate)) + (m_hovered ? 1.5 : 0);
    QPen pen(c, width, abort ? Qt::DotLine : Qt::SolidLine, Qt::RoundCap);
    if (m_transition->path == TcpTransition::Path::Other)
        pen.setStyle(Qt::SolidLine);
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawPolygon(m_arrow);
    if (!hasLabel())
        return;
    QColor bg = pal.color(QPalette::Base);
    bg.setAlphaF(0.85);
    p->setBrush(bg);
    p->setPen(QPen(DiagramColors::towardsBase(c, pal, 0.5), m_hovered ? 1.5 : 0.8));
    p->drawRoundedRect(m_labelRect, 4, 4);
    p->setFont(labelFont());
    p->setPen(pal.color(QPalette::Text));
    p->drawText(m_labelRect, Qt::AlignCenter, labelText());
}

void TransitionEdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void TransitionEdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}
