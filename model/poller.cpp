#include "poller.h"

#include "pollworker.h"

Poller::Poller(std::unique_ptr<SnapshotSource> source, QObject *parent)
    : QObject(parent)
    , m_description(source->description())
{
    qRegisterMetaType<Snapshot>();
    m_thread.setObjectName(QStringLiteral("tcpscope-poller"));
    m_worker = new PollWorker(std::move(source));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PollWorker::polled, this, &Poller::onPolled, Qt::QueuedConnection);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::pollNow);
    m_thread.start();
}

Poller::~Poller()
{
    m_timer.stop();
    m_thread.quit();
    m_thread.wait(); // a poll in flight finishes first; sources bound their own blocking
}

void Poller::setIntervalMs(int ms)
{
    m_intervalMs = qMax(ms, MinIntervalMs);
    if (m_timer.isActive())
        arm();
}

void Poller::start()
{
    m_started = true;
    if (!m_paused)
        pollNow();
}

void Poller::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (m_started && !m_inFlight)
        pollNow();
    Q_EMIT pausedChanged(paused);
}

void Poller::pollNow()
{
    if (m_inFlight)
        return;
    m_timer.stop();
    m_inFlight = true;
    m_sincePollStart.start();
    QMetaObject::invokeMethod(m_worker, &PollWorker::poll, Qt::QueuedConnection);
}

void Poller::onPolled(const Snapshot &snapshot)
{
    m_inFlight = false;
    if (!m_paused)
        arm();
    Q_EMIT snapshotReady(snapshot);
}

void Poller::arm()
{
    // Keep a steady cadence: the time the poll took counts toward the interval.
    const qint64 elapsed = m_sincePollStart.isValid() ? m_sincePollStart.elapsed() : 0;
    m_timer.start(int(qMax<qint64>(0, m_intervalMs - elapsed)));
}
