#pragma once

#include "common/ladderstyle.h"

#include <QGraphicsItem>

// One endpoint's lane on the packet ladder: a header card with its name and current state (lit in the
// endpoint's colour), and the vertical time line below it.
class EndpointLaneItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 62 };

    EndpointLaneItem(LessonPacket::Endpoint endpoint, const LadderStyle &style, double length);

    int type() const override { return Type; }
    void setEndpoint(const QString &label, TcpState state);
    static double headerHeight(const LadderStyle &style) { return 74 * style.scale; }
    static double headerWidth(const LadderStyle &style) { return 250 * style.scale; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    LessonPacket::Endpoint m_endpoint;
    LadderStyle m_style;
    double m_length;
    QString m_label;
    TcpState m_state = TcpState::Close;
};
