#include "pipeline/poller.h"

#include "pipeline/eventdrainer.h"
#include "pipeline/ownerworker.h"
#include "pipeline/pollworker.h"

#include <QDebug>

Poller::Poller(std::unique_ptr<SnapshotSource> source, QObject *parent, std::shared_ptr<Recorder> recorder)
    : QObject(parent)
    , m_description(source->description())
{
    qRegisterMetaType<Snapshot>();
    qRegisterMetaType<Counters>();
    m_thread.setObjectName(QStringLiteral("tcpscope-poller"));
    if (std::shared_ptr<OwnerLookup> owners = source->ownerLookup()) {
        m_ownerThread.setObjectName(QStringLiteral("tcpscope-owners"));
        m_ownerWorker = new OwnerWorker(std::move(owners));
        m_ownerWorker->moveToThread(&m_ownerThread);
        connect(&m_ownerThread, &QThread::finished, m_ownerWorker, &QObject::deleteLater);
        m_ownerThread.start();
    }
    if (std::shared_ptr<StateEventFeed> feed = source->stateEventFeed()) {
        // Loading the program takes a while: on the drainer's thread, reported back here.
        m_events = std::make_unique<EventDrainer>(
            std::move(feed),
            [this](const Status &status) {
                if (!status.ok()) // the log; the status bar says it too (LiveSession::stateEventsChanged)
                    qWarning().noquote() << "tcpscope: eBPF state changes off:" << status.error();
                QMetaObject::invokeMethod(
                    this,
                    [this, status] {
                        m_eventsRunning = status.ok();
                        m_eventsProblem = status.error();
                        Q_EMIT stateEventsChanged(m_eventsRunning, m_eventsProblem);
                    },
                    Qt::QueuedConnection);
            },
            // Changes were lost: the paths since the last poll are incomplete, so poll now rather than
            // at the interval (the poll is the truth about what exists; its paths are inferred).
            [this] { QMetaObject::invokeMethod(this, &Poller::pollNow, Qt::QueuedConnection); });
    }
    m_worker = new PollWorker(std::move(source), m_ownerWorker, m_events.get(), std::move(recorder));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PollWorker::polled, this, &Poller::onPolled, Qt::QueuedConnection);
    connect(m_worker, &PollWorker::countersRead, this, &Poller::countersReady, Qt::QueuedConnection);
    connect(&m_countersTimer, &QTimer::timeout, m_worker, &PollWorker::readCounters, Qt::QueuedConnection);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::pollNow);
    m_thread.start();
}

Poller::~Poller()
{
    m_timer.stop();
    m_thread.quit();
    m_thread.wait(); // a poll in flight finishes first; sources bound their own blocking
    m_ownerThread.quit(); // after the poll thread: it may still ask for a scan
    m_ownerThread.wait(); // a scan in flight finishes first (a fraction of a second at 50k sockets)
}

QString Poller::sourceDescription() const
{
    return m_eventsRunning ? m_description + QStringLiteral(" + eBPF") : m_description;
}

void Poller::setIntervalMs(int ms)
{
    m_intervalMs = qMax(ms, MinIntervalMs);
    m_pacer.setRequestedIntervalMs(m_intervalMs);
    m_countersTimer.setInterval(m_intervalMs);
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
    if (paused) {
        m_timer.stop();
        m_countersTimer.stop();
    } else {
        if (m_pacer.isSlowed())
            m_countersTimer.start(m_intervalMs);
        if (m_started && !m_inFlight)
            pollNow();
    }
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
    if (snapshot.isValid()) {
        const bool wasSlowed = m_pacer.isSlowed();
        const int before = m_pacer.fullIntervalMs();
        // The budget is a share of a core, so CPU time where the source measures it.
        const qint64 cost = snapshot.pollCpuUs() > 0 ? snapshot.pollCpuUs() : snapshot.pollDurationUs();
        m_pacer.recordPoll(cost, qsizetype(snapshot.sockets().size()));
        if (m_pacer.isSlowed() != wasSlowed || m_pacer.fullIntervalMs() != before) {
            if (m_pacer.isSlowed() && !m_paused)
                m_countersTimer.start(m_intervalMs);
            else
                m_countersTimer.stop();
            Q_EMIT pacingChanged(m_pacer.isSlowed(), m_pacer.reason());
        }
    }
    if (!m_paused)
        arm();
    Q_EMIT snapshotReady(snapshot);
}

void Poller::arm()
{
    // Keep a steady cadence: the time the poll took counts toward the interval.
    const qint64 elapsed = m_sincePollStart.isValid() ? m_sincePollStart.elapsed() : 0;
    m_timer.start(int(qMax<qint64>(0, m_pacer.fullIntervalMs() - elapsed)));
}
