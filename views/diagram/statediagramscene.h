#pragma once

#include "core/snapshot.h"
#include "core/tcptransition.h"
#include "tracker/trackerevent.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QTimer>

#include <optional>
#include <unordered_map>
#include <vector>

class StateNodeItem;
class TimeWaitHistogramItem;
class DiagramLegendItem;
class TokenItem;
class TransitionEdgeItem;

// The RFC 793 state diagram (RFC 9293 Figure 5) with live counts and animated transitions.
// Laid out as the RFC draws it: opening at the top, the active closer's states on the left,
// the passive closer's on the right, TIME-WAIT and the final CLOSED at the bottom.
class StateDiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit StateDiagramScene(QObject *parent = nullptr);
    ~StateDiagramScene() override;

    StateNodeItem *node(TcpState s) const; // CLOSED: the top node
    StateNodeItem *closedSink() const { return m_sink; }
    const std::vector<StateNodeItem *> &nodes() const { return m_nodes; }
    const std::vector<TransitionEdgeItem *> &edges() const { return m_edges; }
    TransitionEdgeItem *edge(const TcpTransition *t) const;
    // The edge a hop from -> to is drawn on (the usual transition when several join the pair).
    TransitionEdgeItem *edgeFor(TcpState from, TcpState to) const;
    const std::vector<TokenItem *> &tokens() const { return m_tokens; }
    TimeWaitHistogramItem *timeWaitHistogram() const { return m_histogram; }

    // Counts (and TIME-WAIT/FIN-WAIT-2 details) from a poll; family nullopt = both.
    void setSnapshot(const Snapshot &snapshot, std::optional<AddressFamily> family = std::nullopt);
    // Animates one poll's tracker events, one token per distinct path. With the poll's time, each
    // edge also shows its rate over the interval since the previous poll (TransitionEdgeItem).
    void addEvents(const std::vector<TrackerEvent> &events, qint64 pollMs = 0);
    void setHighlightedState(std::optional<TcpState> s); // where the selected socket is
    void setFilterState(std::optional<TcpState> s); // the state the table is filtered to
    // A lesson's two endpoints, lit in the live diagram (nullopt clears).
    void setLessonStates(std::optional<TcpState> client, std::optional<TcpState> server);
    // Time for a token to cross one edge; the window keeps a whole path inside one poll interval.
    void setMsPerHop(int ms) { m_msPerHop = ms; }
    int msPerHop() const { return m_msPerHop; }
    bool isAnimating() const { return !m_tokens.empty(); }
    // Moves every token on by ms (the frame timer calls this; tests call it directly).
    void step(int ms);
    // Where the scene's text is, in scene coordinates: every node (its name, count and note), every
    // edge label and every token count shown. No two overlap (placeTokenLabels); tests check it.
    std::vector<QRectF> textRects() const;

Q_SIGNALS:
    void stateClicked(TcpState state);
    void animationSettled();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    std::vector<QRectF> fixedTextRects() const;
    // Moves each edge label that would overlap a node or an earlier label to the nearest free spot.
    void placeEdgeLabels();
    // Puts each token's count at the first corner where it overlaps no other text, or hides it.
    void placeTokenLabels();
    void build();
    void onFrame();
    void setIntervalRates(const std::vector<TrackerEvent> &events, qint64 pollMs);

    std::vector<StateNodeItem *> m_nodes;
    StateNodeItem *m_sink = nullptr;
    std::vector<TransitionEdgeItem *> m_edges;
    std::unordered_map<const TcpTransition *, TransitionEdgeItem *> m_edgeOf;
    std::vector<TokenItem *> m_tokens;
    TimeWaitHistogramItem *m_histogram = nullptr;
    DiagramLegendItem *m_legend = nullptr;
    QTimer m_frame; // token animation, runs only while something moves
    QTimer m_countdown; // TIME-WAIT histogram repaints
    QElapsedTimer m_clock;
    qint64 m_lastFrameMs = 0;
    int m_msPerHop = 350;
    qint64 m_lastPollMs = 0; // of the last addEvents() with a time, for the edges' rates
};
