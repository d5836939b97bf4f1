#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QComboBox;
class QSlider;
class QToolButton;

// Play/pause, step one poll back/forward, speed 0.1x-20x and a timeline for a recording. Holds no
// source: it shows the frame times it is given and the frame app/ says is shown, and asks for
// changes by signal (app/replaydriver.h moves the ReplaySource and the Poller).
class ReplayControls : public QWidget
{
    Q_OBJECT
public:
    // frameTimesMs: when each recorded frame was taken, in file order.
    explicit ReplayControls(QList<qint64> frameTimesMs, QWidget *parent = nullptr);

    void setPlaying(bool playing);
    bool isPlaying() const { return m_playing; }
    // 0.1 ... 20: the recorded pace times this.
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    // Pauses, then asks for the frame delta polls away.
    void step(int delta);
    void seek(int frame);
    // The frame the last snapshot came from: moves the timeline and the time label.
    void setShownFrame(int frame);
    int shownFrame() const { return m_shown; }

Q_SIGNALS:
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void stepRequested(int delta);
    void seekRequested(int frame);

private:
    void updateTime();
    int frameCount() const { return int(m_times.size()); }

    QList<qint64> m_times;
    QToolButton *m_play;
    QToolButton *m_back;
    QToolButton *m_forward;
    QComboBox *m_speedBox;
    QSlider *m_timeline;
    QLabel *m_time;
    int m_shown = 0;
    bool m_playing = true;
    double m_speed = 1.0;
};
