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

    explicit Poller(std::unique_ptr<SnapshotSource> source, QObject *parent = nullptr);
    ~Poller() override;

    QString sourceDescription() const { return m_description; }
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

private:
    void onPolled(const Snapshot &snapshot);
    void arm();

    QString m_description;
    QThread m_thread;
    PollWorker *m_worker = nullptr;
    QThread m_ownerThread; // the source's owner scans (pipeline/ownerworker.h), when it has them
    OwnerWorker *m_ownerWorker = nullptr;
    QTimer m_timer;
    QTimer m_countersTimer;
    SnapshotPacer m_pacer;
    QElapsedTimer m_sincePollStart;
    int m_intervalMs = DefaultIntervalMs;
    bool m_inFlight = false;
    bool m_paused = false;
    bool m_started = false;
};
