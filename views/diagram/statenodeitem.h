#pragma once

#include "core/tcpstate.h"

#include <QGraphicsItem>

// One state of the diagram: its name, its live socket count, and emphasis that grows with the count.
// CLOSED is drawn twice, as in RFC 793 Figure 6: at the top (where connections start) and as the
// sink at the bottom right (where they end); the sink is a second node with isSink() true.
class StateNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    StateNodeItem(TcpState state, bool sink, QSizeF size, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    TcpState state() const { return m_state; }
    bool isSink() const { return m_sink; }
    int count() const { return m_count; }
    // count relative to the busiest state, 0..1 on a log scale: drives the fill intensity
    qreal emphasis() const { return m_emphasis; }
    void setCount(int count, int maxCount);
    // A small second line, e.g. FIN_WAIT_2's orphans.
    void setNote(const QString &note);
    QString note() const { return m_note; }
    void setHighlighted(bool on); // the selected socket is here
    bool isHighlighted() const { return m_highlighted; }
    void setFiltered(bool on); // the table shows only this state
    // A lesson's endpoints are here (teaching mode): a ring in the lesson's client/server colours.
    void setLessonMarks(bool client, bool server);
    bool hasLessonMark() const { return m_lessonClient || m_lessonServer; }
    QRectF rect() const { return m_rect; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    TcpState m_state;
    bool m_sink;
    QRectF m_rect;
    int m_count = 0;
    qreal m_emphasis = 0;
    QString m_note;
    bool m_highlighted = false;
    bool m_filtered = false;
    bool m_lessonClient = false;
    bool m_lessonServer = false;
};
