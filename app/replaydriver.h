#pragma once

#include <QObject>

class Poller;
class ReplayControls;
class ReplaySource;

// Wires the replay controls to the recording being played: play/pause, speed, step and seek move the
// ReplaySource (its position is thread-safe) and the Poller; every snapshot moves the timeline back.
// The source and the poller must outlive it; it is a child of the controls.
class ReplayDriver : public QObject
{
    Q_OBJECT
public:
    ReplayDriver(ReplaySource *source, Poller *poller, ReplayControls *controls);

    static ReplayControls *createControls(const ReplaySource &source, QWidget *parent);

private:
    void setSpeed(double speed);
    void requestPoll();
    void onSnapshot();

    ReplaySource *m_source;
    Poller *m_poller;
    ReplayControls *m_controls;
    bool m_pendingPoll = false;
};
