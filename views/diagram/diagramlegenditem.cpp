#include "diagram/diagramlegenditem.h"

#include "diagram/diagramcolors.h"

#include <QGraphicsScene>
#include <QPainter>

QRectF DiagramLegendItem::boundingRect() const
{
    return QRectF(0, 0, 290, 166);
}

void DiagramLegendItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    using P = TcpTransition::Path;
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    struct Entry
    {
        QColor colour;
        Qt::PenStyle style;
        QString text;
    };
    const Entry entries[] = {
        { DiagramColors::forPath(P::Client), Qt::SolidLine, QObject::tr("usual client / active close") },
        { DiagramColors::forPath(P::Server), Qt::SolidLine, QObject::tr("usual server / passive close") },
        { DiagramColors::forPath(P::Other), Qt::SolidLine, QObject::tr("less common (simultaneous, ...)") },
        { DiagramColors::forPath(P::Abort), Qt::DotLine, QObject::tr("reset or abort (hover for details)") },
    };
    p->setRenderHint(QPainter::Antialiasing);
    QFont f;
    f.setPointSizeF(10);
    p->setFont(f);
    qreal y = 10;
    for (const Entry &e : entries) {
        p->setPen(QPen(e.colour, 2.5, e.style));
        p->drawLine(QPointF(4, y), QPointF(40, y));
        p->setPen(pal.color(QPalette::Text));
        p->drawText(QRectF(50, y - 9, 240, 18), Qt::AlignLeft | Qt::AlignVCenter, e.text);
        y += 22;
    }
    p->setPen(QPen(pal.color(QPalette::Base), 1.5));
    p->setBrush(DiagramColors::forPath(P::Client));
    p->drawEllipse(QPointF(22, y), 6, 6);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(QRectF(50, y - 9, 240, 18), Qt::AlignLeft | Qt::AlignVCenter,
        QObject::tr("token over hops seen (poll or eBPF)"));
    y += 22;
    p->setPen(QPen(DiagramColors::forPath(P::Client), 2, Qt::DashLine));
    p->setBrush(pal.color(QPalette::Base));
    p->drawEllipse(QPointF(22, y), 6, 6);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(
        QRectF(50, y - 9, 240, 18), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("token over unseen (inferred) hops"));
    y += 22;
    p->drawText(QRectF(4, y - 9, 36, 18), Qt::AlignCenter, QStringLiteral("n/s"));
    p->drawText(QRectF(50, y - 9, 240, 18), Qt::AlignLeft | Qt::AlignVCenter,
        QObject::tr("transitions/s (hover an edge)"));
}
