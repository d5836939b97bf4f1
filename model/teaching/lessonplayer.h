#pragma once

#include "teaching/lesson.h"

#include <QObject>
#include <QTimer>

// Plays a lesson: the current step (-1 = before the first), play/pause on a timer, speed.
// Views draw from lesson() and step(); they never hold their own copy of the position.
class LessonPlayer : public QObject
{
    Q_OBJECT
public:
    explicit LessonPlayer(QObject *parent = nullptr);

    void setLesson(const Lesson &lesson);
    const Lesson &lesson() const { return m_lesson; }
    int step() const { return m_step; }
    int stepCount() const { return int(m_lesson.steps.size()); }
    bool atEnd() const { return m_step >= stepCount() - 1; }
    bool isPlaying() const { return m_timer.isActive(); }
    // 1.0 = one step every baseIntervalMs; 2.0 twice as fast.
    double speed() const { return m_speed; }
    static constexpr int baseIntervalMs = 4000;

    TcpState clientState() const { return m_lesson.clientAt(m_step); }
    TcpState serverState() const { return m_lesson.serverAt(m_step); }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void restart();
    void seek(int step); // clamped to [-1, stepCount()-1]
    void setSpeed(double speed);

Q_SIGNALS:
    void stepChanged(int step);
    void playingChanged(bool playing);
    void lessonChanged();

private:
    Lesson m_lesson;
    int m_step = -1;
    double m_speed = 1.0;
    QTimer m_timer;
};
