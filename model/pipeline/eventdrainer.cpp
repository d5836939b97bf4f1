#include "pipeline/eventdrainer.h"

#include <QDebug>

#include <chrono>

EventDrainer::EventDrainer(
    std::shared_ptr<StateEventFeed> feed, std::function<void(const Status &)> started, std::function<void()> lost)
    : m_feed(std::move(feed))
    , m_lost(std::move(lost))
    , m_startedFuture(m_started.get_future().share())
{
    m_thread = std::thread([this, started = std::move(started)] { run(started); });
}

EventDrainer::~EventDrainer()
{
    m_stop.store(true);
    if (m_thread.joinable())
        m_thread.join();
}

void EventDrainer::run(const std::function<void(const Status &)> &started)
{
    const Status status = m_feed->start(); // a failure is the caller's to show (started)
    m_running.store(status.ok());
    m_started.set_value(status);
    if (started)
        started(status);
    while (status.ok() && !m_stop.load()) {
        quint64 lostNow = 0;
        {
            const QMutexLocker lock(&m_mutex);
            drainLocked();
            lostNow = m_feed->lostEvents();
        }
        if (lostNow > m_lostSeen && m_lost)
            m_lost();
        m_lostSeen = lostNow;
        std::this_thread::sleep_for(std::chrono::milliseconds(DrainMs));
    }
}

void EventDrainer::drainLocked()
{
    const Expected<qsizetype> n = m_feed->drain(m_pending, 0);
    if (!n.ok())
        qWarning().noquote() << "tcpscope: eBPF state events:" << n.error();
}

std::optional<Status> EventDrainer::waitStarted(int ms) const
{
    if (m_startedFuture.wait_for(std::chrono::milliseconds(ms)) != std::future_status::ready)
        return std::nullopt;
    return m_startedFuture.get();
}

std::shared_ptr<const StateEvents> EventDrainer::take()
{
    if (!m_running.load())
        return nullptr;
    auto events = std::make_shared<StateEvents>();
    const QMutexLocker lock(&m_mutex);
    drainLocked();
    events->changes.swap(m_pending);
    m_pending.reserve(events->changes.size());
    events->lostTotal = m_feed->lostEvents();
    events->lostSincePrevious = events->lostTotal - m_lostTaken;
    m_lostTaken = events->lostTotal;
    return events;
}
