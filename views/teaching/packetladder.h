#pragma once

#include "common/ladderstyle.h"

#include <QGraphicsView>

class EndpointLaneItem;

// The packet ladder (sequence diagram) of a lesson: client lane left, server lane right, one row per
// step. Shows every step up to the current one; the current row is highlighted and each endpoint's
// state is written beside its lane where it changes.
class PacketLadder : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PacketLadder(QWidget *parent = nullptr);

    void setLesson(const Lesson &lesson);
    void setStep(int step);
    void setPresentation(bool on);
    int step() const { return m_step; }
    // Items of the current scene, for tests.
    QList<QGraphicsItem *> packetItems() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    double rowTop(int step) const;
    void chooseRowHeight();

    Lesson m_lesson;
    int m_step = -1;
    LadderStyle m_style;
    double m_rowH = 88;
    QGraphicsScene *m_scene;
};
