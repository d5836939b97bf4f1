#pragma once

#include <QGraphicsItem>

#include <vector>

class TransitionEdgeItem;

// Sockets moving along a path of edges between two polls. One token stands for every socket that
// took the same path in that poll and shows their number, so thousands of moves cost a few items.
// A path with hops no poll saw (inferred) is drawn hollow and dashed.
class TokenItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    TokenItem(std::vector<TransitionEdgeItem *> edges, int count, bool inferred, int msPerHop);

    int type() const override { return Type; }
    const std::vector<TransitionEdgeItem *> &edges() const { return m_edges; }
    int count() const { return m_count; }
    bool isInferred() const { return m_inferred; }
    // The edge the token is on now (nullptr once finished).
    TransitionEdgeItem *currentEdge() const;
    qreal progress() const; // 0..1 over the whole path
    bool isFinished() const { return m_elapsedMs >= totalMs(); }
    int totalMs() const { return int(m_edges.size()) * m_msPerHop; }
    // Moves the token on by ms; returns false once it has arrived.
    bool advanceBy(int ms);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void place();
    qreal radius() const;

    std::vector<TransitionEdgeItem *> m_edges;
    int m_count;
    bool m_inferred;
    int m_msPerHop;
    int m_elapsedMs = 0;
};
