#include "teaching/packetarrowitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

PacketArrowItem::PacketArrowItem(const LessonPacket &packet, QLineF line, const LadderStyle &style, double labelAt)
    : m_packet(packet)
    , m_line(line)
    , m_style(style)
    , m_labelAt(labelAt)
{
    setZValue(2);
}

void PacketArrowItem::setProgress(double progress)
{
    prepareGeometryChange();
    m_progress = qBound(0.0, progress, 1.0);
    update();
}

QRectF PacketArrowItem::labelRect() const
{
    const QFontMetricsF big(m_style.font(15, true));
    const QFontMetricsF small(m_style.font(12));
    const double w = qMax(big.horizontalAdvance(m_packet.label()), small.horizontalAdvance(m_packet.note)) + 12;
    const double h = big.height() + (m_packet.note.isEmpty() ? 0 : small.height()) + 4;
    const QPointF at = m_line.pointAt(m_labelAt);
    return QRectF(at.x() - w / 2, at.y() - h - 2, w, h);
}

QRectF PacketArrowItem::boundingRect() const
{
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-14, -14, 14, 14).united(labelRect());
}

void PacketArrowItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color = LadderStyle::flagColor(m_packet.flags);
    const double reach = m_packet.lost ? qMin(m_progress, 0.62) : m_progress;
    const QLineF drawn(m_line.p1(), m_line.pointAt(reach));
    QPen pen(color, 2.6 * m_style.scale, m_packet.lost ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    p->setPen(pen);
    p->drawLine(drawn);
    const QPointF tip = drawn.p2();
    if (m_packet.lost) {
        // A cross where the packet disappears.
        const double r = 8 * m_style.scale;
        p->setPen(QPen(QColor(0xc9, 0x1d, 0x1d), 3 * m_style.scale, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(tip + QPointF(-r, -r), tip + QPointF(r, r));
        p->drawLine(tip + QPointF(-r, r), tip + QPointF(r, -r));
    } else {
        const double angle = qAtan2(-drawn.dy(), drawn.dx());
        const double s = 13 * m_style.scale;
        const QPointF a = tip - QPointF(qCos(angle - M_PI / 7) * s, -qSin(angle - M_PI / 7) * s);
        const QPointF b = tip - QPointF(qCos(angle + M_PI / 7) * s, -qSin(angle + M_PI / 7) * s);
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        p->drawPolygon(QPolygonF({ tip, a, b }));
    }
    // Label on a white card so crossing lines never run through the text.
    const QRectF r = labelRect();
    p->setPen(QPen(color.lighter(160), 1));
    p->setBrush(QColor(255, 255, 255, 235));
    p->drawRoundedRect(r, 4, 4);
    const QFont big = m_style.font(15, true);
    p->setFont(big);
    p->setPen(color.darker(120));
    const double lineH = QFontMetricsF(big).height();
    p->drawText(QRectF(r.left(), r.top() + 2, r.width(), lineH), Qt::AlignCenter, m_packet.label());
    if (!m_packet.note.isEmpty()) {
        QFont small = m_style.font(12);
        small.setItalic(true);
        p->setFont(small);
        p->setPen(QColor(0x40, 0x40, 0x40));
        p->drawText(
            QRectF(r.left(), r.top() + 2 + lineH, r.width(), r.height() - lineH - 2), Qt::AlignCenter, m_packet.note);
    }
}
