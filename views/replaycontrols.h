#pragma once

#include <QWidget>

class Poller;
class QLabel;
class QComboBox;
class QSlider;
class QToolButton;
class ReplaySource;
class Snapshot;

// Play/pause, step one poll back/forward, speed 0.1x-20x and a timeline for a recording.
// Drives the ReplaySource (thread-safe position) and the Poller (interval, pause, poll now);
// both must outlive the widget. Feed it every snapshot so the timeline follows playback.
class ReplayControls : public QWidget
{
    Q_OBJECT
public:
    ReplayControls(ReplaySource *source, Poller *poller, QWidget *parent = nullptr);

    void setPlaying(bool playing);
    bool isPlaying() const { return m_playing; }
    // 0.1 ... 20: the recorded pace times this.
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    void step(int delta);
    void seek(int frame);
    void onSnapshot(const Snapshot &snapshot);

private:
    void updateTime();
    void requestPoll();

    ReplaySource *m_source;
    Poller *m_poller;
    QToolButton *m_play;
    QToolButton *m_back;
    QToolButton *m_forward;
    QComboBox *m_speedBox;
    QSlider *m_timeline;
    QLabel *m_time;
    bool m_playing = true;
    bool m_pendingPoll = false;
    double m_speed = 1.0;
};
