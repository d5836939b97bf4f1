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
    const QVariantList trend = index.data(m_role).toList();
    if (trend.size() >= 2) {
        double x0 = trend.first().toPointF().x(), x1 = trend.last().toPointF().x(), hi = 0;
        for (const QVariant &v : trend)
            hi = std::max(hi, v.toPointF().y());
        const QRectF r = QRectF(option.rect).adjusted(3, 4, -3, -4);
        QPainterPath line;
        for (const QVariant &v : trend) {
            const QPointF pt = v.toPointF();
            const QPointF at(r.left() + (x1 > x0 ? (pt.x() - x0) / (x1 - x0) : 0) * r.width(),
                r.bottom() - (hi > 0 ? pt.y() / hi : 0) * r.height());
            if (line.isEmpty())
                line.moveTo(at);
            else
                line.lineTo(at);
        }
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        QColor c = option.palette.color(QPalette::Highlight);
        c.setAlphaF(0.55);
        p->setPen(QPen(c, 1.5));
        p->drawPath(line);
        p->restore();
    }
    QStyledItemDelegate::paint(p, option, index);
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(m_role).toList().isEmpty())
        s = s.expandedTo(QSize(140, 34));
    return s;
}
