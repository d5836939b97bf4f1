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

    // The "×N" count beside the token, in scene coordinates, at corner `c` (0..Corners-1, nearest
    // first); empty for a single socket. The scene picks a corner that collides with no other text
    // (StateDiagramScene::placeTokenLabels) or hides the count for that frame (-1).
    static constexpr int Corners = 6;
    QRectF labelRectAt(int corner) const;
    void setLabelCorner(int corner);
    int labelCorner() const { return m_corner; }
    QRectF labelRect() const { return m_corner < 0 ? QRectF() : labelRectAt(m_corner); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void place();
    qreal radius() const;
    QRectF localLabelRect(int corner) const;
    QString labelText() const;

    std::vector<TransitionEdgeItem *> m_edges;
    int m_count;
    bool m_inferred;
    int m_msPerHop;
    int m_elapsedMs = 0;
    int m_corner = 0;
    QSizeF m_labelSize;
};
