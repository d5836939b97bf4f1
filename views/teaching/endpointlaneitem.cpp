#include "teaching/endpointlaneitem.h"

#include <QPainter>

EndpointLaneItem::EndpointLaneItem(LessonPacket::Endpoint endpoint, const LadderStyle &style, double length)
    : m_endpoint(endpoint)
    , m_style(style)
    , m_length(length)
{
    setZValue(1);
}

void EndpointLaneItem::setEndpoint(const QString &label, TcpState state)
{
    m_label = label;
    m_state = state;
    update();
}

QRectF EndpointLaneItem::boundingRect() const
{
    const double w = headerWidth(m_style);
    const double h = headerHeight(m_style);
    return QRectF(-w / 2 - 2, -h - 2, w + 4, h + m_length + 4);
}

void EndpointLaneItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor color = LadderStyle::endpointColor(m_endpoint);
    p->setPen(QPen(color.lighter(150), 3 * m_style.scale));
    p->drawLine(QPointF(0, 0), QPointF(0, m_length));

    const double w = headerWidth(m_style);
    const double h = headerHeight(m_style);
    const QRectF card(-w / 2, -h, w, h - 6 * m_style.scale);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawRoundedRect(card, 8, 8);
    p->setPen(Qt::white);
    p->setFont(m_style.font(14, false));
    const QRectF top(card.left(), card.top() + 4, card.width(), card.height() * 0.4);
    p->drawText(top, Qt::AlignCenter, m_label);
    p->setFont(m_style.font(22, true));
    const QRectF bottom(card.left(), top.bottom(), card.width(), card.height() * 0.55);
    p->drawText(bottom, Qt::AlignCenter, TcpStates::rfcName(m_state));
}
