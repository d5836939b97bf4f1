#pragma once

#include <QGraphicsItem>

// The key to the diagram's line styles, drawn in the corner of the scene.
class DiagramLegendItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 5 };

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};
