#pragma once

#include "core/tcptransition.h"

#include <QGraphicsItem>
#include <QPainterPath>

class StateNodeItem;

// One legal transition as an arrow labelled "event / action". Usual client and server moves are
// drawn solid in their path colour, rare ones violet, resets and aborts as faint dotted lines with no
// label (their tooltip still explains them). Width follows the recent rate of sockets taking it.
class TransitionEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    // How the arrow runs: `bend` pushes a quadratic curve sideways (scene units, + = left of travel);
    // with `cubic` it runs through c1 and c2 instead. labelAt is where along the arrow the label sits.
    struct Route
    {
        qreal bend = 0;
        bool cubic = false;
        QPointF c1, c2;
        qreal labelAt = 0.5;
        QPointF labelOffset;
    };

    TransitionEdgeItem(const TcpTransition &transition, StateNodeItem *from, StateNodeItem *to, const Route &route);

    int type() const override { return Type; }
    const TcpTransition &transition() const { return *m_transition; }
    StateNodeItem *fromNode() const { return m_from; }
    StateNodeItem *toNode() const { return m_to; }
    QPointF pointAt(qreal t) const { return m_path.pointAtPercent(qBound(0.0, t, 1.0)); }
    const QPainterPath &path() const { return m_path; }
    bool hasLabel() const { return m_transition->path != TcpTransition::Path::Abort; }

    // Sockets that took this edge since the last decay, for the width.
    void addTraffic(int sockets);
    void decay(qreal factor);
    qreal rate() const { return m_rate; }
    // Transitions per second over the last poll interval, and how many of them the kernel reported
    // (eBPF) rather than the state machine inferred: shown after the label ("12/s") and in the tooltip.
    void setIntervalRate(double perSecond, int observed, int inferred);
    double intervalRate() const { return m_intervalRate; }
    // The label as drawn: the transition's "event / action", plus the rate while it is not 0.
    QString labelText() const;
    // Moves the label off its route's spot by `nudge` (scene units), so that it clears other text
    // (StateDiagramScene::placeEdgeLabels); {0, 0} puts it back.
    void setLabelNudge(QPointF nudge);
    // The label's box in scene coordinates; empty for an edge without a label.
    QRectF labelSceneRect() const { return hasLabel() ? mapRectToScene(m_labelRect) : QRectF(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void layout(const Route &route);
    void placeLabel();
    QString tooltipText() const;
    QFont labelFont() const;

    const TcpTransition *m_transition;
    StateNodeItem *m_from;
    StateNodeItem *m_to;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    QString m_label;
    Route m_route;
    QPointF m_nudge;
    qreal m_rate = 0;
    double m_intervalRate = 0;
    int m_observed = 0;
    int m_inferred = 0;
    bool m_hovered = false;
};
