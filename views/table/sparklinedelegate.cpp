#include "table/sparklinedelegate.h"

#include <QPainter>
#include <QPainterPath>
#include <QPointF>

#include <algorithm>

SparklineDelegate::SparklineDelegate(int trendRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(trendRole)
{ }

void SparklineDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The cell first (the style may fill its background), then the trend over it, half transparent.
    QStyledItemDelegate::paint(p, option, index);
    const QVariantList trend = index.data(m_role).toList();
    if (trend.size() >= 2) {
        double x0 = trend.first().toPointF().x(), x1 = trend.last().toPointF().x(), hi = 0;
        for (const QVariant &v : trend)
            hi = std::max(hi, v.toPointF().y());
        hi *= 1.15; // headroom: the highest point below the cell's top
        const QRectF r = QRectF(option.rect).adjusted(3, 4, -3, -4);
        QPainterPath line;
        for (const QVariant &v : trend) {
            const QPointF pt = v.toPointF();
            const QPointF at(r.left() + (x1 > x0 ? (pt.x() - x0) / (x1 - x0) : 0) * r.width(),
                r.bottom() - (hi > 0 ? pt.y() / hi : 0) * r.height());
            if (line.elementCount() == 0) // not isEmpty(): a path of one moveTo is "empty" too
                line.moveTo(at);
            else
                line.lineTo(at);
        }
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        // The active group's colour: an inactive window's highlight is near white in some styles.
        QColor c = option.palette.color(QPalette::Active, QPalette::Highlight);
        // The area under the line, faint, so a steady value reads as a level and not as a border.
        QPainterPath area = line;
        area.lineTo(line.currentPosition().x(), r.bottom());
        area.lineTo(line.elementAt(0).x, r.bottom());
        area.closeSubpath();
        c.setAlphaF(0.15);
        p->fillPath(area, c);
        c.setAlphaF(0.6);
        p->setPen(QPen(c, 2));
        p->drawPath(line);
        p->restore();
    }
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(m_role).toList().isEmpty())
        s = s.expandedTo(QSize(140, 34));
    return s;
}
