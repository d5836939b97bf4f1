#pragma once

#include "common/ladderstyle.h"

#include <QGraphicsItem>

// One segment on the packet ladder: an arrow from the sender's lane to the receiver's, labelled with
// flags, seq/ack and timestamps. A lost packet ends in a cross; one still in flight is drawn halfway.
class PacketArrowItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 61 };

    PacketArrowItem(const LessonPacket &packet, QLineF line, const LadderStyle &style, double labelAt = 0.5);

    int type() const override { return Type; }
    // 0..1: how far along the line the packet has travelled (in-flight packets stop at 0.5).
    void setProgress(double progress);
    double progress() const { return m_progress; }
    const LessonPacket &packet() const { return m_packet; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF labelRect() const;

    LessonPacket m_packet;
    QLineF m_line;
    LadderStyle m_style;
    double m_labelAt;
    double m_progress = 1.0;
};
