#include "replaydriver.h"

#include "panels/replaycontrols.h"
#include "pipeline/poller.h"
#include "sources/replay/replaysource.h"

#include <cmath>

ReplayDriver::ReplayDriver(ReplaySource *source, Poller *poller, ReplayControls *controls)
    : QObject(controls)
    , m_source(source)
    , m_poller(poller)
    , m_controls(controls)
{
    connect(controls, &ReplayControls::playingChanged, this, [this](bool playing) {
        m_source->setPlaying(playing);
        m_poller->setPaused(!playing);
    });
    connect(controls, &ReplayControls::speedChanged, this, &ReplayDriver::setSpeed);
    connect(controls, &ReplayControls::stepRequested, this, [this](int delta) {
        m_source->step(delta);
        requestPoll();
    });
    connect(controls, &ReplayControls::seekRequested, this, [this](int frame) {
        m_source->seek(frame);
        requestPoll();
    });
    connect(poller, &Poller::snapshotReady, this, &ReplayDriver::onSnapshot);
    connect(poller, &Poller::pausedChanged, this, [this](bool paused) { m_controls->setPlaying(!paused); });
    m_source->setPlaying(controls->isPlaying());
    setSpeed(controls->speed());
    m_controls->setShownFrame(m_source->shownFrame());
}

ReplayControls *ReplayDriver::createControls(const ReplaySource &source, QWidget *parent)
{
    QList<qint64> times;
    times.reserve(source.frameCount());
    for (int i = 0; i < source.frameCount(); ++i)
        times.append(source.frameTimeMs(i));
    return new ReplayControls(std::move(times), parent);
}

void ReplayDriver::setSpeed(double speed)
{
    // The poller cannot go below MinIntervalMs; beyond that, skip frames instead (stride).
    const double ideal = m_source->recordedIntervalMs() / speed;
    const int stride = qMax(1, int(std::ceil(Poller::MinIntervalMs / ideal)));
    m_source->setStride(stride);
    m_poller->setIntervalMs(int(std::lround(ideal * stride)));
}

// A poll already in flight would answer with the old position: ask again once it lands.
void ReplayDriver::requestPoll()
{
    if (m_poller->isPolling())
        m_pendingPoll = true;
    else
        m_poller->pollNow();
}

void ReplayDriver::onSnapshot()
{
    if (std::exchange(m_pendingPoll, false))
        m_poller->pollNow();
    m_controls->setShownFrame(m_source->shownFrame());
}
