#pragma once

#include "core/stateeventfeed.h"
#include "core/stateevents.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <thread>

// Drains a StateEventFeed every DrainMs on a thread of its own (the kernel's ring buffer holds about
// 18k changes: a 1 s poll would overflow it at 20k transitions/s), and hands what it gathered to the
// poll thread with take(). Starting the feed (loading the BPF program) happens on that thread too,
// so neither the GUI nor a poll waits for it; `started` is called there with the outcome.
class EventDrainer
{
public:
    static constexpr int DrainMs = 50;

    // lost: called on the drainer's thread when the kernel dropped changes since the last drain (the
    // ring buffer was full), so the owner can poll at once and resynchronise.
    EventDrainer(std::shared_ptr<StateEventFeed> feed, std::function<void(const Status &)> started = {},
        std::function<void()> lost = {});
    ~EventDrainer();
    EventDrainer(const EventDrainer &) = delete;
    EventDrainer &operator=(const EventDrainer &) = delete;

    bool isRunning() const { return m_running.load(); }
    // Waits up to ms for the feed to start: its outcome, or nullopt when it is still loading.
    std::optional<Status> waitStarted(int ms) const;
    // Poll thread, right after a poll: everything the kernel reported up to now (drained first, so a
    // change the dump already saw comes with it), or nullptr while the feed does not run.
    std::shared_ptr<const StateEvents> take();

private:
    void run(const std::function<void(const Status &)> &started);
    void drainLocked(); // m_mutex held

    std::shared_ptr<StateEventFeed> m_feed;
    std::function<void()> m_lost;
    quint64 m_lostSeen = 0; // drainer thread: lostEvents() at the last drain
    QMutex m_mutex; // the feed's ring buffer and m_pending
    std::vector<TcpStateEvent> m_pending;
    quint64 m_lostTaken = 0;
    std::atomic<bool> m_running { false };
    std::atomic<bool> m_stop { false };
    std::promise<Status> m_started;
    std::shared_future<Status> m_startedFuture;
    std::thread m_thread;
};
