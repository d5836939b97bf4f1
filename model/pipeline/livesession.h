#pragma once

#include "core/snapshot.h"
#include "history/statehistory.h"
#include "pipeline/trackerworker.h"
#include "sources/snapshotsource.h"

#include <QObject>
#include <QThread>

#include <memory>

class Poller;
class Recorder;

// One live pipeline: a Poller on the source, the ConnectionTracker on its own thread (TrackerWorker)
// and the per-state history. Each poll is tracked off the GUI thread; at most two are in flight (a
// poll is skipped rather than queued without bound). A new host bumps the generation: the tracker
// and history start afresh and results still on their way from the old host are dropped.
class LiveSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxInFlight = 2;

    explicit LiveSession(QObject *parent = nullptr);
    ~LiveSession() override;

    // Polls `source` from now on. Unless sameHost (the same host read another way, e.g. to record
    // it), the history and last snapshot are cleared and the tracker starts afresh.
    void setSource(std::unique_ptr<SnapshotSource> source, bool sameHost = false);
    // Tracks one poll as if the poller had produced it (tests, benchmarks). False when skipped.
    bool feed(const Snapshot &snapshot);

    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    void setPaused(bool paused);
    void pollNow();

    Poller *poller() const { return m_poller; }
    QString sourceDescription() const;
    const StateHistory &history() const { return m_history; }
    // The last valid snapshot of this host that went into the history.
    const Snapshot &lastSnapshot() const { return m_last; }
    quint64 generation() const { return m_generation; }
    int inFlight() const { return m_inFlight; }
    int skipped() const { return m_skipped; } // polls dropped by the back-pressure, ever
    // One recorder for every source of the session: hand it to the sources that can record, and
    // start or stop it from the GUI (Recorder is thread-safe).
    const std::shared_ptr<Recorder> &recorder() const { return m_recorder; }

Q_SIGNALS:
    // A poll of the current generation, tracked; the history already holds it (or its gap).
    void tracked(const TrackerResultPtr &result);
    // The poller is about to be replaced: let go of anything that drives it (replay controls).
    void sourceAboutToChange();
    // The new poller exists and has not polled yet (so a replay's controls can be set up first).
    void sourceChanged(bool sameHost);
    void pausedChanged(bool paused);
    void pacingChanged(bool slowed, const QString &reason);
    void stateEventsChanged(bool running, const QString &problem);
    void countersReady(const Counters &counters);

private:
    void onTracked(const TrackerResultPtr &result);

    std::shared_ptr<Recorder> m_recorder;
    Poller *m_poller = nullptr;
    QThread m_trackerThread;
    TrackerWorker *m_trackerWorker = nullptr; // lives in m_trackerThread
    quint64 m_generation = 0;
    StateHistory m_history;
    Snapshot m_last;
    int m_intervalMs;
    int m_inFlight = 0; // snapshots handed to the tracker thread and not yet back
    int m_skipped = 0;
};
