#pragma once

#include "core/counters.h"
#include "core/snapshot.h"
#include "pipeline/snapshotpacer.h"
#include "sources/snapshotsource.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

class EventDrainer;
class Recorder;
class OwnerWorker;
class PollWorker;

// Polls a source on a worker thread. The next poll is armed only when the last one has
// finished, so polls never overlap however slow the source is.
class Poller : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinIntervalMs = 100;
    static constexpr int DefaultIntervalMs = 1000;

    // recorder: records the snapshots of a source that does not record itself (SnapshotRecorder).
    explicit Poller(std::unique_ptr<SnapshotSource> source, QObject *parent = nullptr,
        std::shared_ptr<Recorder> recorder = nullptr);
    ~Poller() override;

    // "netlink sock_diag", with " + eBPF" once the kernel's state changes flow (eventdrainer.h).
    QString sourceDescription() const;
    bool stateEventsRunning() const { return m_eventsRunning; }
    // Why the state changes do not flow (and how to fix it); empty when they do or the source has none.
    const QString &stateEventsProblem() const { return m_eventsProblem; }
    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    bool isPaused() const { return m_paused; }
    bool isPolling() const { return m_inFlight; }

    void start();
    void setPaused(bool paused);
    // Polls at once unless a poll is already running (then its result is the answer).
    void pollNow();
    // Full snapshots are spaced out when one costs more than the CPU budget (snapshotpacer.h);
    // counters then keep the requested interval.
    const SnapshotPacer &pacer() const { return m_pacer; }

Q_SIGNALS:
    void snapshotReady(const Snapshot &snapshot);
    void pausedChanged(bool paused);
    // Kernel-wide counters, every interval while full snapshots are slowed down.
    void countersReady(const Counters &counters);
    // Full snapshots were slowed down (reason says why, for the status bar) or are back to normal.
    void pacingChanged(bool slowed, const QString &reason);
    // The source's state-change feed started, or could not (problem says why and what to do).
    void stateEventsChanged(bool running, const QString &problem);

private:
    void onPolled(const Snapshot &snapshot);
    void arm();

    QString m_description;
    QThread m_thread;
    PollWorker *m_worker = nullptr;
    QThread m_ownerThread; // the source's owner scans (pipeline/ownerworker.h), when it has them
    OwnerWorker *m_ownerWorker = nullptr;
    std::unique_ptr<EventDrainer> m_events; // outlives the poll thread, which takes from it
    bool m_eventsRunning = false;
    QString m_eventsProblem;
    QTimer m_timer;
    QTimer m_countersTimer;
    SnapshotPacer m_pacer;
    QElapsedTimer m_sincePollStart;
    int m_intervalMs = DefaultIntervalMs;
    bool m_inFlight = false;
    bool m_paused = false;
    bool m_started = false;
};
