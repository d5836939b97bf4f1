#include "pipeline/livesession.h"

#include "tracker/transitioncounts.h"

#include "pipeline/poller.h"
#include "stream/recorder.h"

LiveSession::LiveSession(QObject *parent)
    : QObject(parent)
    , m_recorder(std::make_shared<Recorder>())
    , m_intervalMs(Poller::DefaultIntervalMs)
{
    qRegisterMetaType<TrackerResultPtr>();
    m_trackerWorker = new TrackerWorker;
    m_trackerWorker->moveToThread(&m_trackerThread);
    connect(&m_trackerThread, &QThread::finished, m_trackerWorker, &QObject::deleteLater);
    connect(m_trackerWorker, &TrackerWorker::tracked, this, &LiveSession::onTracked, Qt::QueuedConnection);
    m_trackerThread.setObjectName(QStringLiteral("tcpscope tracker"));
    m_trackerThread.start();
}

LiveSession::~LiveSession()
{
    delete m_poller;
    m_trackerThread.quit();
    m_trackerThread.wait();
}

void LiveSession::setSource(std::unique_ptr<SnapshotSource> source, bool sameHost)
{
    if (m_poller)
        Q_EMIT sourceAboutToChange();
    delete m_poller; // waits for a poll in flight; its queued results go with it
    m_poller = nullptr;
    if (!sameHost) {
        ++m_generation; // the tracker starts afresh with the next snapshot
        m_history.clear();
        m_last = Snapshot();
    }
    m_poller = new Poller(std::move(source), this, m_recorder);
    m_poller->setIntervalMs(m_intervalMs);
    connect(m_poller, &Poller::snapshotReady, this, &LiveSession::feed);
    connect(m_poller, &Poller::pausedChanged, this, &LiveSession::pausedChanged);
    connect(m_poller, &Poller::pacingChanged, this, &LiveSession::pacingChanged);
    connect(m_poller, &Poller::stateEventsChanged, this, &LiveSession::stateEventsChanged);
    connect(m_poller, &Poller::countersReady, this, &LiveSession::countersReady);
    Q_EMIT sourceChanged(sameHost);
    m_poller->start();
}

bool LiveSession::feed(const Snapshot &snapshot)
{
    // If tracking falls behind a fast poll interval, skip a poll rather than queue without bound:
    // the next diff then covers two intervals (its hops are inferred, as between any two polls).
    if (m_inFlight >= MaxInFlight) {
        ++m_skipped;
        return false;
    }
    ++m_inFlight;
    QMetaObject::invokeMethod(
        m_trackerWorker, [w = m_trackerWorker, snapshot, g = m_generation] { w->track(snapshot, g); });
    return true;
}

void LiveSession::onTracked(const TrackerResultPtr &result)
{
    --m_inFlight;
    if (result->generation != m_generation)
        return; // from the source watched before
    const Snapshot &snapshot = result->snapshot;
    if (!snapshot.isValid()) {
        m_history.markGap(); // connections are not declared gone because one read failed
    } else {
        // A stream source that lost frames (dropped SSH link, damaged recording) says so on the next one.
        if (snapshot.gapBefore())
            m_history.markGap();
        // The first poll of a host lists what already existed: no transitions to plot.
        const TransitionCounts c = m_history.isEmpty() ? TransitionCounts() : TransitionCounts::of(result->events);
        m_history.append(snapshot, { quint32(c.opened), quint32(c.enteredTimeWait), quint32(c.closed) });
        m_last = snapshot;
    }
    Q_EMIT tracked(result);
}

void LiveSession::setIntervalMs(int ms)
{
    m_intervalMs = qMax(ms, Poller::MinIntervalMs);
    if (m_poller)
        m_poller->setIntervalMs(m_intervalMs);
}

void LiveSession::setPaused(bool paused)
{
    if (m_poller)
        m_poller->setPaused(paused);
}

void LiveSession::pollNow()
{
    if (m_poller)
        m_poller->pollNow();
}

QString LiveSession::sourceDescription() const
{
    return m_poller ? m_poller->sourceDescription() : QString();
}
