#include "teaching/lessonplayer.h"

#include <cmath>

LessonPlayer::LessonPlayer(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(baseIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        stepForward();
        if (atEnd())
            pause();
    });
}

void LessonPlayer::setLesson(const Lesson &lesson)
{
    pause();
    m_lesson = lesson;
    m_step = -1;
    Q_EMIT lessonChanged();
    Q_EMIT stepChanged(m_step);
}

void LessonPlayer::play()
{
    if (stepCount() == 0 || m_timer.isActive())
        return;
    if (atEnd())
        seek(-1); // playing a finished lesson starts it again
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void LessonPlayer::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void LessonPlayer::togglePlay()
{
    isPlaying() ? pause() : play();
}

void LessonPlayer::stepForward()
{
    seek(m_step + 1);
}

void LessonPlayer::stepBack()
{
    seek(m_step - 1);
}

void LessonPlayer::restart()
{
    pause();
    seek(-1);
}

void LessonPlayer::seek(int step)
{
    step = qBound(-1, step, stepCount() - 1);
    if (step == m_step)
        return;
    m_step = step;
    Q_EMIT stepChanged(m_step);
}

void LessonPlayer::setSpeed(double speed)
{
    m_speed = qBound(0.25, speed, 8.0);
    m_timer.setInterval(int(std::lround(baseIntervalMs / m_speed)));
}
